package io.stockbridge.testing.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The files the repository keeps, for tests that hold its documents and code to their promises. */
final class RepositoryFiles {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** Folders that hold what the build or the local stack make, not what the repository keeps. */
  private static final Set<String> NOT_KEPT = Set.of(".git", "target", ".cache", ".data", ".run", "node_modules");

  private RepositoryFiles() {
  }

  /** The kept files whose names end with {@code suffix}. */
  static List<Path> kept(String suffix) {
    try (Stream<Path> paths = Files.walk(ROOT)) {
      return paths.filter(path -> path.getFileName().toString().endsWith(suffix))
          .filter(path -> {
            for (Path part : ROOT.relativize(path)) {
              if (NOT_KEPT.contains(part.toString())) {
                return false;
              }
            }
            return true;
          })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kept main (production) Java sources. */
  static List<Path> mainSources() {
    return kept(".java").stream().filter(path -> path.toString().contains("/src/main/java/")).toList();
  }

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
