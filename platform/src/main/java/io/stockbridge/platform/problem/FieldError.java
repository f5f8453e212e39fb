package io.stockbridge.platform.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One rejected field of a request, as listed in a problem's {@code errors}.
 *
 * @param field   the field's path in the request, e.g. {@code lines[0].quantity}, or a parameter name
 * @param code    stable, machine-readable reason, e.g. {@code must_be_positive}
 * @param message human-readable explanation
 */
@RegisterForReflection
public record FieldError(String field, String code, String message) {
}
