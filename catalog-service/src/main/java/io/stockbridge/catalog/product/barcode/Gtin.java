package io.stockbridge.catalog.product.barcode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A barcode that is a UPC-A (12 digits), EAN-8, EAN-13 or GTIN-14 with a correct check digit. Null is valid.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Constraint(validatedBy = GtinValidator.class)
public @interface Gtin {
  String message() default "must be a UPC-A, EAN-8, EAN-13 or GTIN-14 with a correct check digit";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
