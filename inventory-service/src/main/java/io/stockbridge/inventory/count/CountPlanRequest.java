package io.stockbridge.inventory.count;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A count plan for one warehouse (rule CNT-1)")
public record CountPlanRequest(
    @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String warehouseId,
    @NotNull CountPlanKind kind,
    @Schema(description = "A name for people, e.g. 'Black Friday'") @Size(max = 200) String name,
    @Schema(description = "FULL: when to count; CAMPAIGN: when the promotion starts (counted a day before); "
        + "CYCLE: when the first slice is due (now if absent)") OffsetDateTime startsAt,
    @Schema(description = "CAMPAIGN: when the promotion ends (counted again then)") OffsetDateTime endsAt,
    @Schema(description = "CAMPAIGN: the SKUs the promotion sells")
    @Size(max = 500) List<@Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String> sellerSkus) {
}
