package org.peel.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.peel.access.Role;
import org.peel.testing.TestServer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A person signs in with a real browser and is kept to what their role may see")
class BrowserJourneyTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static TestServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("Chromium and chromedriver are required in CI (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "Chromium not installed: apt-get install chromium chromium-driver");
        server = TestServer.start();
        server.user("pc.browser", Role.NEIGHBOURHOOD_OFFICER, "E09000033");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("peel-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("sign in, see the home page, and be refused the audit page and another borough")
    void journey() throws IOException {
        browser.get(server.url("/"));
        assertThat(browser.getCurrentUrl()).contains("/sign-in");
        browser.findElement(By.id("username")).sendKeys("pc.browser");
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit].govuk-button")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Good to see you, Test pc.browser");
        assertThat(browser.findElement(By.cssSelector("[data-testid=signed-in-as]")).getText()).isEqualTo("Test pc.browser");
        screenshot("home");

        browser.get(server.url("/admin/audit"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You do not have access to this");
        screenshot("refused");

        browser.get(server.url("/places/boroughs/E09000007"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You do not have access to this");
        assertThat(browser.getPageSource()).contains("E09000007").contains("E09000033");

        browser.get(server.url("/places/boroughs/E09000033"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Westminster");

        browser.findElement(By.cssSelector("button.peel-link-button")).click();
        assertThat(browser.getCurrentUrl()).contains("/sign-in");
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
