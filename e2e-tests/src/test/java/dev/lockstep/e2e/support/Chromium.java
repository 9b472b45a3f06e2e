package dev.lockstep.e2e.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium with its chromedriver (nothing downloads a browser), for the browser
 * tests: found or the test skipped (failed when {@code LOCKSTEP_REQUIRE_BROWSER} is set, as in CI),
 * and the steps every browser test takes, each waiting for its element. Screenshots go to
 * {@code target/screenshots}, and to the documentation's {@code docs/images} (property
 * {@code lockstep.docs.images}), so the pictures in the docs are the ones the last run took.
 */
public final class Chromium implements AutoCloseable {

    private static final Path BINARY = Path.of(System.getProperty("lockstep.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("lockstep.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final String DOCS = System.getProperty("lockstep.docs.images");

    private final WebDriver driver;
    private final WebDriverWait wait;

    private Chromium(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(45));
        // the console redraws its lists every few seconds: an element read while it is redrawn is
        // looked up and read again on the next poll instead of failing the wait
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Skips the calling tests when Chromium is missing, or fails them when {@code LOCKSTEP_REQUIRE_BROWSER} is set. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (System.getenv("LOCKSTEP_REQUIRE_BROWSER") != null) {
            assertTrue(installed, "LOCKSTEP_REQUIRE_BROWSER is set but " + BINARY + " or " + DRIVER + " is missing");
        }
        Assumptions.assumeTrue(installed, "no Chromium here (apt-get install chromium chromium-driver)");
    }

    /** A new headless browser window of this size ({@code "1100,900"}), in English, with more switches if given. */
    public static Chromium open(String windowSize, String... switches) throws IOException {
        assumeInstalled();
        Files.createDirectories(SHOTS);
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=" + windowSize, "--lang=en"));
        arguments.addAll(List.of(switches));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(arguments);
        return new Chromium(new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
                options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits (up to 45 s) for what the test needs of the page. */
    public WebDriverWait await() {
        return wait;
    }

    public void get(String url) {
        driver.get(url);
    }

    public WebElement element(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    public void type(String id, String text) {
        WebElement field = element(id);
        field.clear();
        field.sendKeys(text);
    }

    public void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    public void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    public void screenshot(String name) throws IOException {
        Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        if (DOCS != null) {
            Files.createDirectories(Path.of(DOCS));
            Files.copy(file, Path.of(DOCS).resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
