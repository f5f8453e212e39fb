package io.stockbridge.catalog.listing.repository;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One machine-readable reason a listing cannot be published (LST-1). */
@Schema(description = "Why a listing cannot be published: a stable code, the field it is about, and what to do")
@RegisterForReflection
public record ListingFailure(
    @Schema(description = "Stable code, e.g. title_too_short, image_background_not_white, missing_fcc_id") String code,
    @Schema(description = "The product field it is about, e.g. titles.en or images[2]") String field,
    String message,
    @Schema(description = "A value that would pass, when the rule knows one, e.g. the INCI name to write instead")
    String suggestion) {

  public ListingFailure(String code, String field, String message) {
    this(code, field, message, null);
  }
}
