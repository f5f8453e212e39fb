package io.stockbridge.compliance.inci.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The INCI names of common cosmetic ingredients and the everyday names a CPI must not use instead (rule CMP-3),
 * shipped as data ({@code inci/inci-dictionary.csv}). Names match without regard to case, spacing and punctuation,
 * so "purified  water" and "Purified-Water" are the same non-INCI name.
 */
@ApplicationScoped
public class InciDictionary {
  static final String RESOURCE = "inci/inci-dictionary.csv";

  private final Map<String, Entry> byKey;
  private final int ingredients;

  public InciDictionary() {
    Map<String, Entry> entries = new HashMap<>();
    int count = 0;
    try (InputStream stream = InciDictionary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (stream == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the application");
      }
      Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8);
      CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
          .get();
      for (CSVRecord row : format.parse(reader)) {
        String inci = row.get("inci_name").trim();
        add(entries, inci, new Entry(inci, true));
        for (String accepted : split(row.get("also_accepted"))) {
          add(entries, accepted, new Entry(inci, true));
        }
        for (String synonym : split(row.get("non_inci_names"))) {
          add(entries, synonym, new Entry(inci, false));
        }
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    this.byKey = Map.copyOf(entries);
    this.ingredients = count;
  }

  /** How an ingredient as written on a CPI stands against the dictionary. */
  public Match match(String ingredient) {
    Entry entry = byKey.get(key(ingredient));
    if (entry == null) {
      return new Match(ingredient, Verdict.UNKNOWN, null);
    }
    return new Match(ingredient, entry.inci() ? Verdict.INCI : Verdict.NOT_INCI, entry.inciName());
  }

  /** How many ingredients the dictionary knows. */
  public int size() {
    return ingredients;
  }

  /** Case, spacing, punctuation and accents do not count: "Aqua / Water" = "aqua water" = "AQUA-WATER". */
  static String key(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder key = new StringBuilder(folded.length());
    folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
    return key.toString();
  }

  private static void add(Map<String, Entry> entries, String name, Entry entry) {
    Entry previous = entries.putIfAbsent(key(name), entry);
    if (previous != null && !previous.inciName().equals(entry.inciName())) {
      throw new IllegalStateException("'" + name + "' is listed for both " + previous.inciName() + " and "
          + entry.inciName() + " in " + RESOURCE);
    }
  }

  private static String[] split(String list) {
    return list.isBlank() ? new String[0] : list.split("\\|");
  }

  private record Entry(String inciName, boolean inci) {
  }

  @Schema(name = "InciVerdict")
  public enum Verdict {
    /** Written as its INCI name (or an accepted INCI spelling). */
    INCI,
    /** An everyday name; {@link Match#inciName()} says what to write instead. */
    NOT_INCI,
    /** Not in the dictionary: it may be a correct INCI name the dictionary lacks. */
    UNKNOWN
  }

  /** @param inciName the INCI name to use; null when unknown */
  public record Match(String ingredient, Verdict verdict, String inciName) {
  }
}
