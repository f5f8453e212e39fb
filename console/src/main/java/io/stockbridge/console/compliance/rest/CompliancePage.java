package io.stockbridge.console.compliance.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.console.compliance.client.ComplianceClient;
import io.stockbridge.console.compliance.client.Dashboard;
import io.stockbridge.console.compliance.client.Document;
import io.stockbridge.console.config.ConsoleConfig;
import io.stockbridge.console.products.client.ProductClient;
import io.stockbridge.console.products.client.ProductSummary;
import io.stockbridge.console.shell.Back;
import io.stockbridge.console.shell.Notices;
import io.stockbridge.console.shell.Section;
import io.stockbridge.console.shell.ServiceProblem;
import io.stockbridge.console.shell.Viewer;

/**
 * The Compliance page: for a seller, documents expiring and the market dashboard; for a compliance reviewer, the
 * review queue of every seller's documents.
 */
@Path("/compliance")
@Authenticated
public class CompliancePage {
  private static final Set<String> VERDICTS = Set.of("PENDING_REVIEW", "VERIFIED", "REJECTED");

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance compliance(Viewer viewer, String page, String notice, int days,
        Section<List<Document>> expiring, Section<List<Dashboard.Market>> markets, Section<List<Document>> queue,
        Map<String, String> productNames);
  }

  private final ComplianceClient compliance;
  private final ProductClient products;
  private final ConsoleConfig config;
  private final SecurityIdentity identity;

  public CompliancePage(ComplianceClient compliance, ProductClient products, ConsoleConfig config,
      SecurityIdentity identity) {
    this.compliance = compliance;
    this.products = products;
    this.config = config;
    this.identity = identity;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Uni<TemplateInstance> show(@QueryParam("notice") String notice) {
    Viewer viewer = Viewer.of(identity);
    Uni<Section<List<Document>>> expiring = viewer.seller()
        ? Section.of(compliance.expiring(config.expiringDays()), "compliance-service") : none();
    Uni<Section<List<Dashboard.Market>>> markets = viewer.seller()
        ? Section.of(Multi.createFrom().iterable(config.markets())
            .onItem().transformToUniAndConcatenate(compliance::dashboard)
            .collect().asList().map(all -> all.stream().flatMap(board -> board.markets().stream()).toList()),
            "compliance-service")
        : none();
    Uni<Section<List<Document>>> queue = viewer.reviewer() ? Section.of(compliance.reviewQueue(), "compliance-service")
        : none();
    // product names only label the dashboard's rows: without catalog-service the ids are shown
    Uni<Map<String, String>> names = viewer.seller() ? products.products().onFailure().recoverWithItem(List.of())
        .map(all -> all.stream().collect(Collectors.toMap(product -> product.id().toString(), ProductSummary::title,
            (a, b) -> a)))
        : Uni.createFrom().item(Map.of());
    return Uni.combine().all().unis(expiring, markets, queue, names).with((soon, boards, review, named) ->
        Templates.compliance(viewer, "compliance", Notices.of(notice), config.expiringDays(), soon, boards, review,
            named));
  }

  @POST
  @Path("documents/{id}/review")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> review(@PathParam("id") UUID id, @RestForm String status, @RestForm String reason) {
    if (status == null || !VERDICTS.contains(status)) {
      throw new ServiceProblem(400, "VALIDATION_FAILED", "Choose a review step", null,
          List.of(new ServiceProblem.FieldProblem("status", "one of PENDING_REVIEW, VERIFIED, REJECTED")));
    }
    return compliance.transition(id, status, reason).map(document -> Back.to(null, "/compliance", "reviewed"));
  }

  private static <T> Uni<Section<T>> none() {
    return Uni.createFrom().item(new Section<>(null, null));
  }
}
