package org.peel.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Debian's Chromium, headless, for the browser journeys. Locally a missing browser skips the test with the
 * install command; in CI (where .ci/run installs it) it is a failure.
 */
public final class HeadlessChromium {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {
    }

    /** Skips (or, in CI, fails) the calling test class when Chromium is not installed. */
    public static void requireInstalled() {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("Chromium and chromedriver are required in CI (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "Chromium not installed: apt-get install chromium chromium-driver");
    }

    /** A fresh browser with its own profile and none of Chromium's calls home (this machine has no network). */
    public static WebDriver open() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("peel-chromium"));
        // the console, so a test can see what the Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** Signs in as a user made with {@link TestServer#PASSWORD}, and waits until the sign-in has been answered. */
    public static void signIn(WebDriver browser, TestServer server, String username) {
        browser.get(server.url("/sign-in"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit].govuk-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    /**
     * Clicks a control that loads a new page and waits until the old page has gone, so that what is read next is the
     * answer and not the page the click was made on.
     */
    public static void clickAndWait(WebDriver browser, org.openqa.selenium.WebElement control) {
        org.openqa.selenium.WebElement page = browser.findElement(By.tagName("html"));
        control.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> gone(page));
    }

    /**
     * Whether an element read from an earlier page has gone with it. ChromeDriver says so with a stale-element error,
     * or, when it asks in the middle of the new page's loading, with "does not belong to the document".
     */
    private static boolean gone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException ex) {
            return true;
        } catch (org.openqa.selenium.WebDriverException ex) {
            if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw ex;
        }
    }

    /** Saves what the browser shows to target/screenshots/NAME.png, for a person to look at. */
    public static void screenshot(WebDriver browser, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
