package io.stockbridge.inventory.ownership.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A switch of many SKUs' owner as set-based statements, so that handing a seller's fifty thousand SKUs to another
 * ERP is three statements, not fifty thousand. The same rules as a one-SKU change (INV-2, INV-6): a SKU's first
 * owner governs at once; a new owner after the cache window, the owner governing now being kept as the previous one.
 */
@ApplicationScoped
public class OwnershipSwitchStatements {
  /** $1 seller, $2 SKUs (null: all); locks the ledger's SKU rows in one order. */
  private static final String LOCK = "select seller_sku from known_sku where seller_id = $1 "
      + "and ($2::text[] is null or seller_sku = any($2::text[])) order by seller_sku for update";

  /** $1 seller, $2 SKUs, $3 mode, $4 integration, $5 now, $6 actor, $7 switch id: SKUs without an owner. */
  private static final String FIRST_OWNERS = """
      with created as (
        insert into sku_ownership (id, seller_id, seller_sku, mode, integration_id, effective_at, changed_by, changed_at,
                                   version)
        select gen_random_uuid(), k.seller_id, k.seller_sku, $3, $4, $5, $6, $5, 0
        from known_sku k
        where k.seller_id = $1 and ($2::text[] is null or k.seller_sku = any($2::text[]))
          and not exists (select 1 from sku_ownership o where o.seller_id = k.seller_id and o.seller_sku = k.seller_sku)
        returning seller_sku, effective_at)
      insert into sku_ownership_change (seller_id, seller_sku, from_mode, from_integration_id, to_mode,
                                        to_integration_id, effective_at, actor, switch_id, created_at)
      select $1, seller_sku, null, null, $3, $4, effective_at, $6, $7, $5 from created
      returning effective_at""";

  /** The same, $8 the cache window in seconds: SKUs whose owner changes; what governed now becomes the previous. */
  private static final String NEW_OWNERS = """
      with changed as (
        update sku_ownership o set
          previous_mode = case when o.previous_mode is null or $5 >= o.effective_at then o.mode else o.previous_mode end,
          previous_integration_id = case when o.previous_mode is null or $5 >= o.effective_at then o.integration_id
                                         else o.previous_integration_id end,
          mode = $3, integration_id = $4, effective_at = $5 + make_interval(secs => $8), changed_by = $6,
          changed_at = $5, version = o.version + 1
        where o.seller_id = $1 and ($2::text[] is null or o.seller_sku = any($2::text[]))
          and not (o.mode = $3 and o.integration_id is not distinct from $4)
        returning o.seller_sku, o.previous_mode, o.previous_integration_id, o.effective_at)
      insert into sku_ownership_change (seller_id, seller_sku, from_mode, from_integration_id, to_mode,
                                        to_integration_id, effective_at, actor, switch_id, created_at)
      select $1, seller_sku, previous_mode, previous_integration_id, $3, $4, effective_at, $6, $7, $5 from changed
      returning effective_at""";

  /** The seller's SKUs among {@code sellerSkus} (all when null), locked until the transaction ends. */
  public Uni<List<String>> lock(SqlConnection connection, String sellerId, List<String> sellerSkus) {
    return connection.preparedQuery(LOCK).execute(Tuple.of(sellerId, array(sellerSkus)))
        .map(rows -> {
          List<String> skus = new ArrayList<>();
          rows.forEach(row -> skus.add(row.getString(0)));
          return skus;
        });
  }

  /** Gives the SKUs without an owner their first one and hands the others over; answers each change's effect. */
  public Uni<List<OffsetDateTime>> switchOwners(SqlConnection connection, String sellerId, List<String> sellerSkus,
      OwnershipMode mode, String integrationId, String actor, UUID switchId, OffsetDateTime now, Duration window) {
    Tuple first = Tuple.tuple(java.util.Arrays.asList(sellerId, array(sellerSkus), mode.name(), integrationId, now,
        actor, switchId));
    Tuple handed = Tuple.tuple(java.util.Arrays.asList(sellerId, array(sellerSkus), mode.name(), integrationId, now,
        actor, switchId, (double) window.toSeconds()));
    List<OffsetDateTime> effects = new ArrayList<>();
    return connection.preparedQuery(FIRST_OWNERS).execute(first)
        .invoke(rows -> rows.forEach(row -> effects.add(effect(row))))
        .chain(() -> connection.preparedQuery(NEW_OWNERS).execute(handed))
        .invoke(rows -> rows.forEach(row -> effects.add(effect(row))))
        .replaceWith(effects);
  }

  private static OffsetDateTime effect(Row row) {
    return row.getOffsetDateTime(0);
  }

  private static String[] array(List<String> sellerSkus) {
    return sellerSkus == null ? null : sellerSkus.toArray(String[]::new);
  }
}
