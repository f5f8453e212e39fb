package io.stockbridge.platform.alert;

import java.util.List;

/**
 * One kind of alert and its causes as they hold now: a query answering {@code seller_id, cause, seller_sku,
 * warehouse_id, summary, details} (details a jsonb object) for each, where {@code $1} is now and {@code $2...} are
 * {@code parameters}. A cause names what makes two alerts of the type the same one (a connection, a warehouse).
 */
public record AlertSource(String type, String causes, List<Object> parameters) {
}
