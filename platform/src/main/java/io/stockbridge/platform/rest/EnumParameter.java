package io.stockbridge.platform.rest;

import java.util.Arrays;
import java.util.List;

import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * A query parameter naming one constant of an enum: parsed here so that a wrong value is a 400 naming the parameter
 * and the values it takes, not the 404 JAX-RS answers for a parameter it cannot convert.
 */
public final class EnumParameter {
  private EnumParameter() {
  }

  /** The constant named {@code value}; null when the parameter is absent or empty (not filtered). */
  public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "Unknown " + parameter + " " + value,
          List.of(new FieldError(parameter, "unknown_value", "one of "
              + Arrays.toString(type.getEnumConstants()))));
    }
  }
}
