package org.peel.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.peel.access.Role;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The set-up every browser journey shares, as a JUnit extension: skips the class (or, in CI, fails it) when Chromium
 * or a shared data file it needs is missing, starts Peel on a fresh test database, takes the class's givens in the
 * order they are named (users, records), opens one headless Chromium for the class's tests, and afterwards closes the
 * browser and the server. It sets the class's static {@link TestServer} and {@link WebDriver} fields before the
 * givens, so the journey's steps use {@code server} and {@code browser} as plain fields:
 *
 * <pre>{@code
 * private static TestServer server;
 * private static WebDriver browser;
 *
 * @RegisterExtension
 * static final BrowserFixture peel = BrowserFixture.onTestServer()
 *         .user("pc.browser", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
 * }</pre>
 */
public final class BrowserFixture implements BeforeAllCallback, AfterAllCallback {

    /** A step of the set-up, on the running server. */
    @FunctionalInterface
    public interface Given {
        void on(TestServer server) throws Exception;
    }

    private final Supplier<TestServer> start;
    private final List<String> sharedData = new ArrayList<>();
    private final List<Given> givens = new ArrayList<>();
    private TestServer server;
    private WebDriver browser;

    private BrowserFixture(Supplier<TestServer> start) {
        this.start = start;
    }

    /** Peel as {@link TestServer#start()} starts it. */
    public static BrowserFixture onTestServer() {
        return new BrowserFixture(TestServer::start);
    }

    /** Peel as {@code start} starts it (another environment or clock). */
    public static BrowserFixture on(Supplier<TestServer> start) {
        return new BrowserFixture(start);
    }

    /** Skips the class, as {@link SharedData#require} does, when the shared data file or folder is not there. */
    public BrowserFixture needing(String sharedDataPath) {
        sharedData.add(sharedDataPath);
        return this;
    }

    /** A user with {@link TestServer#PASSWORD}, to sign in as. */
    public BrowserFixture user(String username, Role role, String borough) {
        return given(s -> s.user(username, role, borough));
    }

    public BrowserFixture given(Given step) {
        givens.add(step);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        HeadlessChromium.requireInstalled();
        sharedData.forEach(SharedData::require);
        Class<?> journey = context.getRequiredTestClass();
        server = start.get();
        set(journey, TestServer.class, server);
        for (Given g : givens) {
            g.on(server);
        }
        browser = HeadlessChromium.open();
        set(journey, WebDriver.class, browser);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static void set(Class<?> journey, Class<?> type, Object value) throws IllegalAccessException {
        for (Field f : journey.getDeclaredFields()) {
            if (f.getType() == type && Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) {
                f.setAccessible(true);
                f.set(null, value);
            }
        }
    }
}
