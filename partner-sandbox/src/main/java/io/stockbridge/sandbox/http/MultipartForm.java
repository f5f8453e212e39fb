package io.stockbridge.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a {@code multipart/form-data} body by name, as bytes: enough for the simulated upload calls.
 */
public final class MultipartForm {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
  private final Map<String, byte[]> parts;

  private MultipartForm(Map<String, byte[]> parts) {
    this.parts = parts;
  }

  /** The form of the request; empty when it is not multipart/form-data. */
  public static MultipartForm of(SandboxRequest request) {
    String type = request.header("content-type");
    Matcher boundary = type == null ? null : BOUNDARY.matcher(type);
    Map<String, byte[]> parts = new LinkedHashMap<>();
    if (boundary == null || !type.startsWith("multipart/form-data") || !boundary.find()) {
      return new MultipartForm(parts);
    }
    byte[] body = request.raw();
    byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    int start = indexOf(body, delimiter, 0);
    while (start >= 0) {
      int headersFrom = start + delimiter.length + 2;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersFrom);
      int next = indexOf(body, delimiter, headersFrom);
      if (headersEnd < 0 || next < 0) {
        break;
      }
      String headers = new String(body, headersFrom, headersEnd - headersFrom, StandardCharsets.UTF_8);
      Matcher name = NAME.matcher(headers);
      if (name.find()) {
        int contentFrom = headersEnd + 4;
        int contentEnd = Math.max(contentFrom, next - 2);
        byte[] content = new byte[contentEnd - contentFrom];
        System.arraycopy(body, contentFrom, content, 0, content.length);
        parts.put(name.group(1), content);
      }
      start = next;
    }
    return new MultipartForm(parts);
  }

  public byte[] part(String name) {
    return parts.get(name);
  }

  public String text(String name) {
    byte[] part = parts.get(name);
    return part == null ? null : new String(part, StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
