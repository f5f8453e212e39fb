package io.stockbridge.gateway.warehouse;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where a STANDARD_WEBHOOKS partner's WMS takes count requests (CNT-1)")
public record CountRequestTarget(
    @Schema(description = "The partner's URL for signed count.requested events; null stops asking the warehouse",
        examples = "https://wms.example.com/stockbridge/counts")
    @Size(max = 2048) @Pattern(regexp = "https?://[^\\s]+") String countRequestUrl) {
}
