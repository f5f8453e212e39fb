package io.stockbridge.platform.tenant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the seller (tenant) of a request is found.
 */
@ConfigMapping(prefix = "stockbridge.tenancy")
public interface TenancyConfig {
  /** The access-token claim that names the seller; the demo realm sets it per user and per ERP client. */
  @WithDefault("seller_id")
  String sellerClaim();

  /** The header in which a service account names the seller it acts for; ignored on any other token. */
  @WithDefault("Stockbridge-Seller-Id")
  String onBehalfHeader();
}
