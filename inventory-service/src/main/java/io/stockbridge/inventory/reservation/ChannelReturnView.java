package io.stockbridge.inventory.reservation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where a return's units were booked.
 */
@Schema(description = "A channel return as booked: each SKU's units into QC of a warehouse")
@RegisterForReflection
public record ChannelReturnView(String returnId, String orderId, List<BookedLine> lines) {

  /** Units of one SKU booked into QC of one warehouse. */
  @Schema(name = "ReturnBooking", description = "Returned units of a SKU booked into QC of a warehouse")
  @RegisterForReflection
  public record BookedLine(String sellerSku, String warehouseId, long quantity) {
  }
}
