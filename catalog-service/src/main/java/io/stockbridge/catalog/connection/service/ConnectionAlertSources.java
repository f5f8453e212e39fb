package io.stockbridge.catalog.connection.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.catalog.connection.config.ChannelConfig;
import io.stockbridge.platform.alert.AlertSource;
import io.stockbridge.platform.alert.AlertSources;

/**
 * Connections the channel refused, told to the seller's alert feed until they work again: a 401 means the seller must
 * authorise again (CH-3), a 403 UNAUTHORIZED_CHANNEL that the app is not authorised for the shop's channel (CH-4).
 * The cause is the connection; the channel's own answer is in the details.
 */
@ApplicationScoped
public class ConnectionAlertSources implements AlertSources {
  private static final String REFUSED = """
      select seller_id, id::text as cause, null as seller_sku, null as warehouse_id,
        'The ' || channel || ' connection (' || coalesce(shop_name, region) || ') ' || $2::text as summary,
        jsonb_build_object('connectionId', id, 'channel', channel, 'shopName', shop_name, 'reason', status_reason)
          as details
      from channel_connection where status = $3::text""";

  /**
   * Active connections whose authorisation lapses within the warning window: by the channel's notice or by the
   * refresh token's expiry, whichever comes first. The cause is the connection, so a new consent resolves it.
   */
  private static final String EXPIRING = """
      select seller_id, id::text as cause, null as seller_sku, null as warehouse_id,
        'The ' || channel || ' connection (' || coalesce(shop_name, region) || ') must be authorised again by '
          || to_char(lapses_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC; after that pushes stop' as summary,
        jsonb_build_object('connectionId', id, 'channel', channel, 'shopName', shop_name, 'lapsesAt', lapses_at,
          'source', case when lapses_at = authorization_expires_at then 'channel notice' else 'refresh token' end)
          as details
      from (select *, least(coalesce(authorization_expires_at, 'infinity'), coalesce(refresh_expires_at, 'infinity'))
              as lapses_at
            from channel_connection where status = 'ACTIVE') c
      where lapses_at < $2::timestamptz""";

  private final ChannelConfig config;

  public ConnectionAlertSources(ChannelConfig config) {
    this.config = config;
  }

  @Override
  public List<AlertSource> alertSources(OffsetDateTime now) {
    return List.of(
        new AlertSource("CHANNEL_AUTHORIZATION_EXPIRING", EXPIRING, List.of(now.plus(config.expiryWarning()))),
        new AlertSource("CHANNEL_REAUTHORIZATION_REQUIRED", REFUSED, List.of(
            "needs the seller to authorise again (the channel answered 401); pushes wait until then",
            "REAUTHORIZATION_REQUIRED")),
        new AlertSource("CHANNEL_UNAUTHORIZED", REFUSED, List.of(
            "is refused: the app is not authorised for this shop's channel (403 UNAUTHORIZED_CHANNEL)",
            "UNAUTHORIZED_CHANNEL")));
  }
}
