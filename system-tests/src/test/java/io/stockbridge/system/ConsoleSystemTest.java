package io.stockbridge.system;

import static io.restassured.RestAssured.given;
import static io.stockbridge.system.Suite.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.stockbridge.sandbox.channel.ChannelSandbox;
import io.stockbridge.testing.TestTokens;

/**
 * The seller console in a real browser (headless Chromium) against the real services, each its own process: users sign
 * in through the authorization-code flow with PKCE at the OIDC test server, and every page is what the services
 * answer for that user's own token. A failing test leaves a screenshot under target/console-screenshots.
 */
class ConsoleSystemTest {
  private static final String ALICE_SELLER = "console-a";
  private static final String ALICE = TestTokens.seller(ALICE_SELLER, "seller-admin");
  private static final String BOB = TestTokens.seller("console-b", "seller-admin");
  private static final String RITA = TestTokens.staff("rita", "compliance-reviewer");
  private static final String WAREHOUSE_CODE = "CON-WH";
  private static final String BARCODE = "4006381333931";

  private static Suite suite;
  private static ChannelSandbox channel;
  private static ServiceProcess inventory;
  private static ServiceProcess catalog;
  private static ServiceProcess gateway;
  private static ServiceProcess compliance;
  private static ServiceProcess console;
  private static Seller.Warehouse warehouse;
  private ConsoleBrowser browser;

  @BeforeAll
  static void startTheSuiteAndSeedAlicesData() throws Exception {
    suite = Suite.start("catalog", "inventory", "gateway", "compliance");
    suite.signInUsers("stockbridge-console", Map.of("alice", ALICE, "bob", BOB, "rita", RITA));
    channel = new ChannelSandbox(ChannelSandbox.DEFAULT_APP_KEY, ChannelSandbox.DEFAULT_APP_SECRET).start(0);
    // each service's environment names the others, so every one is made (and has its port) before any starts
    Map<String, String> inventoryEnvironment = new HashMap<>(suite.environment());
    inventory = new ServiceProcess("inventory-service", inventoryEnvironment, List.of());
    Map<String, String> consoleEnvironment = new HashMap<>(suite.environment(
        "STOCKBRIDGE_CONSOLE_CLIENT_SECRET", "secret",
        "STOCKBRIDGE_CONSOLE_SESSION_SECRET", "system-test-session-secret-of-32-chars"));
    console = new ServiceProcess("console", consoleEnvironment, List.of());
    compliance = new ServiceProcess("compliance-service", suite.environment(), List.of());
    catalog = new ServiceProcess("catalog-service", suite.environment("STOCKBRIDGE_INVENTORY_URL", inventory.url(),
        "STOCKBRIDGE_COMPLIANCE_URL", compliance.url(), "STOCKBRIDGE_CHANNEL_APP_KEY", ChannelSandbox.DEFAULT_APP_KEY,
        "STOCKBRIDGE_CHANNEL_APP_SECRET", ChannelSandbox.DEFAULT_APP_SECRET,
        "STOCKBRIDGE_CHANNEL_AUTHORIZE_URL", channel.baseUrl() + "/oauth/authorize",
        "STOCKBRIDGE_CHANNEL_AUTH_URL", channel.baseUrl(), "STOCKBRIDGE_CHANNEL_API_URL", channel.baseUrl(),
        "STOCKBRIDGE_CHANNEL_REDIRECT_URI", console.url() + "/channel/callback",
        // the LST-4 lock reaches the alert feed within seconds rather than production's minute
        "STOCKBRIDGE_ALERTS_REPORTING_INTERVAL", "2s"), List.of());
    gateway = new ServiceProcess("warehouse-gateway", suite.environment("STOCKBRIDGE_INVENTORY_URL", inventory.url(),
        "STOCKBRIDGE_CATALOG_URL", catalog.url()), List.of());
    inventoryEnvironment.put("STOCKBRIDGE_CATALOG_URL", catalog.url());
    consoleEnvironment.putAll(Map.of("STOCKBRIDGE_INVENTORY_URL", inventory.url(), "STOCKBRIDGE_CATALOG_URL",
        catalog.url(), "STOCKBRIDGE_GATEWAY_URL", gateway.url(), "STOCKBRIDGE_COMPLIANCE_URL", compliance.url()));
    for (ServiceProcess service : List.of(inventory, compliance, catalog, gateway, console)) {
      service.launch();
    }
    for (ServiceProcess service : List.of(inventory, compliance, catalog, gateway, console)) {
      service.awaitReady();
    }
    seedAlicesData();
  }

  /** Alice's shop as a seller would set it up through the API: two SKUs, a warehouse, readings, a channel shop. */
  private static void seedAlicesData() throws Exception {
    as(ALICE, catalog).header("Idempotency-Key", "console-product").body("{\"titles\": {\"en\": \"Wireless earbuds "
        + "with charging case\"}, \"category\": \"Electronics/Audio/Earphones\", \"skus\": [{\"sellerSku\": "
        + "\"CON-1\", \"barcode\": \"" + BARCODE + "\"}, {\"sellerSku\": \"CON-2\"}, {\"sellerSku\": \"CON-3\"}]}").post("/v1/products").then()
        .statusCode(201);
    await().atMost(Duration.ofSeconds(30)).until(() -> suite.number("inventory", "select count(*) from known_sku "
        + "where seller_id = '" + ALICE_SELLER + "'") == 3);
    Seller alice = new Seller(ALICE, catalog, gateway);
    warehouse = alice.webhookWarehouse(WAREHOUSE_CODE);
    alice.map("CON-1", warehouse, "CON-ITEM-1");
    assertThat(Seller.send(gateway, warehouse, "con-reading-1", Seller.levels("CON-ITEM-1", 1, 40))).isEqualTo(202);
    // an item the seller has not mapped yet: the gateway parks the reading until it can tell which SKU it is
    assertThat(Seller.send(gateway, warehouse, "con-unmapped", Seller.levels("CON-ITEM-2", 1, 25))).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> suite.number("inventory", "select unreserved + reserved from stock_balance "
        + "where seller_id = '" + ALICE_SELLER + "' and seller_sku = 'CON-1'") == 40);
    await().atMost(Duration.ofSeconds(30)).until(() -> suite.number("gateway", "select count(*) from inbound_event "
        + "where status = 'PARKED'") == 1);
    connectTheShop();
  }

  /** The seller consents on the channel; the code and state reach catalog-service's callback. */
  private static void connectTheShop() throws Exception {
    String url = as(ALICE, catalog).body("{\"channel\":\"TIKTOK_SHOP\",\"region\":\"US\"}")
        .post("/v1/channel-connections").then().statusCode(201).extract().path("authorizationUrl");
    HttpResponse<Void> consent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.discarding());
    URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
    assertThat(back.getPath()).isEqualTo("/channel/callback");
    given().baseUri(catalog.url()).get("/v1/channel-connections/callback?" + back.getRawQuery()).then().statusCode(200);
  }

  @AfterAll
  static void stopTheSuite() throws Exception {
    Suite.stopAll(console, gateway, catalog, compliance, inventory, channel, suite);
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** Runs a browser scenario; on failure, saves what the browser showed, named after the test. */
  private void inTheBrowser(TestInfo test, ThrowingScenario scenario) throws Exception {
    browser = ConsoleBrowser.open(console.url(), 1280, 900);
    try {
      scenario.run(browser);
    } catch (Throwable failure) {
      browser.screenshot("FAILED-" + test.getTestMethod().orElseThrow().getName());
      throw failure;
    }
  }

  private interface ThrowingScenario {
    void run(ConsoleBrowser browser) throws Exception;
  }

  @Test
  void aliceSignsInAndSeesHerStockPerWarehouseWithItsCharts(TestInfo test) throws Exception {
    inTheBrowser(test, browser -> {
      browser.go("/").signIn("alice");
      assertThat(browser.path()).isEqualTo("/");
      assertThat(browser.find(By.id("seller")).getText()).isEqualTo(ALICE_SELLER);
      WebElement row = browser.find(By.cssSelector("#balances tr[data-sku='CON-1'][data-warehouse='" + WAREHOUSE_CODE
          + "']"));
      assertThat(row.findElement(By.cssSelector("td.available")).getText()).isEqualTo("40");
      List<WebElement> segments = browser.all(By.cssSelector("#stock-chart rect.segment"));
      assertThat(segments).isNotEmpty();
      assertThat(segments.get(0).getSize().getWidth()).as("the bar is drawn").isPositive();
      // the free part of the warehouse's bar is every free unit of alice's there (other tests add SKUs to it)
      long free = suite.number("inventory", "select sum(unreserved) from stock_balance where seller_id = '"
          + ALICE_SELLER + "'");
      assertThat(browser.find(By.cssSelector("#stock-chart rect.segment title")).getAttribute("textContent"))
          .isEqualTo(WAREHOUSE_CODE + ": Sellable, free " + free);
      browser.screenshot("stock");

      // found by its barcode: the SKU's total and its available at the end of each of the last 14 days
      browser.go("/?q=" + BARCODE);
      assertThat(browser.find(By.id("sku-heading")).getText()).startsWith("CON-1");
      assertThat(browser.find(By.id("sku-available")).getText()).isEqualTo("40");
      List<WebElement> days = browser.all(By.cssSelector("#history-chart circle.point"));
      assertThat(days).hasSize(14);
      assertThat(days.get(13).findElement(By.tagName("title")).getAttribute("textContent")).endsWith(": 40 available");
      browser.screenshot("stock-sku-history");
    });
  }

  @Test
  void aParkedEventIsReplayedFromTheWarehousesPageAndReachesTheStockPage(TestInfo test) throws Exception {
    new Seller(ALICE, catalog, gateway).map("CON-2", warehouse, "CON-ITEM-2");
    inTheBrowser(test, browser -> {
      browser.go("/warehouses").signIn("alice");
      WebElement parked = browser.waitFor(By.cssSelector("tr[data-event='con-unmapped']"));
      assertThat(parked.getText()).contains("CON-ITEM-2");
      browser.screenshot("warehouses");
      parked.findElement(By.tagName("button")).click();
      assertThat(browser.waitFor(By.id("notice")).getText()).contains("queued to be processed again");
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
        browser.go("/");
        return !browser.all(By.cssSelector("#balances tr[data-sku='CON-2']")).isEmpty();
      });
      assertThat(browser.find(By.cssSelector("#balances tr[data-sku='CON-2'] td.available")).getText())
          .isEqualTo("25");
    });
  }

  @Test
  void reauthorizationRunsTheChannelsConsentFlowAndComesBack(TestInfo test) throws Exception {
    inTheBrowser(test, browser -> {
      browser.go("/channel").signIn("alice");
      WebElement connection = browser.waitFor(By.cssSelector("#connections tbody tr"));
      assertThat(connection.getText()).contains("ACTIVE");
      connection.findElement(By.tagName("button")).click();
      // the channel sandbox consents at once and sends the browser to the console's callback
      assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("The channel connection is authorised again.");
      assertThat(browser.path()).isEqualTo("/channel");
      assertThat(browser.find(By.cssSelector("#connections tbody tr")).getText()).contains("ACTIVE");
      assertThat(suite.number("catalog", "select count(*) from channel_connection where state_hash is not null"))
          .as("the consent's state was used up").isZero();
      browser.screenshot("channel");
    });
  }

  @Test
  void aCalibrationTaskAndItsAlertAreWorkedFromNeedsAttention_WH4(TestInfo test) throws Exception {
    new Seller(ALICE, catalog, gateway).map("CON-3", warehouse, "CON-ITEM-3");
    assertThat(Seller.send(gateway, warehouse, "con-count-1", Seller.levels("CON-ITEM-3", 1, 100))).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> suite.number("inventory", "select unreserved + reserved from "
        + "stock_balance where seller_id = '" + ALICE_SELLER + "' and seller_sku = 'CON-3'") == 100);
    // the warehouse now reports 20 units fewer than the ledger can explain
    assertThat(Seller.send(gateway, warehouse, "con-count-2", Seller.levels("CON-ITEM-3", 2, 80))).isEqualTo(202);
    inTheBrowser(test, browser -> {
      browser.go("/attention").signIn("alice");
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
        browser.go("/attention");
        return !browser.all(By.cssSelector("[data-calibration='CON-3']")).isEmpty()
            && !browser.all(By.cssSelector("li[data-alert='CALIBRATION_OPEN']")).isEmpty();
      });
      WebElement task = browser.find(By.cssSelector("[data-calibration='CON-3']"));
      assertThat(task.getText()).contains("CON-3 in " + WAREHOUSE_CODE).contains("expected 100 sellable")
          .contains("reported 80");
      browser.screenshot("attention");
      browser.find(By.cssSelector("li[data-alert='CALIBRATION_OPEN'] button")).click();
      assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("The alert is marked as seen.");
      assertThat(browser.find(By.cssSelector("li[data-alert='CALIBRATION_OPEN']")).getText()).contains("seen");

      task = browser.find(By.cssSelector("[data-calibration='CON-3']"));
      new org.openqa.selenium.support.ui.Select(task.findElement(By.tagName("select"))).selectByValue("LOSS");
      task.findElement(By.cssSelector("input[name='note']")).sendKeys("two cartons missing");
      task.findElement(By.tagName("button")).click();
      assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("The calibration task is resolved.");
      assertThat(browser.all(By.cssSelector("[data-calibration='CON-3']"))).isEmpty();
    });
    assertThat(suite.rows("inventory", "select resolution_reason, resolution_note from calibration_task where "
        + "seller_id = '" + ALICE_SELLER + "' and seller_sku = 'CON-3'")).containsExactly(List.of("LOSS",
        "two cartons missing"));
  }

  @Test
  void theWebhookSecretIsRotatedInTheConsoleAndShownOnce(TestInfo test) throws Exception {
    inTheBrowser(test, browser -> {
      browser.go("/warehouses").signIn("alice");
      browser.find(By.cssSelector("section[data-warehouse='" + WAREHOUSE_CODE + "'] form[action$='/webhook-secret'] "
          + "button")).click();
      browser.driver().switchTo().alert().accept();
      String secret = browser.waitFor(By.id("new-secret")).getText();
      assertThat(secret).startsWith("whsec_");
      // the partner signs with the new secret, and the gateway takes its reading
      assertThat(Seller.send(gateway, new Seller.Warehouse(warehouse.id(), secret), "con-after-rotation",
          Seller.levels("CON-ITEM-1", 2, 40))).isEqualTo(202);
      browser.go("/warehouses");
      assertThat(browser.source()).doesNotContain(secret);
    });
  }

  @Test
  void aListingTheChannelKeepsRefusingShowsWhyAndItsLockCountdown_LST4(TestInfo test) throws Exception {
    String product = as(ALICE, catalog).header("Idempotency-Key", "console-lock-product").body("""
        {"titles": {"en": "Stackable storage boxes, set of three"}, "category": "Home & Living",
         "originCountry": "CN", "manufacturer": {"name": "Acme Home Ltd", "registeredAddress": "1 Keji Road, Shenzhen"},
         "skus": [{"sellerSku": "CON-LOCK"}]}""").post("/v1/products").then().statusCode(201).extract().path("id");
    byte[] photo = Seller.whitePhoto();
    for (int i = 0; i < 3; i++) {
      given().baseUri(catalog.url()).auth().oauth2(ALICE).contentType("image/png").body(photo)
          .post("/v1/products/{id}/images", product).then().statusCode(201);
    }
    String connection = as(ALICE, catalog).get("/v1/channel-connections").then().statusCode(200).extract()
        .path("items.find { it.status == 'ACTIVE' }.id");
    String listing = as(ALICE, catalog).body("{\"productId\": \"" + product + "\", \"connectionId\": \"" + connection
        + "\", \"market\": \"US\"}").post("/v1/listings").then().statusCode(201).extract().path("id");
    channel.faults().failNext(4, 400);
    inTheBrowser(test, browser -> {
      browser.go("/listings").signIn("alice");
      By section = By.cssSelector("section[data-listing='" + listing + "']");
      for (int submission = 1; submission <= 4; submission++) {
        browser.find(section).findElement(By.xpath(".//button[text()='Publish']")).click();
        assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("The listing was sent for publication.");
      }
      assertThat(browser.find(section).getText()).contains("FAILED").contains("channel");
      // more than three refusals in 24 hours: the SKU is locked for 72 hours, and the page counts it down
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
        browser.go("/listings");
        return !browser.find(section).findElements(By.cssSelector("[data-until]")).isEmpty();
      });
      assertThat(browser.find(section).findElement(By.cssSelector("[data-until]")).getText())
          .matches("7[12] h \\d+ min left");
      assertThat(browser.find(section).findElements(By.xpath(".//button[text()='Publish']"))).isEmpty();
      browser.screenshot("listing-locked");
    });
  }

  @Test
  void bobSeesNoneOfAlicesData(TestInfo test) throws Exception {
    inTheBrowser(test, browser -> {
      browser.go("/").signIn("bob");
      assertThat(browser.source()).contains("No stock yet").doesNotContain("CON-1").doesNotContain(WAREHOUSE_CODE);
      for (String page : List.of("/warehouses", "/channel", "/attention", "/listings")) {
        browser.go(page);
        browser.waitFor(By.id("who"));
        assertThat(browser.source()).as(page).doesNotContain("CON-1").doesNotContain(WAREHOUSE_CODE)
            .doesNotContain("con-unmapped").doesNotContain("ACTIVE");
      }
      browser.go("/?q=CON-1");
      assertThat(browser.find(By.cssSelector("#sku .problem-title")).getText()).isNotBlank();
    });
  }

  @Test
  void aReviewerWorksTheQueueOfEverySellersDocumentsAndTheSellerSeesItsExpiry(TestInfo test) throws Exception {
    String expires = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(20).toString();
    given().baseUri(compliance.url()).auth().oauth2(ALICE).multiPart("type", "FCC_ID").multiPart("number", "2AC7Z-CON1")
        .multiPart("issuer", "FCC").multiPart("issuedAt", "2026-01-05").multiPart("expiresAt", expires)
        .multiPart("market", "US").multiPart("scope", "SELLER")
        .multiPart("file", "grant.pdf", "%PDF-1.4\n%console test\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "application/pdf")
        .post("/v1/documents").then().statusCode(201);
    inTheBrowser(test, browser -> {
      browser.go("/").signIn("rita");
      // a reviewer has no stock: the console opens on the review queue, and offers only that page
      assertThat(browser.path()).isEqualTo("/compliance");
      assertThat(browser.all(By.linkText("Stock"))).isEmpty();
      WebElement row = browser.waitFor(By.xpath("//table[@id='review-queue']//tr[td[contains(., '2AC7Z-CON1')]]"));
      assertThat(row.getText()).contains(ALICE_SELLER).contains("SUBMITTED");
      row.findElement(By.xpath(".//button[text()='Start review']")).click();
      assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("The document's review status was changed.");
      assertThat(browser.find(By.xpath("//table[@id='review-queue']//tr[td[contains(., '2AC7Z-CON1')]]")).getText())
          .contains("PENDING_REVIEW");
      browser.screenshot("review-queue");
    });
    browser.close();
    inTheBrowser(test, browser -> {
      browser.go("/compliance").signIn("alice");
      assertThat(browser.find(By.id("expiring")).getText()).contains("2AC7Z-CON1").contains(expires);
    });
  }

  @Test
  void anActionPostedWithoutItsPagesCsrfTokenIsRefused(TestInfo test) throws Exception {
    inTheBrowser(test, browser -> {
      browser.go("/attention").signIn("alice");
      // what another site could make the signed-in browser send: the session cookie, but not the page's token; with
      // the token, an unknown alert would be inventory-service's 404
      String action = console.url() + "/attention/alerts/" + java.util.UUID.randomUUID() + "/acknowledgement";
      Object status = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
          + " body: 'note=x', redirect: 'manual'}).then(r => done(r.status), e => done(String(e)));", action);
      assertThat(status).isEqualTo(400L);
    });
  }

  @Test
  void anExpiredSessionSignsInAgainAndReturnsToThePageTheUserWasOn(TestInfo test) throws Exception {
    inTheBrowser(test, browser -> {
      browser.go("/").signIn("alice");
      browser.driver().manage().getCookies().stream().filter(cookie -> cookie.getName().startsWith("q_session"))
          .forEach(cookie -> browser.driver().manage().deleteCookie(cookie));
      browser.go("/warehouses?notice=polling");
      browser.signIn("alice");
      assertThat(browser.path()).isEqualTo("/warehouses");
      assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Warehouses");
    });
  }

  @Test
  void aServicesRefusalIsShownAsItsProblemNeverAStackTrace(TestInfo test) throws Exception {
    inTheBrowser(test, browser -> {
      browser.go("/?q=not%20a%20sku!").signIn("alice");
      WebElement problem = browser.find(By.cssSelector("#sku .problem"));
      assertThat(problem.findElement(By.className("problem-title")).getText()).isNotBlank();
      assertThat(problem.findElement(By.className("problem-code")).getText()).startsWith("Code ");
      assertThat(browser.source()).doesNotContain("Exception").doesNotContain("at io.");
      browser.screenshot("problem");
    });
  }
}
