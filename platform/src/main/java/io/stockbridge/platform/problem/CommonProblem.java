package io.stockbridge.platform.problem;

/**
 * The problem codes every service may answer with. A code is part of the API: clients branch on it and it is
 * never renamed; each service keeps its own in an enum beside this one.
 */
public enum CommonProblem implements ProblemCode {
  /** Something with the same key exists already. */
  ALREADY_EXISTS,
  /** Someone changed the same thing at the same moment; read it again and retry. */
  CONCURRENT_MODIFICATION,
  /** An upload without a byte in it. */
  EMPTY_FILE,
  /** An uploaded file above its limit (an image, a compliance document). */
  FILE_TOO_LARGE,
  /** The token's roles do not allow the call. */
  FORBIDDEN,
  /** The Idempotency-Key was used before for a different request. */
  IDEMPOTENCY_KEY_REUSED,
  /** The identity provider cannot be reached, so no token can be checked; retry later. */
  IDENTITY_PROVIDER_UNAVAILABLE,
  /** A status change the thing's current status does not allow. */
  ILLEGAL_TRANSITION,
  /** An unexpected failure; the answer carries an incident id for the logs, never a stack trace. */
  INTERNAL_ERROR,
  /** A Content-Length header that is not a number. */
  INVALID_CONTENT_LENGTH,
  /** A list cursor this API did not hand out. */
  INVALID_CURSOR,
  /** A parameter outside its set of values. */
  INVALID_ENUM_VALUE,
  /** An Idempotency-Key that is empty, too long or not visible ASCII. */
  INVALID_IDEMPOTENCY_KEY,
  /** A signed request (a webhook, a channel notification) whose signature does not verify. */
  INVALID_SIGNATURE,
  /** A service-to-service event whose payload is not the receiver's type. */
  MALFORMED_EVENT,
  /** A body that is not well-formed JSON, or not of the expected shape. */
  MALFORMED_JSON,
  /** A replay of an event that is not waiting as a dead letter. */
  NOT_A_DEAD_LETTER,
  /** Nothing of that id, or nothing of that id the caller may see (another seller's). */
  NOT_FOUND,
  /** A seller's call with a token that names no seller. */
  NO_SELLER_IN_TOKEN,
  /** A request body above the route's limit. */
  PAYLOAD_TOO_LARGE,
  /** A service account's call that does not name the seller it acts for. */
  SELLER_REQUIRED,
  /** A signed request whose timestamp is outside the replay window. */
  STALE_TIMESTAMP,
  /** A body with a field this API does not know (unknown fields are refused, not ignored). */
  UNKNOWN_FIELD,
  /** A service this one called answered with an error. */
  UPSTREAM_ERROR,
  /** A request that breaks the API's rules; each broken field is named. */
  VALIDATION_FAILED,
  /** An If-Match that is not the current version: someone changed it meanwhile. */
  VERSION_MISMATCH,
  /** A field of the wrong JSON type. */
  WRONG_TYPE;
}
