package io.stockbridge.gateway.polling.service;

import java.util.UUID;

/**
 * How one poll of one warehouse went.
 *
 * @param stored how many item readings were new in the inbox
 * @param error  why it failed (null when it worked)
 * @param note   what a good poll noticed (unmapped items), or null
 */
public record PollReport(UUID warehouseId, boolean succeeded, int stored, String error, String note) {
}
