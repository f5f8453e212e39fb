package io.stockbridge.catalog.listing.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.listing.client.ComplianceCheckRequest;
import io.stockbridge.catalog.listing.client.ComplianceClient;
import io.stockbridge.catalog.listing.client.ComplianceRefusal;
import io.stockbridge.catalog.listing.client.ComplianceVerdict;
import io.stockbridge.catalog.listing.repository.AttemptStage;
import io.stockbridge.catalog.listing.repository.ListingFailure;
import io.stockbridge.platform.problem.ProblemException;

/**
 * The compliance step of a publication: compliance-service's check of the product for the listing's market and
 * category. Its failures are the listing's (LST-1); a refusal to judge is a failure in compliance-service's words;
 * no answer stops the attempt before the channel, with nothing submitted.
 */
@ApplicationScoped
public class ComplianceGate {
  private final ComplianceClient compliance;

  public ComplianceGate(ComplianceClient compliance) {
    this.compliance = compliance;
  }

  /** The check's id when the product passed; otherwise the result that ends the attempt. */
  record Passage(UUID checkId, AttemptResult stopped) {
    boolean passed() {
      return stopped == null;
    }
  }

  Uni<Passage> check(PublicationClaim claim) {
    return compliance.check(claim.sellerId(), request(claim))
        .map(ComplianceGate::passage)
        .onFailure(ComplianceRefusal.class).recoverWithItem(e -> new Passage(null, AttemptResult.failed(
            AttemptStage.COMPLIANCE, false, List.of(new ListingFailure("compliance_check_refused", null,
                e.getMessage())), null)))
        .onFailure(e -> !(e instanceof ComplianceRefusal)).recoverWithItem(e -> {
          Log.warnf("The compliance check of listing %s could not be made: %s", claim.listingId(), e.toString());
          return new Passage(null, AttemptResult.notSubmitted(AttemptStage.COMPLIANCE, new ListingFailure(
              "compliance_check_unavailable", null, "compliance-service could not be asked; nothing was submitted"),
              null, new ProblemException(503, CatalogProblem.COMPLIANCE_UNAVAILABLE, "Service unavailable",
                  "The compliance check could not be made; try again shortly")));
        });
  }

  private static Passage passage(ComplianceVerdict verdict) {
    if (verdict.compliant()) {
      return new Passage(verdict.id(), null);
    }
    return new Passage(verdict.id(), AttemptResult.failed(AttemptStage.COMPLIANCE, false, verdict.failureList()
        .stream().map(finding -> new ListingFailure(finding.code(), productField(finding.field()), finding.message(),
            finding.suggestion())).toList(),
        verdict.id()));
  }

  /** compliance-service names the facts it was sent ({@code facts.ingredients[0]}); the seller edits the product. */
  private static String productField(String field) {
    return field != null && field.startsWith("facts.") ? field.substring("facts.".length()) : field;
  }

  /**
   * The facts compliance-service judges: title, brand, the model and its first registration, the ingredients in
   * order (CMP-3), and the product's attributes, booleans as booleans.
   */
  private static ComplianceCheckRequest request(PublicationClaim claim) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (claim.product().attributes != null) {
      claim.product().attributes.forEach((name, value) -> attributes.put(name,
          "true".equalsIgnoreCase(value) ? Boolean.TRUE : "false".equalsIgnoreCase(value) ? Boolean.FALSE : value));
    }
    return new ComplianceCheckRequest(claim.market(), claim.product().category, claim.product().id.toString(),
        claim.sellerSkus(), new ComplianceCheckRequest.Facts(claim.product().titles.get("en"),
            claim.product().brand, claim.product().modelNumber, claim.product().modelFirstRegisteredAt,
            claim.product().ingredients == null ? java.util.List.of() : claim.product().ingredients.list(), attributes));
  }
}
