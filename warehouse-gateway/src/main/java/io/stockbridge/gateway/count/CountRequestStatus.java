package io.stockbridge.gateway.count;

/** How far a count request got towards the warehouse. */
public enum CountRequestStatus {
  /** Waiting to be sent (again, after a failure). */
  PENDING,
  /** The partner acknowledged it; its answer arrives as a {@code count.completed} webhook. */
  SENT,
  /** The partner refused it, or it could not be sent in time; the reason says which. */
  FAILED,
  /** The warehouse takes no count requests (or is not known here): the count is answered by API or CSV. */
  NOT_REQUESTED
}
