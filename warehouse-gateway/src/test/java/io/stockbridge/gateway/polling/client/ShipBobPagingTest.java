package io.stockbridge.gateway.polling.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.gateway.polling.config.PollingConfig;

/** ShipBob's {@code next} link is followed only on the configured host: the seller's token goes nowhere else. */
@QuarkusTest
class ShipBobPagingTest {
  @Inject
  ShipBobInventoryClient client;

  @Inject
  PollingConfig config;

  @Test
  void aNextPageOnTheConfiguredHostIsFollowedAndAnyOtherIsRefused() {
    URI base = URI.create(config.shipbobUrl());
    String origin = base.getScheme() + "://" + base.getAuthority();
    assertThat(client.pinnedToShipBob("/2026-01/inventory-level?Cursor=abc"))
        .isEqualTo(config.shipbobUrl() + "/2026-01/inventory-level?Cursor=abc");
    assertThat(client.pinnedToShipBob(origin + "/2026-01/inventory-level?Cursor=abc"))
        .startsWith(origin + "/2026-01/");
    for (String elsewhere : new String[] { "https://attacker.example/steal", "http://attacker.example/steal",
        base.getScheme() + "://" + base.getHost() + ":1/x", base.getScheme() + "://" + base.getAuthority()
            + "@attacker.example/x", "http://user@" + base.getAuthority() + "/x" }) {
      assertThatThrownBy(() -> client.pinnedToShipBob(elsewhere)).as(elsewhere).isInstanceOf(PartnerError.class)
          .hasMessageContaining("not followed");
    }
  }
}
