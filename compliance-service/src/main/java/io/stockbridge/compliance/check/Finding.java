package io.stockbridge.compliance.check;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.document.repository.DocumentType;

@Schema(description = "One reason a product cannot be published (a failure) or should be looked at (a warning)")
public record Finding(
    @Schema(description = "Stable machine-readable code, e.g. missing_fcc_id, cpi_ingredient_not_inci") String code,
    @Schema(description = "The request field it is about, e.g. category or facts.ingredients[2]") String field,
    @Schema(description = "The document type it is about") DocumentType documentType,
    String message,
    @Schema(description = "What to use instead, e.g. the INCI name of an ingredient") String suggestion) {

  public static Finding of(String code, String field, DocumentType type, String message) {
    return new Finding(code, field, type, message, null);
  }
}
