package io.stockbridge.console.compliance.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/** Documents, the market dashboard and the review queue; bounded in time, a review step never retried on a click. */
@ApplicationScoped
public class ComplianceClient {
  private final ComplianceApi api;

  public ComplianceClient(@RestClient ComplianceApi api) {
    this.api = api;
  }

  @Timeout(5_000)
  public Uni<List<Document>> expiring(int days) {
    return api.expiring(days, 200).map(page -> page.items());
  }

  @Timeout(10_000)
  public Uni<Dashboard> dashboard(String market) {
    return api.dashboard(market);
  }

  /** What waits for a reviewer: documents just submitted, then those under review (up to 200 of each). */
  @Timeout(5_000)
  public Uni<List<Document>> reviewQueue() {
    return Uni.combine().all().unis(api.documents("SUBMITTED", 200), api.documents("PENDING_REVIEW", 200))
        .with((submitted, pending) -> {
          List<Document> queue = new ArrayList<>(submitted.items());
          queue.addAll(pending.items());
          return queue;
        });
  }

  @Timeout(5_000)
  public Uni<Document> transition(UUID document, String status, String reason) {
    return api.transition(document, reason == null || reason.isBlank() ? Map.of("status", status)
        : Map.of("status", status, "reason", reason));
  }
}
