package io.stockbridge.inventory.promotion.repository;

import java.time.OffsetDateTime;

/**
 * Where a promotion stands at a given time; only a RUNNING one locks hand edits (INV-1).
 */
public enum PromotionStatus {
  /** Starts later. */
  SCHEDULED,
  /** Between its start and end: its SKUs are locked. */
  RUNNING,
  /** Past its end. */
  ENDED,
  /** Cancelled by the seller; it locks nothing any more. */
  CANCELLED;

  public static PromotionStatus of(OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime cancelledAt,
      OffsetDateTime now) {
    if (cancelledAt != null) {
      return CANCELLED;
    }
    if (now.isBefore(startsAt)) {
      return SCHEDULED;
    }
    return now.isBefore(endsAt) ? RUNNING : ENDED;
  }

  /** The SQL condition on table alias {@code p} for this status at {@code :now}. */
  public String condition() {
    return switch (this) {
      case SCHEDULED -> "p.cancelled_at is null and p.starts_at > :now";
      case RUNNING -> "p.cancelled_at is null and p.starts_at <= :now and p.ends_at > :now";
      case ENDED -> "p.cancelled_at is null and p.ends_at <= :now";
      case CANCELLED -> "p.cancelled_at is not null";
    };
  }
}
