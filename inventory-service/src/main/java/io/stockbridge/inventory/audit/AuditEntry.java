package io.stockbridge.inventory.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

@Schema(description = "One change of a SKU's stock in a warehouse: who, what, before, after, why, through which path (INV-5)")
@RegisterForReflection
public record AuditEntry(long id, String sellerSku, String warehouseId, String actor,
    @Schema(description = "The source and the API operation, e.g. MANUAL PUT /v1/stock/{sellerSku}/warehouses/{warehouseId}") String path,
    String reason, String reference, Map<String, Object> before, Map<String, Object> after, OffsetDateTime at) {
}
