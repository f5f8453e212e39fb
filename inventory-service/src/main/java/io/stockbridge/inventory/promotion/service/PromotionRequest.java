package io.stockbridge.inventory.promotion.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A promotion to protect: its SKUs' stock may not be edited by hand while it runs (INV-1).
 */
@Schema(description = "A promotion (flash sale) whose SKUs' hand edits are locked from startsAt to endsAt (rule INV-1)")
public record PromotionRequest(
    @Schema(description = "What the seller calls it, e.g. the channel's campaign name") @NotBlank @Size(max = 200) String name,
    @Schema(description = "The SKUs on promotion, at most 1000")
    @NotNull @Size(min = 1, max = 1000) List<@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String> sellerSkus,
    @Schema(description = "When it starts (ISO 8601 with offset); now or earlier starts it at once") @NotNull OffsetDateTime startsAt,
    @Schema(description = "When it ends: after startsAt and in the future") @NotNull OffsetDateTime endsAt) {
}
