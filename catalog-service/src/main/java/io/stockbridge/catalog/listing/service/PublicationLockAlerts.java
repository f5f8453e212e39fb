package io.stockbridge.catalog.listing.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.platform.alert.AlertSource;
import io.stockbridge.platform.alert.AlertSources;

/**
 * SKUs locked out of publication after too many failed submissions (LST-4), told to the seller's alert feed while
 * the lock holds, with when it ends and why; it clears by itself once the lock runs out.
 */
@ApplicationScoped
public class PublicationLockAlerts implements AlertSources {
  private static final String LOCKED = """
      select seller_id, seller_sku as cause, seller_sku, null as warehouse_id,
        'SKU ' || seller_sku || ' cannot be published until '
          || to_char(locked_until at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') || ': ' || reason as summary,
        jsonb_build_object('lockedUntil', locked_until, 'reason', reason) as details
      from publication_lock where locked_until > $1""";

  @Override
  public List<AlertSource> alertSources(OffsetDateTime now) {
    return List.of(new AlertSource("LISTING_LOCKED", LOCKED, List.of()));
  }
}
