package io.stockbridge.compliance.inci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.stockbridge.compliance.inci.service.InciDictionary;
import io.stockbridge.compliance.inci.service.InciDictionary.Verdict;

/** The dictionary as shipped; loading it also proves no name is listed for two different ingredients. */
class InciDictionaryTest {
  private final InciDictionary dictionary = new InciDictionary();

  @Test
  void shipsSeveralHundredIngredients_CMP3() {
    assertThat(dictionary.size()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void purifiedWaterIsNotInciAndAquaIsWhatToWrite_CMP3() {
    var match = dictionary.match("Purified Water");
    assertThat(match.verdict()).isEqualTo(Verdict.NOT_INCI);
    assertThat(match.inciName()).isEqualTo("Aqua");
    assertThat(dictionary.match("Aqua").verdict()).isEqualTo(Verdict.INCI);
    assertThat(dictionary.match("Water").verdict()).isEqualTo(Verdict.INCI);
  }

  @Test
  void caseSpacingAndPunctuationDoNotCount_CMP3() {
    assertThat(dictionary.match("  purified-WATER ").verdict()).isEqualTo(Verdict.NOT_INCI);
    assertThat(dictionary.match("sodium  hyaluronate").verdict()).isEqualTo(Verdict.INCI);
    assertThat(dictionary.match("Caprylic / Capric Triglyceride").verdict()).isEqualTo(Verdict.INCI);
    assertThat(dictionary.match("ci77891").inciName()).isEqualTo("Titanium Dioxide");
    assertThat(dictionary.match("Vitamin E").inciName()).isEqualTo("Tocopherol");
    assertThat(dictionary.match("Shea Butter").inciName()).isEqualTo("Butyrospermum Parkii Butter");
  }

  @Test
  void anUnknownNameIsUnknownNotWrong() {
    var match = dictionary.match("Unicorn Tears");
    assertThat(match.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(match.inciName()).isNull();
  }
}
