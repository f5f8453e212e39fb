package io.stockbridge.system;

import java.util.List;

import io.stockbridge.sandbox.warehouse.Accounts;
import io.stockbridge.sandbox.warehouse.WebhookSender;

/** What a seller and its warehouse partner do through the real services: warehouses, products, mappings, readings. */
final class Seller {
  private final String token;
  private final ServiceProcess catalog;
  private final ServiceProcess gateway;

  /** A warehouse of the seller's, and the secret its partner signs webhooks with (none for a polled one). */
  record Warehouse(String id, String secret) {
  }

  Seller(String token, ServiceProcess catalog, ServiceProcess gateway) {
    this.token = token;
    this.catalog = catalog;
    this.gateway = gateway;
  }

  Warehouse webhookWarehouse(String code) {
    var created = Suite.as(token, gateway).body("{\"code\": \"" + code + "\", \"name\": \"Partner\", \"country\": "
        + "\"US\", \"adapter\": \"STANDARD_WEBHOOKS\", \"apiReady\": true}").post("/v1/warehouses").then()
        .statusCode(201).extract();
    return new Warehouse(created.path("id"), created.path("webhookSecret"));
  }

  /** A Standard Webhooks warehouse whose WMS takes count requests at {@code countRequestUrl} (CNT-1). */
  Warehouse countingWarehouse(String code, String countRequestUrl) {
    var created = Suite.as(token, gateway).body("{\"code\": \"" + code + "\", \"name\": \"Counting partner\", "
        + "\"country\": \"US\", \"adapter\": \"STANDARD_WEBHOOKS\", \"apiReady\": true, \"countRequestUrl\": \""
        + countRequestUrl + "\"}").post("/v1/warehouses").then().statusCode(201).extract();
    return new Warehouse(created.path("id"), created.path("webhookSecret"));
  }

  /** A WINIT warehouse the gateway polls (every 30 s), reading the partner's storage of {@code winitWarehouseId}. */
  Warehouse winitWarehouse(String code, Accounts accounts, String winitWarehouseId) {
    String id = Suite.as(token, gateway).body("{\"code\": \"" + code + "\", \"name\": \"Polled partner\", "
        + "\"country\": \"US\", \"adapter\": \"WINIT\", \"apiReady\": true, \"pollIntervalSeconds\": 30, "
        + "\"credentials\": {\"appKey\": \"" + accounts.winitAppKey() + "\", \"token\": \"" + accounts.winitToken()
        + "\", \"warehouseId\": \"" + winitWarehouseId + "\"}}").post("/v1/warehouses").then().statusCode(201)
        .extract().path("id");
    return new Warehouse(id, null);
  }

  void product(String key, List<String> skus) {
    StringBuilder list = new StringBuilder();
    for (String sku : skus) {
      list.append(list.isEmpty() ? "" : ", ").append("{\"sellerSku\": \"").append(sku).append("\"}");
    }
    Suite.as(token, catalog).header("Idempotency-Key", key).body("{\"titles\": {\"en\": \"Wireless earbuds with "
        + "charging case\"}, \"category\": \"Electronics/Audio/Earphones\", \"skus\": [" + list + "]}")
        .post("/v1/products").then().statusCode(201);
  }

  void map(String sku, Warehouse warehouse, String item) {
    Suite.as(token, catalog).body("{\"wmsItemId\": \"" + item + "\"}")
        .put("/v1/skus/{sku}/warehouse-items/{wh}", sku, warehouse.id()).then().statusCode(200);
  }

  /** A main image the channel's rules accept: 1080 x 1080, a white background, a product in the middle. */
  static byte[] whitePhoto() throws java.io.IOException {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1080, 1080,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D graphics = image.createGraphics();
    graphics.setColor(java.awt.Color.WHITE);
    graphics.fillRect(0, 0, 1080, 1080);
    graphics.setColor(java.awt.Color.DARK_GRAY);
    graphics.fillOval(270, 270, 540, 540);
    graphics.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A Standard Webhooks reading of one item's levels. */
  static String levels(String item, long sequence, long sellable) {
    return "{\"type\": \"inventory.levels\", \"data\": {\"items\": [{\"itemId\": \"" + item + "\", \"sequence\": \""
        + sequence + "\", \"inTransit\": 0, \"qc\": 0, \"frozen\": 0, \"sellable\": " + sellable + "}]}}";
  }

  /** The partner sends one signed webhook to the given gateway replica; answers its status. */
  static int send(ServiceProcess gateway, Warehouse warehouse, String id, String body) {
    return new WebhookSender().send(gateway.url() + "/webhooks/" + warehouse.id(), warehouse.secret(),
        List.of(WebhookSender.Event.of(id, body)), WebhookSender.Order.AS_GIVEN, 0).get(0).status();
  }
}
