package io.stockbridge.gateway.warehouse;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.gateway.warehouse.repository.AdapterType;

@Schema(description = "A connection to an overseas warehouse")
public record WarehouseDraft(
    @Schema(description = "The seller's code for the warehouse, unique per seller", examples = "US-LA-01")
    @NotBlank @Pattern(regexp = "[A-Z0-9_-]{2,32}") String code,
    @NotBlank @Size(max = 255) String name,
    @Schema(description = "ISO 3166-1 alpha-2 country", examples = "US") @NotNull @Pattern(regexp = "[A-Z]{2}") String country,
    @Schema(description = "The WMS API style the warehouse speaks") @NotNull AdapterType adapter,
    @Schema(description = "Whether the warehouse's system talks to ours (webhooks or polling); false only for CSV (WH-1)")
    @NotNull Boolean apiReady,
    @Schema(description = "Seconds between polls, for adapters that poll; defaults to 300")
    @Min(30) @Max(86400) Integer pollIntervalSeconds,
    @Schema(description = "The WMS API credentials (e.g. app key and secret); stored encrypted, never returned")
    @Size(max = 20) java.util.Map<@Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String, @NotBlank @Size(max = 4096) String> credentials,
    @Schema(description = "STANDARD_WEBHOOKS only: where the partner's WMS takes count requests (CNT-1); a count of "
        + "this warehouse is posted there as a signed count.requested webhook", examples = "https://wms.example.com/stockbridge/counts")
    @Size(max = 2048) @Pattern(regexp = "https?://[^\\s]+") String countRequestUrl) {
}
