package io.stockbridge.gateway.csvimport.service;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.GatewayProblem;
import io.stockbridge.gateway.adapter.StandardWebhooksAdapter;
import io.stockbridge.gateway.warehouse.repository.AdapterType;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnectionRepository;
import io.stockbridge.gateway.webhook.repository.InboundEventRepository;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Stock files from warehouses without an API (rule WH-1). A file is applied whole or not at all: one bad row refuses
 * the file, with every bad row and column named, because applying part of a stock list would leave the other
 * items silently stale. An accepted file goes into the inbox like a webhook (in the {@code inventory.levels}
 * format) and follows the same path to the ledger; uploading the same file again changes nothing.
 * <p>
 * Columns: {@code item_id, in_transit, qc, frozen, sellable} (required, any order), {@code observed_at} (ISO 8601,
 * default: the upload time), {@code sequence} (digits). UTF-8, with or without a byte-order mark.
 */
@ApplicationScoped
public class CsvStockImport {
  static final List<String> REQUIRED = List.of("item_id", "in_transit", "qc", "frozen", "sellable");
  static final Set<String> OPTIONAL = Set.of("observed_at", "sequence");
  static final int MAX_ROWS = 20_000;
  static final long MAX_QUANTITY = 1_000_000_000L;

  private final WarehouseConnectionRepository warehouses;
  private final InboundEventRepository inbox;
  private final ObjectMapper mapper;
  private final SuiteClock clock;

  public CsvStockImport(WarehouseConnectionRepository warehouses, InboundEventRepository inbox, ObjectMapper mapper, SuiteClock clock) {
    this.warehouses = warehouses;
    this.inbox = inbox;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** What became of an upload. */
  public record Accepted(String importId, int rows, boolean duplicate) {
  }

  @WithTransaction
  public Uni<Accepted> upload(String sellerId, UUID warehouseId, byte[] file) {
    return warehouses.findOwned(sellerId, warehouseId).chain(warehouse -> {
      if (warehouse == null) {
        throw ProblemException.notFound("Warehouse", warehouseId.toString());
      }
      if (warehouse.adapter != AdapterType.CSV) {
        throw ProblemException.conflict(GatewayProblem.NOT_A_CSV_WAREHOUSE,
            warehouse.adapter + " warehouses report through their API, not by file");
      }
      OffsetDateTime now = clock.now();
      List<Map<String, Object>> items = parse(decode(file), now);
      String importId = "csv-" + sha256(file);
      return inbox.storeOnce(warehouseId, sellerId, importId, now, json(Map.of("type", StandardWebhooksAdapter.TYPE,
              "data", Map.of("items", items))))
          .map(stored -> new Accepted(importId, items.size(), !stored));
    });
  }

  private static String decode(byte[] file) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw ProblemException.badRequest(GatewayProblem.INVALID_ENCODING, "The file is not UTF-8; save it as UTF-8 and upload again",
          List.of());
    }
  }

  static List<Map<String, Object>> parse(String text, OffsetDateTime uploadedAt) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).build();
    List<FieldError> errors = new ArrayList<>();
    List<Map<String, Object>> items = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      checkHeader(parser.getHeaderNames());
      int row = 0;
      for (CSVRecord record : parser) {
        row++;
        if (row > MAX_ROWS) {
          throw ProblemException.badRequest(GatewayProblem.TOO_MANY_ROWS, "A file holds at most " + MAX_ROWS + " rows", List.of());
        }
        items.add(item(record, row, uploadedAt, errors));
      }
      if (row == 0) {
        throw ProblemException.badRequest(CommonProblem.EMPTY_FILE, "The file has a header but no rows", List.of());
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw ProblemException.badRequest(GatewayProblem.MALFORMED_CSV, "The file is not well-formed CSV: " + e.getMessage(), List.of());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(GatewayProblem.INVALID_CSV_HEADER, "The header row is not valid: " + e.getMessage(), List.of());
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(422, GatewayProblem.INVALID_ROWS, "Invalid rows",
          errors.size() + " problem(s) in the file; nothing was applied", errors);
    }
    return items;
  }

  private static void checkHeader(List<String> header) {
    List<FieldError> errors = new ArrayList<>();
    for (String column : REQUIRED) {
      if (!header.contains(column)) {
        errors.add(new FieldError("header", "missing_column", "column '" + column + "' is required"));
      }
    }
    for (String column : header) {
      if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
        errors.add(new FieldError("header", "unknown_column", "column '" + column + "' is not one of "
            + String.join(", ", REQUIRED) + ", observed_at, sequence"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(GatewayProblem.INVALID_CSV_HEADER, "The header row does not name the expected columns", errors);
    }
  }

  private static Map<String, Object> item(CSVRecord record, int row, OffsetDateTime uploadedAt, List<FieldError> errors) {
    Map<String, Object> item = new LinkedHashMap<>();
    if (!record.isConsistent()) {
      errors.add(new FieldError("rows[" + row + "]", "wrong_column_count",
          "has " + record.size() + " values for " + record.getParser().getHeaderNames().size() + " columns"));
      return item;
    }
    String itemId = record.get("item_id");
    if (itemId.isEmpty() || itemId.length() > 128) {
      errors.add(new FieldError("rows[" + row + "].item_id", "required", "the warehouse's item id, at most 128 characters"));
    }
    item.put("itemId", itemId);
    for (String column : List.of("in_transit", "qc", "frozen", "sellable")) {
      String value = record.get(column);
      long quantity = -1;
      if (value.matches("[0-9]{1,10}")) {
        quantity = Long.parseLong(value);
      }
      if (quantity < 0 || quantity > MAX_QUANTITY) {
        errors.add(new FieldError("rows[" + row + "]." + column, "invalid_quantity",
            "'" + value + "' is not a whole number from 0 to " + MAX_QUANTITY));
      }
      item.put(camel(column), quantity);
    }
    OffsetDateTime observedAt = uploadedAt;
    if (record.isMapped("observed_at") && !record.get("observed_at").isEmpty()) {
      try {
        observedAt = OffsetDateTime.parse(record.get("observed_at"));
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("rows[" + row + "].observed_at", "invalid_instant", "e.g. 2026-11-22T08:00:00Z"));
      }
    }
    item.put("observedAt", observedAt.toString());
    if (record.isMapped("sequence") && !record.get("sequence").isEmpty()) {
      if (!record.get("sequence").matches("[0-9]{1,40}")) {
        errors.add(new FieldError("rows[" + row + "].sequence", "invalid_sequence", "digits only"));
      }
      item.put("sequence", record.get("sequence"));
    }
    return item;
  }

  private static String camel(String column) {
    return "in_transit".equals(column) ? "inTransit" : column;
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
