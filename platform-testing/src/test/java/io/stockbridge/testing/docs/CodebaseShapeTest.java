package io.stockbridge.testing.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Keeps the code the shape newcomers copy: small classes, typed rows, layers that import downwards only, one way to
 * claim shared work, and nothing that points outside the repository.
 */
class CodebaseShapeTest {
  private static final int MOST_LINES = 300;
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern REST_IMPORT = Pattern.compile("^import (static )?io\\.stockbridge\\.[\\w.]*\\.rest\\.",
      Pattern.MULTILINE);
  private static final Pattern SKIP_LOCKED = Pattern.compile("skip\\s+locked", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLIMB = Pattern.compile("(\\.\\./)+[\\w.-]*");
  private static final List<String> TEXT = List.of(".java", ".md", ".yaml", ".yml", ".properties", ".sql", ".sh",
      ".json", ".xml", ".html", ".toml");

  @Test
  void noMainClassIsLongerThanThreeHundredLines() {
    List<String> long_ = new ArrayList<>();
    for (Path source : RepositoryFiles.mainSources()) {
      long lines = RepositoryFiles.read(source).lines().count();
      if (lines > MOST_LINES) {
        long_.add(RepositoryFiles.ROOT.relativize(source) + " (" + lines + " lines)");
      }
    }
    assertThat(RepositoryFiles.mainSources()).hasSizeGreaterThan(100);
    assertThat(long_).isEmpty();
  }

  @Test
  void mainCodeReadsRowsAsTypedRecordsNotObjectArrays() {
    assertThat(offenders(source -> RepositoryFiles.read(source).contains("Object[]"))).isEmpty();
  }

  @Test
  void servicesAndRepositoriesNeverImportTheRestLayer() {
    assertThat(offenders(source -> {
      String text = RepositoryFiles.read(source);
      Matcher pkg = PACKAGE.matcher(text);
      boolean restOrResource = !pkg.find() || pkg.group(1).endsWith(".rest")
          || source.getFileName().toString().endsWith("Resource.java");
      return !restOrResource && REST_IMPORT.matcher(text).find();
    })).isEmpty();
  }

  @Test
  void sharedWorkIsClaimedOnlyThroughLeasedClaim() {
    assertThat(offenders(source -> !source.getFileName().toString().equals("LeasedClaim.java")
        && RepositoryFiles.read(source).lines().map(String::strip)
            .filter(line -> !line.startsWith("*") && !line.startsWith("//") && !line.startsWith("/*"))
            .anyMatch(line -> SKIP_LOCKED.matcher(line).find()))).isEmpty();
  }

  @Test
  void noRelativePathInAKeptFileClimbsOutOfTheRepository() {
    List<String> outside = new ArrayList<>();
    for (String suffix : TEXT) {
      for (Path file : RepositoryFiles.kept(suffix)) {
        Matcher climbs = CLIMB.matcher(RepositoryFiles.read(file));
        while (climbs.find()) {
          Path target = file.getParent().resolve(climbs.group()).normalize();
          if (!target.startsWith(RepositoryFiles.ROOT)) {
            outside.add(RepositoryFiles.ROOT.relativize(file) + ": " + climbs.group());
          }
        }
      }
    }
    assertThat(outside).isEmpty();
  }

  private static List<String> offenders(java.util.function.Predicate<Path> offends) {
    return RepositoryFiles.mainSources().stream().filter(offends)
        .map(source -> RepositoryFiles.ROOT.relativize(source).toString()).toList();
  }
}
