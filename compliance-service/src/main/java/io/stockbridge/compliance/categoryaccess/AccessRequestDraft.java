package io.stockbridge.compliance.categoryaccess;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.market.Market;

@Schema(description = "A request to sell in a category open by invitation only (rule LST-2)")
public record AccessRequestDraft(
    @NotNull Market market,
    @Schema(description = "An invitation-only top-level category of the market (a sub-category path names its top level), e.g. Health Supplements") @NotBlank @Size(max = 255) String category,
    @Schema(description = "What the reviewer should know: brand authorisation, sales history") @Size(max = 2000)
    String justification) {
}
