package io.stockbridge.platform.problem;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads an enum from a query parameter. JAX-RS would answer 404 for a value it cannot convert; a client that sent
 * {@code ?market=XX} deserves a 400 that names the parameter and the values it accepts.
 */
public final class EnumParameter {
  private EnumParameter() {
  }

  /** @return null when {@code value} is null or empty (the filter is not applied) */
  public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      throw ProblemException.badRequest(CommonProblem.INVALID_ENUM_VALUE, "A parameter has a value outside its allowed set",
          List.of(new FieldError(parameter, "invalid_enum_value", "'" + value + "' is not one of: " + allowed)));
    }
  }
}
