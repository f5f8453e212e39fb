package io.stockbridge.compliance.document;

import static io.restassured.RestAssured.given;
import static io.stockbridge.compliance.Fixtures.JPEG;
import static io.stockbridge.compliance.Fixtures.PDF;
import static io.stockbridge.compliance.Fixtures.PNG;
import static io.stockbridge.compliance.Fixtures.REVIEWER;
import static io.stockbridge.compliance.Fixtures.newSeller;
import static io.stockbridge.compliance.Fixtures.review;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.compliance.Fixtures.Seller;
import io.stockbridge.compliance.document.service.DocumentExpiry;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class DocumentResourceTest {
  @Inject
  SettableClock clock;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Inject
  Pool pool;

  @Inject
  DocumentExpiry expiry;

  private long storedDocuments(String sellerId) {
    return pool.preparedQuery("select count(*) from compliance_document where seller_id = $1")
        .execute(Tuple.of(sellerId)).await().indefinitely().iterator().next().getLong(0);
  }

  @Test
  void aPdfIsStoredSubmittedWithItsDigestAndCanBeDownloaded_CMP2() throws Exception {
    Seller seller = newSeller();
    String id = seller.upload("FCC_ID", "US", PDF, "fcc-grant.pdf").multiPart("expiresAt", "2030-01-01")
        .post("/v1/documents").then().statusCode(201)
        .header("Location", containsString("/v1/documents/"))
        .body("status", equalTo("SUBMITTED")).body("contentType", equalTo("application/pdf"))
        .body("sizeBytes", equalTo(PDF.length)).body("scope", equalTo("SELLER"))
        .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF))))
        .body("usable", equalTo(false)).body("history.to", contains("SUBMITTED"))
        .extract().path("id");
    byte[] downloaded = given().auth().oauth2(seller.token()).get("/v1/documents/{id}/file", id).then()
        .statusCode(200).contentType("application/pdf")
        .header("Content-Disposition", containsString("fcc-grant.pdf")).extract().asByteArray();
    assertThat(downloaded).isEqualTo(PDF);
  }

  @Test
  void pngAndJpegAreRecognisedByContentWhateverTheirNames() {
    Seller seller = newSeller();
    seller.upload("CPI", "US", PNG, "scan.pdf").post("/v1/documents").then().statusCode(201)
        .body("contentType", equalTo("image/png"));
    seller.upload("CPI", "US", JPEG, "scan.txt").post("/v1/documents").then().statusCode(201)
        .body("contentType", equalTo("image/jpeg"));
  }

  @Test
  void wrongContentBehindAPdfNameIs415AndNothingIsStored() {
    Seller seller = newSeller();
    byte[] html = "<html><body>Totally a PDF</body></html>".getBytes();
    seller.upload("FCC_ID", "US", html, "certificate.pdf").post("/v1/documents").then().statusCode(415)
        .contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_FILE_TYPE"));
    assertThat(storedDocuments(seller.id())).isZero();
  }

  @Test
  void anOversizeFileIs413AndNothingIsStored() {
    Seller seller = newSeller();
    byte[] big = Arrays.copyOf(PDF, 65_537); // the test limit is 64 KiB
    seller.upload("FCC_ID", "US", big, "big.pdf").post("/v1/documents").then().statusCode(413)
        .contentType("application/problem+json").body("code", equalTo("FILE_TOO_LARGE"))
        .body("maxBytes", equalTo(65_536));
    assertThat(storedDocuments(seller.id())).isZero();
  }

  @Test
  void anEmptyFileIs400AndNothingIsStored() {
    Seller seller = newSeller();
    seller.upload("FCC_ID", "US", new byte[0], "empty.pdf").post("/v1/documents").then().statusCode(400)
        .contentType("application/problem+json").body("code", equalTo("EMPTY_FILE"))
        .body("errors[0].field", equalTo("file"));
    assertThat(storedDocuments(seller.id())).isZero();
  }

  @Test
  void badMetadataNamesEveryFieldAtOnce() {
    Seller seller = newSeller();
    given().auth().oauth2(seller.token()).multiPart("file", "x.pdf", PDF, "application/pdf")
        .multiPart("type", "PASSPORT").multiPart("issuedAt", "31/12/2025").multiPart("market", "US")
        .multiPart("scope", "PRODUCT").multiPart("expiresAt", "2020-01-01")
        .post("/v1/documents").then().statusCode(400).contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.field", hasItems("type", "number", "issuer", "issuedAt", "scopeId", "expiresAt"));
    assertThat(storedDocuments(seller.id())).isZero();
  }

  @Test
  void aDocumentWithoutAFileIs400() {
    Seller seller = newSeller();
    given().auth().oauth2(seller.token()).multiPart("type", "FCC_ID").multiPart("number", "2AB-1")
        .multiPart("issuer", "FCC").multiPart("issuedAt", "2025-01-01").multiPart("market", "US")
        .post("/v1/documents").then().statusCode(400).body("errors.field", hasItem("file"));
  }

  @Test
  void jsonInsteadOfMultipartIs415Problem() {
    as(newSeller().token()).body("{\"type\":\"FCC_ID\"}").post("/v1/documents").then().statusCode(415)
        .contentType("application/problem+json");
  }

  private static io.restassured.specification.RequestSpecification eprUpload(Seller seller, String number) {
    return given().auth().oauth2(seller.token()).multiPart("file", "epr.pdf", PDF, "application/pdf")
        .multiPart("type", "EPR_REGISTRATION").multiPart("number", number).multiPart("issuer", "Zentrale Stelle")
        .multiPart("issuedAt", "2025-03-01").multiPart("market", "DE").header("Idempotency-Key", "upload-1");
  }

  @Test
  void aRetriedUploadWithTheSameKeyStoresOneDocument() {
    Seller seller = newSeller();
    String first = eprUpload(seller, "DE123").post("/v1/documents").then().statusCode(201)
        .header("Idempotent-Replayed", "false").extract().path("id");
    String again = eprUpload(seller, "DE123").post("/v1/documents").then().statusCode(201)
        .header("Idempotent-Replayed", "true").extract().path("id");
    assertThat(again).isEqualTo(first);
    // the same key for a different document is a client mistake, not a silent replay
    eprUpload(seller, "DE999").post("/v1/documents").then().statusCode(422)
        .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    assertThat(storedDocuments(seller.id())).isEqualTo(1);
  }

  @Test
  void submittedThenPendingReviewThenVerified_CMP2() {
    Seller seller = newSeller();
    String id = seller.submit("FCC_TEST_REPORT", "US");
    review(id, "PENDING_REVIEW", null);
    as(REVIEWER).body("{\"status\":\"VERIFIED\"}").post("/v1/documents/{id}/transitions", id).then()
        .statusCode(200).body("status", equalTo("VERIFIED")).body("usable", equalTo(true))
        .body("reviewedBy", equalTo("rita"))
        .body("history.to", contains("SUBMITTED", "PENDING_REVIEW", "VERIFIED"));
    as(seller.token()).get("/v1/documents/{id}", id).then().statusCode(200).body("status", equalTo("VERIFIED"));
  }

  @Test
  void aRejectionNeedsAReasonAndIsFinal_CMP2() {
    Seller seller = newSeller();
    String id = seller.submit("CPI", "US");
    review(id, "PENDING_REVIEW", null);
    as(REVIEWER).body("{\"status\":\"REJECTED\"}").post("/v1/documents/{id}/transitions", id).then()
        .statusCode(400).body("errors[0].field", equalTo("reason"));
    review(id, "REJECTED", "Ingredient list is not in INCI names");
    as(seller.token()).get("/v1/documents/{id}", id).then().body("reviewReason",
        equalTo("Ingredient list is not in INCI names"));
    for (String next : new String[] { "PENDING_REVIEW", "VERIFIED", "SUBMITTED", "EXPIRED" }) {
      as(REVIEWER).body("{\"status\":\"" + next + "\"}").post("/v1/documents/{id}/transitions", id).then()
          .statusCode(409).contentType("application/problem+json").body("code", equalTo("ILLEGAL_TRANSITION"));
    }
  }

  @Test
  void illegalTransitionsAnswer409_CMP2() {
    Seller seller = newSeller();
    String id = seller.submit("FCC_ID", "US");
    // a review starts with PENDING_REVIEW: no verdict on a merely submitted document
    for (String next : new String[] { "VERIFIED", "REJECTED", "SUBMITTED", "EXPIRED" }) {
      as(REVIEWER).body("{\"status\":\"" + next + "\",\"reason\":\"r\"}")
          .post("/v1/documents/{id}/transitions", id).then().statusCode(409).body("code", equalTo("ILLEGAL_TRANSITION"))
          .body("status", equalTo("SUBMITTED"));
    }
    review(id, "PENDING_REVIEW", null);
    as(REVIEWER).body("{\"status\":\"PENDING_REVIEW\"}").post("/v1/documents/{id}/transitions", id).then()
        .statusCode(409);
    review(id, "VERIFIED", null);
    for (String next : new String[] { "PENDING_REVIEW", "REJECTED", "SUBMITTED" }) {
      as(REVIEWER).body("{\"status\":\"" + next + "\",\"reason\":\"r\"}")
          .post("/v1/documents/{id}/transitions", id).then().statusCode(409);
    }
    as(REVIEWER).body("{\"status\":\"APPROVED\"}").post("/v1/documents/{id}/transitions", id).then()
        .statusCode(400).contentType("application/problem+json");
  }

  @Test
  void aSellerCannotReviewItsOwnDocument_CMP2() {
    Seller seller = newSeller();
    String id = seller.submit("FCC_ID", "US");
    as(seller.token()).body("{\"status\":\"PENDING_REVIEW\"}").post("/v1/documents/{id}/transitions", id).then()
        .statusCode(403).contentType("application/problem+json");
    // a reviewer's token that belongs to the same seller is refused as well (four eyes)
    String insider = TestTokens.seller(seller.id(), "compliance-reviewer");
    as(insider).body("{\"status\":\"PENDING_REVIEW\"}").post("/v1/documents/{id}/transitions", id).then()
        .statusCode(403).body("code", equalTo("SELF_REVIEW_FORBIDDEN"));
    as(seller.token()).get("/v1/documents/{id}", id).then().body("status", equalTo("SUBMITTED"));
  }

  @Test
  void anotherSellersDocumentAnswers404ButAReviewerSeesEverySeller() {
    Seller alice = newSeller();
    Seller bob = newSeller();
    String id = alice.submit("FCC_ID", "US");
    as(bob.token()).get("/v1/documents/{id}", id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    given().auth().oauth2(bob.token()).get("/v1/documents/{id}/file", id).then().statusCode(404);
    as(bob.token()).get("/v1/documents").then().statusCode(200).body("items", hasSize(0));
    as(REVIEWER).get("/v1/documents/{id}", id).then().statusCode(200).body("sellerId", equalTo(alice.id()));
    as(REVIEWER).body("{\"status\":\"PENDING_REVIEW\"}").post("/v1/documents/{id}/transitions", UUID.randomUUID())
        .then().statusCode(404);
  }

  @Test
  void expiredByDateOnReadAndByTheSweep_CMP2() {
    Seller seller = newSeller();
    LocalDate expires = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30);
    String id = seller.verified("FCC_ID", "US", "expiresAt", expires.toString());
    clock.advance(Duration.ofDays(30));
    // the stored status is still VERIFIED, but a read applies the date: from its expiry date on it does not count
    as(seller.token()).get("/v1/documents/{id}", id).then().body("status", equalTo("EXPIRED"))
        .body("usable", equalTo(false));
    as(seller.token()).queryParam("status", "EXPIRED").get("/v1/documents").then()
        .body("items.id", contains(id));
    as(seller.token()).queryParam("status", "VERIFIED").get("/v1/documents").then().body("items", hasSize(0));
    as(REVIEWER).body("{\"status\":\"REJECTED\",\"reason\":\"late\"}").post("/v1/documents/{id}/transitions", id)
        .then().statusCode(409).body("detail", containsString("expired on " + expires));
    assertThat(expiry.sweep().await().indefinitely()).isGreaterThanOrEqualTo(1);
    as(seller.token()).get("/v1/documents/{id}", id).then().body("status", equalTo("EXPIRED"))
        .body("history.to", contains("SUBMITTED", "PENDING_REVIEW", "VERIFIED", "EXPIRED"))
        .body("history[3].by", equalTo("system"));
  }

  @Test
  void aRejectedDocumentStaysRejectedPastItsDate() {
    Seller seller = newSeller();
    String id = seller.submit("CPI", "US", "expiresAt", LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString());
    review(id, "PENDING_REVIEW", null);
    review(id, "REJECTED", "blurred scan");
    clock.advance(Duration.ofDays(2));
    expiry.sweep().await().indefinitely();
    as(seller.token()).get("/v1/documents/{id}", id).then().body("status", equalTo("REJECTED"));
  }

  @Test
  void expiringListsDocumentsWithinTheWindowSoonestFirst() {
    Seller seller = newSeller();
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    // two days on, these expire in 10, 25 and 45 days and the last one yesterday
    String in10 = seller.verified("FCC_ID", "US", "expiresAt", today.plusDays(12).toString());
    String in25 = seller.submit("CPI", "US", "expiresAt", today.plusDays(27).toString());
    String in45 = seller.verified("EPR_REGISTRATION", "DE", "expiresAt", today.plusDays(47).toString());
    String never = seller.verified("TIN", "TH");
    String gone = seller.verified("FDA_FACILITY_REGISTRATION", "US", "expiresAt", today.plusDays(1).toString());
    clock.advance(Duration.ofDays(2));
    as(seller.token()).queryParam("days", 30).get("/v1/documents/expiring").then().statusCode(200)
        .body("items.id", contains(in10, in25));
    as(seller.token()).queryParam("days", 60).queryParam("limit", 2).get("/v1/documents/expiring").then()
        .body("items.id", contains(in10, in25)).body("nextCursor", not(nullValue()));
    String cursor = as(seller.token()).queryParam("days", 60).queryParam("limit", 2).get("/v1/documents/expiring")
        .then().extract().path("nextCursor");
    as(seller.token()).queryParam("days", 60).queryParam("cursor", cursor).get("/v1/documents/expiring").then()
        .body("items.id", contains(in45)).body("items.id", not(hasItem(never)));
    as(seller.token()).queryParam("days", 0).get("/v1/documents/expiring").then().statusCode(400);
  }

  @Test
  void listFiltersByTypeMarketAndScope() {
    Seller seller = newSeller();
    String fcc = seller.submit("FCC_ID", "US");
    String sku = seller.submit("FCC_TEST_REPORT", "US", "scope", "SKU", "scopeId", "EAR-BLK");
    seller.submit("EPR_REGISTRATION", "FR");
    as(seller.token()).queryParam("market", "US").get("/v1/documents").then().body("items.id", contains(fcc, sku));
    as(seller.token()).queryParam("type", "FCC_ID").get("/v1/documents").then().body("items.id", contains(fcc));
    as(seller.token()).queryParam("scope", "SKU").queryParam("scopeId", "EAR-BLK").get("/v1/documents").then()
        .body("items.id", contains(sku)).body("items.scopeId", everyItem(equalTo("EAR-BLK")));
    as(seller.token()).queryParam("status", "LOST").get("/v1/documents").then().statusCode(400)
        .body("errors[0].field", equalTo("status"));
  }

  @Test
  void aTaxIdBelongsToTheSeller() {
    Seller seller = newSeller();
    seller.upload("TIN", "TH", PDF, "tin.pdf").multiPart("scope", "PRODUCT").multiPart("scopeId", "p-1")
        .post("/v1/documents").then().statusCode(400).body("errors.field", hasItem("scope"));
  }

  @Test
  void anonymousAndForeignRolesAreRefused() {
    given().get("/v1/documents").then().statusCode(401);
    as(TestTokens.staff("paul", "platform-admin")).body("{\"status\":\"PENDING_REVIEW\"}")
        .post("/v1/documents/{id}/transitions", UUID.randomUUID()).then().statusCode(403);
  }
}
