package io.stockbridge.compliance.check.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.compliance.category.service.CategoryDirectory;
import io.stockbridge.compliance.category.service.CategoryStanding;
import io.stockbridge.compliance.categoryaccess.repository.AccessRequestStatus;
import io.stockbridge.compliance.categoryaccess.repository.CategoryAccessRequest;
import io.stockbridge.compliance.check.CheckFacts;
import io.stockbridge.compliance.check.CheckRequest;
import io.stockbridge.compliance.check.Finding;
import io.stockbridge.compliance.config.ComplianceConfig;
import io.stockbridge.compliance.document.repository.ComplianceDocument;
import io.stockbridge.compliance.document.repository.DocumentScope;
import io.stockbridge.compliance.document.repository.DocumentStatus;
import io.stockbridge.compliance.document.repository.DocumentType;
import io.stockbridge.compliance.inci.service.InciDictionary;
import io.stockbridge.compliance.market.CategoryPath;

/**
 * Judges one product against the rules: the category whitelist (LST-2), the required documents (CMP-1) and their
 * state (CMP-2), the consistency checks (CMP-3) and the tax id (CMP-4). It reads nothing itself, so the same
 * judgement serves a check and the dashboard, and a test can feed it any situation.
 */
@ApplicationScoped
public class PublicationCheck {
  private final InciDictionary inci;
  private final ComplianceConfig config;

  public PublicationCheck(InciDictionary inci, ComplianceConfig config) {
    this.inci = inci;
    this.config = config;
  }

  public Outcome judge(CheckRequest request, CheckContext context, LocalDate today) {
    List<Finding> failures = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    CheckFacts facts = request.factsOrNone();
    judgeCategory(request, context, failures);
    Set<DocumentType> required = context.rules().requiredFor(request.category(), facts.attributeMap());
    for (DocumentType type : required) {
      judgeDocuments(type, request, context, today, failures, warnings);
    }
    if (context.tin().required() && !required.contains(DocumentType.TIN)) {
      judgeDocuments(DocumentType.TIN, request, context, today, failures, warnings);
    }
    if (required.contains(DocumentType.CPI)) {
      judgeIngredients(facts, failures, warnings);
    }
    if (required.contains(DocumentType.FCC_TEST_REPORT)) {
      judgeFccReportDate(request, context, today, failures, warnings);
    }
    return new Outcome(failures.isEmpty(), context.rules().version(), List.copyOf(failures), List.copyOf(warnings));
  }

  /** LST-2: an invitation-only category needs an approved access request. */
  private static void judgeCategory(CheckRequest request, CheckContext context, List<Finding> failures) {
    CategoryStanding standing = CategoryDirectory.standing(context.categories(), request.category());
    switch (standing.access()) {
      case OPEN -> {
      }
      case UNKNOWN -> failures.add(Finding.of("category_unknown", "category", null,
          "'" + request.category() + "' is not a category of " + request.market()
              + "; GET /v1/categories?market=" + request.market() + " lists them"));
      case INVITATION_ONLY -> {
        List<CategoryAccessRequest> asked = context.accessRequests().stream()
            .filter(r -> CategoryPath.key(r.category).equals(CategoryPath.key(standing.topLevel()))).toList();
        if (asked.stream().anyMatch(r -> r.status == AccessRequestStatus.APPROVED)) {
          return;
        }
        Optional<CategoryAccessRequest> pending = asked.stream()
            .filter(r -> r.status == AccessRequestStatus.PENDING).findFirst();
        if (pending.isPresent()) {
          failures.add(Finding.of("category_access_pending", "category", null,
              "Your request to sell in " + standing.topLevel() + " in " + request.market() + " (filed "
                  + pending.get().createdAt.toLocalDate() + ") is waiting for a decision"));
          return;
        }
        String rejected = asked.stream().filter(r -> r.status == AccessRequestStatus.REJECTED)
            .reduce((first, second) -> second)
            .map(r -> "; your last request was rejected: " + r.decisionReason).orElse("");
        failures.add(Finding.of("category_not_whitelisted", "category", null,
            standing.topLevel() + " is open by invitation only in " + request.market()
                + "; request access with POST /v1/category-access-requests" + rejected));
      }
    }
  }

  /** CMP-1 and CMP-2: a required type needs a verified, unexpired document covering the product. */
  private void judgeDocuments(DocumentType type, CheckRequest request, CheckContext context, LocalDate today,
      List<Finding> failures, List<Finding> warnings) {
    List<ComplianceDocument> candidates = candidates(type, request, context);
    List<ComplianceDocument> covering = covering(candidates, request, today);
    if (!covering.isEmpty()) {
      warnIfExpiring(type, covering, today, warnings);
      return;
    }
    String prefix = type == DocumentType.TIN ? tinReason(request, context) : "";
    String field = "documents." + type.name();
    Optional<ComplianceDocument> inReview = newest(candidates, today, DocumentStatus.SUBMITTED,
        DocumentStatus.PENDING_REVIEW);
    Optional<ComplianceDocument> expired = newest(candidates, today, DocumentStatus.EXPIRED);
    Optional<ComplianceDocument> rejected = newest(candidates, today, DocumentStatus.REJECTED);
    List<String> uncovered = uncoveredSkus(candidates, request, today);
    boolean someSkusCovered = !request.skus().isEmpty() && uncovered.size() < request.skus().size();
    if (inReview.isPresent()) {
      ComplianceDocument doc = inReview.get();
      failures.add(Finding.of(type == DocumentType.TIN ? type.missingCode() : "document_pending_review", field, type,
          prefix + "Your " + type.label() + " no. " + doc.number + " is " + label(doc.statusOn(today))
              + "; only a verified document counts"));
    } else if (expired.isPresent()) {
      ComplianceDocument doc = expired.get();
      failures.add(Finding.of(type == DocumentType.TIN ? type.missingCode() : "document_expired", field, type,
          prefix + "Your " + type.label() + " no. " + doc.number + " expired on " + doc.expiresAt
              + "; upload a current one"));
    } else if (someSkusCovered) {
      failures.add(Finding.of(type.missingCode(), "skuIds", type, prefix + "No verified " + type.label() + " for "
          + request.market() + " covers SKU " + String.join(", ", uncovered)));
    } else {
      String why = rejected.map(doc -> "; the last one (no. " + doc.number + ") was rejected: " + doc.reviewReason)
          .orElse("");
      failures.add(Finding.of(type.missingCode(), field, type, prefix + "No verified " + type.label() + " for "
          + request.market() + " is on file" + why + "; upload one with POST /v1/documents"));
    }
  }

  private static String tinReason(CheckRequest request, CheckContext context) {
    return "Your sales in " + request.market() + " reached USD " + context.tin().amountUsd().toPlainString()
        + " in " + context.tin().firstMonthAbove() + ", above the threshold, so a tax id (TIN) is required there and payouts are frozen until it is verified. ";
  }

  private static List<ComplianceDocument> candidates(DocumentType type, CheckRequest request, CheckContext context) {
    return context.documents().stream()
        .filter(doc -> doc.type == type && doc.market == request.market())
        .filter(doc -> switch (doc.scope) {
          case SELLER -> true;
          case PRODUCT -> request.productId().equals(doc.scopeId);
          case SKU -> request.skus().contains(doc.scopeId);
        })
        .toList();
  }

  /** Usable documents that cover the whole product: one for the seller or product, or one per SKU. */
  private static List<ComplianceDocument> covering(List<ComplianceDocument> candidates, CheckRequest request,
      LocalDate today) {
    List<ComplianceDocument> usable = candidates.stream().filter(doc -> doc.usableOn(today)).toList();
    List<ComplianceDocument> wide = usable.stream().filter(doc -> doc.scope != DocumentScope.SKU).toList();
    if (!wide.isEmpty()) {
      return wide;
    }
    if (!request.skus().isEmpty() && uncoveredSkus(candidates, request, today).isEmpty()) {
      return usable;
    }
    return List.of();
  }

  private static List<String> uncoveredSkus(List<ComplianceDocument> candidates, CheckRequest request,
      LocalDate today) {
    Set<String> covered = candidates.stream()
        .filter(doc -> doc.scope == DocumentScope.SKU && doc.usableOn(today))
        .map(doc -> doc.scopeId).collect(Collectors.toSet());
    return request.skus().stream().filter(sku -> !covered.contains(sku)).toList();
  }

  private void warnIfExpiring(DocumentType type, List<ComplianceDocument> covering, LocalDate today,
      List<Finding> warnings) {
    LocalDate horizon = today.plusDays(config.documents().expiryWarningDays());
    // the product stays covered as long as the longest-lived covering document
    if (covering.stream().anyMatch(doc -> doc.expiresAt == null)) {
      return;
    }
    ComplianceDocument last = covering.stream().max(Comparator.comparing(doc -> doc.expiresAt)).orElseThrow();
    if (!last.expiresAt.isAfter(horizon)) {
      warnings.add(Finding.of("document_expiring", "documents." + type.name(), type,
          "Your " + type.label() + " no. " + last.number + " expires on " + last.expiresAt
              + "; upload its renewal before then"));
    }
  }

  /** CMP-3: a CPI names its ingredients by INCI name ("Aqua", not "Purified Water"). */
  private void judgeIngredients(CheckFacts facts, List<Finding> failures, List<Finding> warnings) {
    List<String> ingredients = facts.ingredientList();
    if (ingredients.isEmpty()) {
      failures.add(Finding.of("cpi_ingredients_missing", "facts.ingredients", DocumentType.CPI,
          "The product needs a CPI; send its ingredient list so it can be checked against INCI names"));
      return;
    }
    for (int i = 0; i < ingredients.size(); i++) {
      InciDictionary.Match match = inci.match(ingredients.get(i));
      String field = "facts.ingredients[" + i + "]";
      switch (match.verdict()) {
        case INCI -> {
        }
        case NOT_INCI -> failures.add(new Finding("cpi_ingredient_not_inci", field, DocumentType.CPI,
            "'" + match.ingredient() + "' is not an INCI name; the CPI must say '" + match.inciName() + "'",
            match.inciName()));
        case UNKNOWN -> warnings.add(Finding.of("ingredient_not_in_inci_dictionary", field, DocumentType.CPI,
            "'" + match.ingredient() + "' is not in the INCI dictionary; make sure it is its INCI name"));
      }
    }
  }

  /** CMP-3: an FCC report dated before the model's first registration cannot be a report of that model. */
  private static void judgeFccReportDate(CheckRequest request, CheckContext context, LocalDate today,
      List<Finding> failures, List<Finding> warnings) {
    List<ComplianceDocument> reports = covering(candidates(DocumentType.FCC_TEST_REPORT, request, context), request,
        today);
    if (reports.isEmpty()) {
      return;
    }
    LocalDate registered = request.factsOrNone().modelFirstRegisteredAt();
    if (registered == null) {
      warnings.add(Finding.of("model_registration_date_unknown", "facts.modelFirstRegisteredAt",
          DocumentType.FCC_TEST_REPORT,
          "Send the model's first registration date so the FCC report's date can be checked against it"));
      return;
    }
    if (reports.stream().allMatch(doc -> doc.issuedAt.isBefore(registered))) {
      ComplianceDocument latest = reports.stream().max(Comparator.comparing(doc -> doc.issuedAt)).orElseThrow();
      failures.add(Finding.of("fcc_report_predates_model_registration", "facts.modelFirstRegisteredAt",
          DocumentType.FCC_TEST_REPORT, "The FCC test report no. " + latest.number + " is dated " + latest.issuedAt
              + ", before the model's first registration on " + registered + "; it cannot be a report of this model"));
    }
  }

  private static Optional<ComplianceDocument> newest(List<ComplianceDocument> documents, LocalDate today,
      DocumentStatus... statuses) {
    Set<DocumentStatus> wanted = Set.of(statuses);
    return documents.stream().filter(doc -> wanted.contains(doc.statusOn(today)))
        .max(Comparator.comparing(doc -> doc.createdAt));
  }

  /** Only called for a document still waiting: submitted or under review. */
  private static String label(DocumentStatus status) {
    return status == DocumentStatus.PENDING_REVIEW ? "pending review" : "submitted and not yet reviewed";
  }

  /** What a check concludes. */
  public record Outcome(boolean compliant, int ruleVersion, List<Finding> failures, List<Finding> warnings) {
  }
}
