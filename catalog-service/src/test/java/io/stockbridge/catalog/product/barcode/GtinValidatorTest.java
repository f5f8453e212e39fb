package io.stockbridge.catalog.product.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The GS1 check digit, one rule for every length a barcode may have. */
class GtinValidatorTest {
  @ParameterizedTest
  @ValueSource(strings = { "4006381333931", "96385074", "036000291452", "10614141000415" })
  void realBarcodesOfEveryLengthPass(String code) {
    assertThat(GtinValidator.isValidGtin(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = { "4006381333932", "96385075", "036000291453", "10614141000416" })
  void aWrongCheckDigitFails(String code) {
    assertThat(GtinValidator.isValidGtin(code)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = { "", "1234567", "12345678901", "123456789012345", "40063813339A1", "4006381333 31" })
  void otherLengthsAndNonDigitsFail(String code) {
    assertThat(GtinValidator.isValidGtin(code)).isFalse();
  }
}
