package io.stockbridge.inventory.lock.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.lock.repository.SkuLock;

@Schema(description = "An edit lock on a SKU (rule INV-1)")
public record LockView(
    @Schema(description = "The lock kind as used in the path") String kind,
    @Schema(description = "The code a manual edit is refused with while this lock holds") String refusalCode,
    String reason,
    String reference,
    @Schema(description = "The service account that placed it") String lockedBy,
    OffsetDateTime lockedAt) {

  public static LockView of(SkuLock lock) {
    return new LockView(lock.kind.pathName(), lock.kind.refusalCode().code(), lock.reason, lock.reference, lock.lockedBy,
        lock.lockedAt);
  }
}
