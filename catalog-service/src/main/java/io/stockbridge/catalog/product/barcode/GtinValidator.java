package io.stockbridge.catalog.product.barcode;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * GS1 check digit: from the right, digits alternately weigh 3 and 1 (the check digit itself excluded); the check
 * digit brings the sum to a multiple of ten. One rule serves UPC-A, EAN-8, EAN-13 and GTIN-14.
 */
public class GtinValidator implements ConstraintValidator<Gtin, String> {

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || isValidGtin(value);
  }

  public static boolean isValidGtin(String code) {
    int length = code.length();
    if (length != 8 && length != 12 && length != 13 && length != 14) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < length - 1; i++) {
      char c = code.charAt(length - 2 - i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * (i % 2 == 0 ? 3 : 1);
    }
    char check = code.charAt(length - 1);
    return check >= '0' && check <= '9' && (10 - sum % 10) % 10 == check - '0';
  }
}
