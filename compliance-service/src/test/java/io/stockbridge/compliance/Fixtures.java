package io.stockbridge.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;
import io.stockbridge.testing.Api;
import io.stockbridge.testing.TestTokens;

/**
 * Sellers, documents and reviews for the compliance tests, all through the real API.
 */
public final class Fixtures {
  /** A reviewer who belongs to no seller. */
  public static final String REVIEWER = TestTokens.staff("rita", "compliance-reviewer");
  public static final String PLATFORM_ADMIN = TestTokens.staff("paul", "platform-admin");
  /** The smallest well-formed heads of the three accepted formats; the rest of the bytes do not matter. */
  public static final byte[] PDF = bytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  public static final byte[] PNG = concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' },
      bytes("IHDR-and-the-rest"));
  public static final byte[] JPEG = concat(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 },
      bytes("JFIF-and-the-rest"));

  static {
    Api.anonymous(); // registers the problem+json parser
  }

  private Fixtures() {
  }

  /** A seller of its own, so that tests sharing the database never see each other's data. */
  public static Seller newSeller() {
    String id = "seller-" + UUID.randomUUID();
    return new Seller(id, TestTokens.seller(id, "seller-admin"));
  }

  public record Seller(String id, String token) {
    /** A multipart upload request with every metadata field set for a seller-wide document of {@code type}. */
    public RequestSpecification upload(String type, String market, byte[] file, String fileName) {
      return given().auth().oauth2(token).accept("application/json")
          .multiPart("file", fileName, file, "application/pdf")
          .multiPart("type", type).multiPart("number", type + "-" + UUID.randomUUID().toString().substring(0, 8))
          .multiPart("issuer", "TUV Rheinland").multiPart("issuedAt", LocalDate.now().minusMonths(6).toString())
          .multiPart("market", market);
    }

    /** Uploads a document and returns its id. */
    public String submit(String type, String market, String... extraFields) {
      RequestSpecification request = upload(type, market, PDF, "certificate.pdf");
      for (int i = 0; i < extraFields.length; i += 2) {
        request.multiPart(extraFields[i], extraFields[i + 1]);
      }
      return request.post("/v1/documents").then().statusCode(201).extract().path("id");
    }

    /** Uploads a document and has a reviewer verify it. */
    public String verified(String type, String market, String... extraFields) {
      String id = submit(type, market, extraFields);
      review(id, "PENDING_REVIEW", null);
      review(id, "VERIFIED", null);
      return id;
    }
  }

  public static void review(String documentId, String status, String reason) {
    String body = reason == null ? "{\"status\":\"" + status + "\"}"
        : "{\"status\":\"" + status + "\",\"reason\":\"" + reason + "\"}";
    Api.as(REVIEWER).body(body).post("/v1/documents/{id}/transitions", documentId).then().statusCode(200)
        .body("status", equalTo(status));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[] head, byte[] tail) {
    byte[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
