package io.stockbridge.platform.problem;

/**
 * A stable problem code, as a problem document's {@code code}. The platform's are {@link CommonProblem}; each
 * service keeps its own in one enum, so throw sites and tests name a code, not a string.
 */
public interface ProblemCode {
  /** The constant's name. */
  String name();

  /** The code as clients see it: the constant's name, unless a rule names another (INV-3's {@code 40302}). */
  default String code() {
    return name();
  }
}
