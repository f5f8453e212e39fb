package io.stockbridge.sandbox.channel;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.stockbridge.sandbox.http.Faults;

/** What the simulated channel's APIs share: the app, its shops, tokens, products, notifications, faults and calls. */
record ChannelState(String appKey, String appSecret, Map<String, Shop> shops, TokenIssuer tokens,
    ChannelProducts products, ChannelWebhooks webhooks, Faults faults, Map<String, AtomicInteger> calls,
    AtomicReference<String> autoAudit, java.util.concurrent.atomic.AtomicLong autoAuditDelayMillis) {
}
