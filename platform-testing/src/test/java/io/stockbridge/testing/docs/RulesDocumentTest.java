package io.stockbridge.testing.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Holds the repository's documents to the code: {@code docs/RULES.md} lists every rule a test cites and names only
 * tests that exist, and no document links to anything outside the repository.
 */
class RulesDocumentTest {
  private static final Path ROOT = RepositoryFiles.ROOT;
  /** A rule id at the end of a test's name, written without its dash: {@code _INV4}, {@code _STK1_STK2}. */
  private static final Pattern CITED = Pattern.compile("_(STK|RES|INV|WH|CNT|LST|CMP|CH)(\\d+)");
  private static final Pattern TEST_METHOD = Pattern.compile("void ([A-Za-z0-9_]+)\\(");
  private static final Pattern ROW_ID = Pattern.compile("^\\| ((STK|RES|INV|WH|CNT|LST|CMP|CH)-\\d+) \\|",
      Pattern.MULTILINE);
  private static final Pattern NAMED_TEST = Pattern.compile("`([A-Z][A-Za-z0-9]*Test)\\.([A-Za-z0-9_]+)`");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

  @Test
  void everyRuleATestCitesIsListed() {
    Set<String> listed = new TreeSet<>();
    Matcher rows = ROW_ID.matcher(read(ROOT.resolve("docs/RULES.md")));
    while (rows.find()) {
      listed.add(rows.group(1));
    }
    Set<String> cited = new TreeSet<>();
    for (Path test : testSources()) {
      Matcher methods = TEST_METHOD.matcher(read(test));
      while (methods.find()) {
        Matcher ids = CITED.matcher(methods.group(1));
        while (ids.find()) {
          cited.add(ids.group(1) + "-" + ids.group(2));
        }
      }
    }
    assertThat(cited).as("rules cited by tests").isNotEmpty();
    assertThat(listed).containsAll(cited);
  }

  @Test
  void everyTestTheRulesNameExists() {
    List<String> missing = new ArrayList<>();
    Matcher named = NAMED_TEST.matcher(read(ROOT.resolve("docs/RULES.md")));
    int count = 0;
    while (named.find()) {
      count++;
      String type = named.group(1);
      String method = named.group(2);
      boolean found = testSources().stream()
          .filter(path -> path.getFileName().toString().equals(type + ".java"))
          .anyMatch(path -> read(path).contains("void " + method + "("));
      if (!found) {
        missing.add(type + "." + method);
      }
    }
    assertThat(count).as("tests named in RULES.md").isGreaterThan(30);
    assertThat(missing).isEmpty();
  }

  @Test
  void everyDocumentLinksOnlyInsideTheRepository() {
    List<String> broken = new ArrayList<>();
    for (Path document : RepositoryFiles.kept(".md")) {
      Matcher links = MARKDOWN_LINK.matcher(read(document));
      while (links.find()) {
        String target = links.group(1);
        if (target.contains("://") || target.startsWith("mailto:")) {
          continue;
        }
        Path resolved = document.getParent().resolve(target).normalize();
        if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
          broken.add(ROOT.relativize(document) + " -> " + target);
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  private static List<Path> testSources() {
    return RepositoryFiles.kept(".java").stream().filter(path -> path.toString().contains("/src/test/java/")).toList();
  }

  private static String read(Path path) {
    return RepositoryFiles.read(path);
  }
}
