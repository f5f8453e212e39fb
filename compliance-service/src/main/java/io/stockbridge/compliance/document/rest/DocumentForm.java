package io.stockbridge.compliance.document.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.stockbridge.compliance.document.repository.DocumentScope;
import io.stockbridge.compliance.document.repository.DocumentType;
import io.stockbridge.compliance.document.service.DocumentUpload;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * A document upload as a multipart form: the metadata as plain fields and the file. Fields arrive as text and are
 * checked here, so that every mistake is reported at once with its field.
 */
public class DocumentForm {
  @RestForm
  @Schema(implementation = DocumentType.class, type = SchemaType.STRING, required = true)
  public String type;

  @RestForm
  @Schema(description = "Certificate, registration or report number as printed", required = true, maxLength = 100)
  public String number;

  @RestForm
  @Schema(description = "Who issued it: a test lab, an authority", required = true, maxLength = 200)
  public String issuer;

  @RestForm
  @Schema(description = "ISO date, not in the future", required = true, format = "date")
  public String issuedAt;

  @RestForm
  @Schema(description = "ISO date from which it is no longer valid; omit when it does not expire", format = "date")
  public String expiresAt;

  @RestForm
  @Schema(implementation = Market.class, type = SchemaType.STRING, required = true)
  public String market;

  @RestForm
  @Schema(implementation = DocumentScope.class, type = SchemaType.STRING, description = "Defaults to SELLER")
  public String scope;

  @RestForm
  @Schema(description = "The product id (scope PRODUCT) or SKU id (scope SKU); absent for SELLER", maxLength = 100)
  public String scopeId;

  @RestForm
  @Schema(type = SchemaType.STRING, format = "binary",
      description = "PDF, PNG or JPEG, recognised by content", required = true)
  public FileUpload file;

  /** The metadata, validated; throws a 400 naming every bad field. */
  public DocumentUpload validate(LocalDate today, String sha256) {
    List<FieldError> errors = new ArrayList<>();
    DocumentType documentType = parseEnum(DocumentType.class, "type", type, true, errors);
    String cleanNumber = text("number", number, 100, errors);
    String cleanIssuer = text("issuer", issuer, 200, errors);
    LocalDate issued = date("issuedAt", issuedAt, true, errors);
    LocalDate expires = date("expiresAt", expiresAt, false, errors);
    Market documentMarket = parseEnum(Market.class, "market", market, true, errors);
    DocumentScope documentScope = parseEnum(DocumentScope.class, "scope", scope, false, errors);
    if (documentScope == null && blank(scope)) {
      documentScope = DocumentScope.SELLER;
    }
    if (issued != null && issued.isAfter(today)) {
      errors.add(new FieldError("issuedAt", "in_future", "may not be after today (" + today + ")"));
    }
    if (expires != null && issued != null && !expires.isAfter(issued)) {
      errors.add(new FieldError("expiresAt", "before_issue", "must be after issuedAt"));
    } else if (expires != null && !expires.isAfter(today)) {
      errors.add(new FieldError("expiresAt", "already_expired", "the document expired on " + expires));
    }
    String cleanScopeId = blank(scopeId) ? null : scopeId.trim();
    if (documentScope == DocumentScope.SELLER && cleanScopeId != null) {
      errors.add(new FieldError("scopeId", "not_allowed", "a SELLER document covers everything; leave scopeId out"));
    } else if (documentScope != null && documentScope != DocumentScope.SELLER && cleanScopeId == null) {
      errors.add(new FieldError("scopeId", "required", "the product or SKU id this document covers"));
    } else if (cleanScopeId != null && cleanScopeId.length() > 100) {
      errors.add(new FieldError("scopeId", "too_long", "at most 100 characters"));
    }
    if (documentType == DocumentType.TIN && documentScope != null && documentScope != DocumentScope.SELLER) {
      errors.add(new FieldError("scope", "seller_only", "a tax id belongs to the seller: scope SELLER"));
    }
    if (file == null) {
      errors.add(new FieldError("file", "required", "the document's file (PDF, PNG or JPEG)"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The document upload has invalid fields", errors);
    }
    return new DocumentUpload(documentType, cleanNumber, cleanIssuer, issued, expires, documentMarket,
        documentScope, cleanScopeId, fileName(), sha256);
  }

  /** The client's file name, kept for display only, without any path. */
  public String fileName() {
    if (file == null || blank(file.fileName())) {
      return null;
    }
    String name = file.fileName().replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.length() > 255 ? name.substring(0, 255) : name;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String text(String field, String value, int max, List<FieldError> errors) {
    if (blank(value)) {
      errors.add(new FieldError(field, "required", "must not be blank"));
      return null;
    }
    String clean = value.trim();
    if (clean.length() > max) {
      errors.add(new FieldError(field, "too_long", "at most " + max + " characters"));
    }
    return clean;
  }

  private static LocalDate date(String field, String value, boolean required, List<FieldError> errors) {
    if (blank(value)) {
      if (required) {
        errors.add(new FieldError(field, "required", "an ISO date such as 2026-01-31"));
      }
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "invalid_date", "an ISO date such as 2026-01-31, not '" + value + "'"));
      return null;
    }
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value, boolean required,
      List<FieldError> errors) {
    if (blank(value)) {
      if (required) {
        errors.add(new FieldError(field, "required", "one of " + Arrays.toString(type.getEnumConstants())));
      }
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "invalid_value", "one of " + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }
}
