package io.stockbridge.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** What in an OpenAPI document keeps a generated client from compiling or from reading what it is answered. */
final class ClientGeneration {
  private static final String SCHEMAS = "#/components/schemas/";
  /** Names the generated code itself uses (java.time, Jackson's tree, the JDK's collections). */
  private static final Set<String> RESERVED = Set.of("LocalDate", "LocalDateTime", "LocalTime", "OffsetDateTime",
      "ZonedDateTime", "Instant", "Duration", "YearMonth", "JsonNode", "JsonNodeType", "ObjectNode", "ArrayNode",
      "Object", "Map", "List", "String");

  private ClientGeneration() {
  }

  /**
   * Schemas named like a class the generated code uses, numbered by the scanner to tell two classes apart
   * ({@code Line2}), only a reference to themselves (a generator's stack overflow), and references to nothing.
   */
  static List<String> schemaProblems(JsonNode document) {
    JsonNode schemas = document.path("components").path("schemas");
    List<String> wrong = new ArrayList<>();
    schemas.fieldNames().forEachRemaining(name -> {
      if (RESERVED.contains(name)) {
        wrong.add(name + " is a schema name generated code collides with");
      }
      if (name.matches(".*[A-Za-z][0-9]+")) {
        wrong.add(name + " is a name the scanner numbered to tell two classes apart; name each in @Schema");
      }
      if ((SCHEMAS + name).equals(schemas.path(name).path("$ref").asText())) {
        wrong.add(name + " refers to itself");
      }
    });
    document.findValuesAsText("$ref").stream().distinct().forEach(ref -> {
      if (!ref.startsWith(SCHEMAS) || !schemas.has(ref.substring(SCHEMAS.length()))) {
        wrong.add(ref + " points at nothing this document has");
      }
    });
    return wrong;
  }

  /**
   * The {@code /v1} operations with a 2xx answer whose body names no schema (an operation returning a JAX-RS
   * {@code Response} needs an {@code @APIResponse} saying what it carries and with which status), as
   * {@code "POST /v1/things"}.
   */
  static Set<String> answersWithoutSchema(JsonNode document) {
    Set<String> missing = new TreeSet<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (!path.getKey().startsWith("/v1/")) {
        return;
      }
      op.getValue().path("responses").fields().forEachRemaining(answer -> {
        if (answer.getKey().startsWith("2")) {
          answer.getValue().path("content").fields().forEachRemaining(media -> {
            if (!media.getValue().has("schema")) {
              missing.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
          });
        }
      });
    }));
    return missing;
  }
}
