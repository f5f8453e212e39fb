package io.stockbridge.inventory.warehouseevent;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.stock.MovementRequest;

@Schema(description = "A normalized warehouse event from warehouse-gateway: movements between buckets, or the"
    + " absolute state of an item")
public record WarehouseEvent(
    @Schema(description = "Unique per event; a repeat is applied once") @NotBlank @Size(max = 128) String eventId,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String warehouseId,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sellerSku,
    @Schema(description = "When the warehouse observed this state") @NotNull OffsetDateTime observedAt,
    @Schema(description = "The source's own ordering of an item's updates (e.g. a WINIT version); compared before observedAt")
    @Pattern(regexp = "[0-9]{1,40}") String sequence,
    @NotNull Kind kind,
    @Schema(description = "For DELTA: the movements (sellerSku and warehouseId must match the event's)")
    @Size(max = 50) List<@NotNull @Valid MovementRequest> movements,
    @Schema(description = "For SNAPSHOT: the warehouse's absolute quantities") @Valid Snapshot snapshot) {

  public enum Kind {
    DELTA, SNAPSHOT
  }

  @Schema(description = "An item's absolute quantities as the warehouse sees them; sellable counts every unit on the shelf")
  public record Snapshot(
      @NotNull @jakarta.validation.constraints.PositiveOrZero @jakarta.validation.constraints.Max(1_000_000_000L) Long inTransit,
      @NotNull @jakarta.validation.constraints.PositiveOrZero @jakarta.validation.constraints.Max(1_000_000_000L) Long qc,
      @NotNull @jakarta.validation.constraints.PositiveOrZero @jakarta.validation.constraints.Max(1_000_000_000L) Long frozen,
      @NotNull @jakarta.validation.constraints.PositiveOrZero @jakarta.validation.constraints.Max(1_000_000_000L) Long sellable) {
  }
}
