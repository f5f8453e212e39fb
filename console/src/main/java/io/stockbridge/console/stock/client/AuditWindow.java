package io.stockbridge.console.stock.client;

import java.util.List;

/**
 * A SKU's balance changes since a moment, oldest first, and whether that is all of them: a busy SKU can have more
 * changes than one view reads, and then what came after the last one read is not known here.
 */
public record AuditWindow(List<AuditEntry> changes, boolean complete) {
}
