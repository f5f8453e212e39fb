package io.stockbridge.compliance.document.repository;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a compliance document stands (rule CMP-2). Only {@code VERIFIED} and unexpired counts for a check.
 */
public enum DocumentStatus {
  SUBMITTED, PENDING_REVIEW, VERIFIED, REJECTED, EXPIRED;

  /** The statuses a passing expiry date turns into {@code EXPIRED}; a rejection stays a rejection. */
  public static final Set<DocumentStatus> EXPIRABLE = EnumSet.of(SUBMITTED, PENDING_REVIEW, VERIFIED);

  /** Whether a reviewer may move a document from this status to {@code next}; expiry is the system's alone. */
  public boolean reviewerMayMoveTo(DocumentStatus next) {
    return switch (this) {
      case SUBMITTED -> next == PENDING_REVIEW;
      case PENDING_REVIEW -> next == VERIFIED || next == REJECTED;
      case VERIFIED, REJECTED, EXPIRED -> false;
    };
  }
}
