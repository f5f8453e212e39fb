package io.stockbridge.inventory.count;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.count.repository.CountPlan;

@Schema(description = "A count plan and when it next produces a count")
public record CountPlanView(UUID id, String warehouseId, CountPlanKind kind, String name, OffsetDateTime startsAt,
    OffsetDateTime endsAt, List<String> sellerSkus, boolean active,
    @Schema(description = "When it next produces a count; absent once it has nothing more to count") OffsetDateTime nextRunAt,
    OffsetDateTime lastRunAt, OffsetDateTime createdAt) {

  public static CountPlanView of(CountPlan plan) {
    List<String> skus = plan.sellerSkus == null ? List.of() : Arrays.asList(plan.sellerSkus.split(" "));
    return new CountPlanView(plan.id, plan.warehouseId, plan.kind, plan.name, plan.startsAt, plan.endsAt, skus,
        plan.active, plan.nextRunAt, plan.lastRunAt, plan.createdAt);
  }
}
