package io.stockbridge.compliance;

import io.stockbridge.platform.problem.ProblemCode;

/**
 * The problem codes compliance-service answers with, besides the common ones. Never renamed: clients branch on them.
 */
public enum ComplianceProblem implements ProblemCode {
  /** A second request for a category the seller already asked for. */
  ACCESS_REQUEST_PENDING,
  /** A request for a category open to every seller, or unknown (LST-2). */
  CATEGORY_ALREADY_OPEN,
  /** A reviewer deciding a document of their own seller, or one they uploaded (CMP-2). */
  SELF_REVIEW_FORBIDDEN,
  /** A category that is not in the market's tree. */
  UNKNOWN_CATEGORY,
  /** A document that is not a PDF, PNG or JPEG file. */
  UNSUPPORTED_FILE_TYPE;
}
