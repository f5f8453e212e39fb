package io.stockbridge.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser on the console: Debian's headless Chromium driven through its chromedriver (no driver is
 * downloaded). Screenshots go under {@code target/console-screenshots}.
 */
final class ConsoleBrowser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of(System.getProperty("stockbridge.chromium", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(System.getProperty("stockbridge.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  private final ChromeDriver driver;
  private final String console;

  private ConsoleBrowser(ChromeDriver driver, String console) {
    this.driver = driver;
    this.console = console;
  }

  /** Opens a fresh browser (no cookies) on the console at {@code consoleUrl}, as wide as a laptop screen. */
  static ConsoleBrowser open(String consoleUrl, int width, int height) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException("The browser tests need Chromium and its driver (" + CHROMIUM + ", " + DRIVER
          + "): apt-get install -y chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new ConsoleBrowser(driver, consoleUrl);
  }

  /** Goes to a page of the console; signs in first, on the identity provider's form, when asked to. */
  ConsoleBrowser go(String path) {
    driver.get(console + path);
    return this;
  }

  /** Signs in on the identity provider's page the console sent the browser to. */
  ConsoleBrowser signIn(String user) {
    WebElement name = waitFor(By.id("username"));
    name.sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(user + "-password");
    driver.findElement(By.id("login")).click();
    waitFor(By.id("who"));
    return this;
  }

  WebElement waitFor(By what) {
    return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(what));
  }

  WebElement find(By what) {
    return driver.findElement(what);
  }

  java.util.List<WebElement> all(By what) {
    return driver.findElements(what);
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  String source() {
    return driver.getPageSource();
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Saves what the browser shows now as {@code target/console-screenshots/NAME.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
