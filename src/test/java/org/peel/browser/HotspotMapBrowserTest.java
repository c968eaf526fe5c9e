package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.peel.access.Role;
import org.peel.place.GeographyImporter;
import org.peel.place.PlaceStore;
import org.peel.testing.BrowserFixture;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.SharedData;
import org.peel.testing.TestServer;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hotspot map in a real browser, over the imported geography: a City of London officer's map opens on their own
 * force, with the borough's and wards' boundaries drawn over the cells, the picture as wide as the area is on the
 * ground. The screenshot is kept for a person to look at.
 */
@DisplayName("The hotspot map opens on the officer's own force, with ward and borough boundaries over the cells")
class HotspotMapBrowserTest {

    private static final String CITY_OF_LONDON = "E09000001";
    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .needing("police-uk/street/2014-11/2014-11-city-of-london-street.csv.gz")
            .given(s -> new GeographyImporter(new PlaceStore(s.database().jdbi()))
                    .importFrom(SharedData.require("geography")))
            .user("pc.city", Role.NEIGHBOURHOOD_OFFICER, CITY_OF_LONDON);

    @Test
    @DisplayName("a City of London neighbourhood officer opens the map: their force, its borough boundary and wards drawn")
    void ownForceWithBaseMap() throws IOException {
        HeadlessChromium.signIn(browser, server, "pc.city");
        browser.get(server.url("/prevention/hotspots"));

        assertThat(new Select(browser.findElement(By.id("force"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("city-of-london");
        WebElement map = browser.findElement(By.cssSelector("[data-testid=hotspot-map] svg"));
        assertThat(map.findElements(By.cssSelector("path[data-kind=borough][data-code=" + CITY_OF_LONDON + "]")))
                .hasSize(1);
        assertThat(map.findElements(By.cssSelector("path[data-kind=ward]"))).hasSizeGreaterThan(5);
        // the square mile is about as tall as it is wide: never a thin strip
        double ratio = (double) map.getSize().getHeight() / map.getSize().getWidth();
        assertThat(ratio).isBetween(0.4, 2.5);
        HeadlessChromium.screenshot(browser, "hotspot-map-city-of-london");
    }
}
