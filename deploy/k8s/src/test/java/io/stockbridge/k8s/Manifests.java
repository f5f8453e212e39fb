package io.stockbridge.k8s;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The objects an overlay renders to, each as the JSON tree Kubernetes would receive. */
record Manifests(String overlay, List<JsonNode> objects) {
  private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

  /** The overlay rendered by kustomize (once per build). */
  static Manifests of(String overlay) {
    return RENDERED.computeIfAbsent(overlay, name -> {
      try {
        String yaml = Kustomize.render(Path.of("overlays", name));
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
          while (documents.hasNext()) {
            JsonNode object = documents.next();
            if (object != null && !object.isEmpty()) {
              objects.add(object);
            }
          }
        }
        return new Manifests(name, List.copyOf(objects));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }

  Stream<JsonNode> ofKind(String kind) {
    return objects.stream().filter(object -> kind.equals(object.path("kind").asText()));
  }

  /** The four services' names, as the suite deploys them. */
  static List<String> services() {
    return List.of("catalog-service", "inventory-service", "warehouse-gateway", "compliance-service");
  }

  static String nameOf(JsonNode object) {
    return object.path("metadata").path("name").asText();
  }
}
