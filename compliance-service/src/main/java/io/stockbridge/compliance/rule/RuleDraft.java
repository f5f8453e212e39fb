package io.stockbridge.compliance.rule;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.document.repository.DocumentType;
import io.stockbridge.compliance.market.Market;

@Schema(description = "A requirement rule (CMP-1): products of a category, with these attributes, need these documents")
public record RuleDraft(
    @NotNull Market market,
    @Schema(description = "A category of the market's tree (covers everything below it), or * for all")
    @NotBlank @Size(max = 255) String categoryPath,
    @Schema(description = "Product attributes that must all hold, e.g. {\"battery\": \"true\"}; empty = always")
    @Size(max = 20) Map<@NotBlank @Size(max = 64) String, @NotBlank @Size(max = 100) String> conditions,
    @NotEmpty @Size(max = 10) List<@NotNull DocumentType> documentTypes,
    @Schema(description = "What the rule is and why, shown to sellers") @NotBlank @Size(max = 500) String description,
    @Schema(description = "Why this change is made; kept with the new version") @Size(max = 500) String changeNote) {
}
