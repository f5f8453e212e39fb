package io.stockbridge.catalog.product;

import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.catalog.TestImages;
import io.stockbridge.testing.TestTokens;

/** Main images are decoded and measured on upload; a product's PUT keeps its SKUs and honours If-Match. */
@QuarkusTest
class ProductImageAndUpdateTest {
  private final String seller = "seller-" + UUID.randomUUID();
  private final String admin = TestTokens.seller(seller, "seller-admin");

  private String product(String sku) {
    return as(admin).body("""
        {"titles": {"en": "Wireless earbuds with charging case"}, "category": "Electronics/Audio", "originCountry": "CN",
         "skus": [{"sellerSku": "%s", "dimensions": {"length": 10, "width": 5.5, "height": 3, "unit": "CM"}}]}"""
        .formatted(sku)).post("/v1/products").then().statusCode(201)
        .body("skus[0].dimensions.width", equalTo(5.5f)).extract().path("id");
  }

  @Test
  void anImageIsMeasuredFromItsPixelsAndServedBack_LST3() {
    String id = product("IMG-" + UUID.randomUUID().toString().substring(0, 8));
    byte[] jpeg = TestImages.jpeg(1200, 800, TestImages.WHITE);
    String imageId = as(admin).contentType("image/jpeg").body(jpeg).post("/v1/products/{id}/images", id).then()
        .statusCode(201).body("width", equalTo(1200)).body("height", equalTo(800))
        .body("contentType", equalTo("image/jpeg")).extract().path("id");
    // the declared type does not matter: the bytes decide
    as(admin).contentType("image/jpeg").body(TestImages.png(1080, 1080, TestImages.GREY))
        .post("/v1/products/{id}/images", id).then().statusCode(201).body("contentType", equalTo("image/png"));
    byte[] back = as(admin).accept("image/jpeg").get("/v1/products/{id}/images/{image}", id, imageId).then()
        .statusCode(200).extract().asByteArray();
    assertThat(back).isEqualTo(jpeg);
    as(admin).get("/v1/products/{id}", id).then().body("images", hasSize(2)).body("images.position", contains(0, 1));
    as(admin).delete("/v1/products/{id}/images/{image}", id, imageId).then().statusCode(204);
    as(admin).get("/v1/products/{id}/images", id).then().body("$", hasSize(1));
  }

  @Test
  void whatIsNotAnImageOrTooMuchIsRefusedAndNothingStored() {
    String id = product("IMG-" + UUID.randomUUID().toString().substring(0, 8));
    as(admin).contentType("image/png").body("%PDF-1.4 not an image".getBytes()).post("/v1/products/{id}/images", id)
        .then().statusCode(415).contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_IMAGE"));
    as(admin).contentType("image/png").body(new byte[0]).post("/v1/products/{id}/images", id).then().statusCode(400);
    as(admin).contentType("image/png").body(new byte[6 * 1024 * 1024]).post("/v1/products/{id}/images", id).then()
        .statusCode(413).body("code", equalTo("FILE_TOO_LARGE"));
    for (int i = 0; i < 9; i++) {
      as(admin).contentType("image/png").body(TestImages.png(300, 300, TestImages.WHITE))
          .post("/v1/products/{id}/images", id).then().statusCode(201);
    }
    as(admin).contentType("image/png").body(TestImages.png(300, 300, TestImages.WHITE))
        .post("/v1/products/{id}/images", id).then().statusCode(409).body("code", equalTo("TOO_MANY_IMAGES"));
    as(admin).get("/v1/products/{id}/images", id).then().body("$", hasSize(9));
    as(TestTokens.seller("seller-other", "seller-admin")).get("/v1/products/{id}/images", id).then().statusCode(404);
  }

  @Test
  void aPutReplacesTheDescriptionAddsSkusAndRefusesALostUpdate() {
    String sku = "PUT-" + UUID.randomUUID().toString().substring(0, 8);
    String id = product(sku);
    String body = """
        {"titles": {"en": "Wireless earbuds, second edition"}, "category": "Electronics/Audio", "brand": "Acme",
         "attributes": {"wireless": "true"},
         "skus": [{"sellerSku": "%s"}, {"sellerSku": "%s-B", "barcode": "4006381333931"}]}""".formatted(sku, sku);
    as(admin).header("If-Match", "\"0\"").body(body).put("/v1/products/{id}", id).then().statusCode(200)
        .body("titles.en", equalTo("Wireless earbuds, second edition")).body("skus", hasSize(2))
        .body("attributes.wireless", equalTo("true")).body("version", equalTo(1));
    as(admin).header("If-Match", "\"0\"").body(body).put("/v1/products/{id}", id).then().statusCode(412)
        .body("code", equalTo("VERSION_MISMATCH"));
    as(admin).body(body.replace("{\"sellerSku\": \"" + sku + "\"}, ", "")).put("/v1/products/{id}", id).then()
        .statusCode(409).body("code", equalTo("SKU_REMOVAL_REFUSED"));
    as(admin).get("/v1/products?sellerSku={sku}", sku + "-B").then().statusCode(200).body("items.id", contains(id));
    as(admin).get("/v1/products?barcode=4006381333931&brand=Acme").then().body("items.id", contains(id));
    // an update that keeps the same SKUs and adds none (it once failed with 500)
    as(admin).body(body.replace("second edition", "third edition")).put("/v1/products/{id}", id).then()
        .statusCode(200).body("titles.en", equalTo("Wireless earbuds, third edition")).body("skus", hasSize(2));
  }
}
