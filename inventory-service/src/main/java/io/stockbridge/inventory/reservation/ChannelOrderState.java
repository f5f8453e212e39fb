package io.stockbridge.inventory.reservation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A channel order's status as the state its reservation should be in")
public record ChannelOrderState(
    @NotBlank @Size(max = 128) String orderId,
    @Schema(description = "RESERVED (placed), RELEASED (cancelled) or COMMITTED (shipped)")
    @NotNull @Pattern(regexp = "RESERVED|RELEASED|COMMITTED") String state,
    @Schema(description = "The order's lines; needed to reserve") @Size(max = 200)
    List<ReservationRequest.@NotNull @Valid Line> lines,
    @Schema(description = "The channel's own status word, for the record") @Size(max = 64) String channelStatus) {
}
