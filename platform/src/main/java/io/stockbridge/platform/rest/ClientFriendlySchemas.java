package io.stockbridge.platform.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Makes the published documents generate clients that compile. The scanner publishes {@code java.time} values and
 * Jackson's {@code JsonNode} as named schemas: generators turn {@code LocalDate} and {@code OffsetDateTime} into model
 * classes of their own (renamed, since the names are reserved), a {@code JsonNode} model collides with Jackson's own
 * class, and {@code YearMonth} came out as a schema that refers to itself (a generator's stack overflow). Here every
 * reference to one of them is replaced by the plain string (or any-JSON) schema it stands for, and the named schemas
 * are dropped.
 */
public class ClientFriendlySchemas implements OASFilter {
  private static final String PREFIX = "#/components/schemas/";
  private static final Map<String, String> DATE_TIME_FORMATS = Map.of("LocalDate", "date", "OffsetDateTime",
      "date-time", "Instant", "date-time", "ZonedDateTime", "date-time", "LocalDateTime", "date-time-local",
      "LocalTime", "time-local", "Duration", "duration");
  /** Jackson's tree types: any JSON value. */
  private static final List<String> ANY_JSON = List.of("JsonNode", "ObjectNode", "ArrayNode", "JsonNodeType");

  @Override
  public Schema filterSchema(Schema schema) {
    String ref = schema.getRef();
    if (ref == null || !ref.startsWith(PREFIX)) {
      return schema;
    }
    String name = ref.substring(PREFIX.length());
    if (DATE_TIME_FORMATS.containsKey(name)) {
      schema.setRef(null);
      schema.setType(List.of(SchemaType.STRING));
      schema.setFormat(DATE_TIME_FORMATS.get(name));
    } else if ("YearMonth".equals(name)) {
      schema.setRef(null);
      schema.setType(List.of(SchemaType.STRING));
      schema.setPattern("^[0-9]{4}-(0[1-9]|1[0-2])$");
      schema.setExamples(List.of("2026-11"));
    } else if (ANY_JSON.contains(name)) {
      schema.setRef(null);
      if (schema.getDescription() == null) {
        schema.setDescription("Any JSON value");
      }
    }
    return schema;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    DATE_TIME_FORMATS.keySet().forEach(openAPI.getComponents()::removeSchema);
    ANY_JSON.forEach(openAPI.getComponents()::removeSchema);
    openAPI.getComponents().removeSchema("YearMonth");
  }
}
