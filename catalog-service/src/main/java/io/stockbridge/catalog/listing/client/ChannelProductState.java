package io.stockbridge.catalog.listing.client;

import java.util.Map;

/** The channel's product for a listing: its id, whether it is live, and the channel's id of each seller SKU. */
public record ChannelProductState(String productId, boolean live, Map<String, String> skuIds) {
}
