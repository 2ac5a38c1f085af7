package dev.funnel.analytics.dashboard;

import static dev.funnel.analytics.FunnelEvents.aware;
import static dev.funnel.analytics.FunnelEvents.generated;
import static dev.funnel.analytics.FunnelEvents.launched;
import static dev.funnel.analytics.FunnelEvents.moved;
import static dev.funnel.analytics.FunnelEvents.qualified;
import static dev.funnel.analytics.FunnelEvents.spent;
import static dev.funnel.analytics.FunnelEvents.won;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.FunnelApi;
import dev.funnel.analytics.FunnelEvents;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real browser (headless Chromium from the OS packages): every figure it
 * shows is the API's figure, and it follows the attribution switch. Skipped, visibly, where no
 * Chromium and chromedriver are installed (Debian: {@code apt-get install chromium chromium-driver}).
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class DashboardPageTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("funnel.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("funnel.chromedriver", "/usr/bin/chromedriver"));
    private static final Instant DAY = Instant.parse("2026-04-06T10:00:00Z");

    @TestHTTPResource("/")
    URL page;

    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium at " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theFiguresOnThePageAreTheApisAndTheAttributionSwitchFollowsTheModel() {
        UUID search = UUID.randomUUID();
        UUID social = UUID.randomUUID();
        List<FunnelEvents.Event> events = new ArrayList<>(List.of(
                launched(search, "Dashboard search " + search, Channel.SEARCH, "5000", DAY),
                launched(social, "Dashboard social " + social, Channel.SOCIAL, "3000", DAY),
                spent(search, "1200.00", DAY),
                spent(social, "300.00", DAY),
                aware(search, DAY.minusSeconds(3_600), 20_000, 900, 300)));
        for (int i = 0; i < 6; i++) {
            UUID lead = UUID.randomUUID();
            events.add(generated(lead, i % 2 == 0 ? search : social, i % 2 == 0 ? Channel.SEARCH : Channel.SOCIAL,
                    DAY.plusSeconds(i)));
            if (i < 4) {
                events.add(qualified(lead, DAY.plusSeconds(60 + i)));
            }
            if (i < 2) {
                events.add(FunnelEvents.engaged(lead, social, Channel.SOCIAL, DAY.plusSeconds(90 + i)));
                events.add(moved(lead, PipelineStage.QUALIFIED, PipelineStage.CONTACTED, DAY.plusSeconds(120)));
                events.add(moved(lead, PipelineStage.CONTACTED, PipelineStage.PROPOSAL, DAY.plusSeconds(180)));
                events.add(moved(lead, PipelineStage.PROPOSAL, PipelineStage.NEGOTIATION, DAY.plusSeconds(240)));
                events.add(won(lead, i == 0 ? "9000.00" : "4500.50", DAY.plusSeconds(86_400L * (3 + i))));
            }
        }
        FunnelEvents.publish(events);
        // only this test's campaigns, through the period filter: the week of DAY
        Map<String, String> period = Map.of("from", "2026-04-06", "to", "2026-04-13");
        FunnelApi.awaitFunnel(period, Map.of("leads", "6", "won", "2"));
        JsonNode funnel = FunnelApi.funnel(period);

        visitSignedOut(page.toString());
        signInAsAPersonDoes();
        setDate("from", "2026-04-06");
        setDate("to", "2026-04-12");
        awaitRendered();

        List<String> mismatches = new ArrayList<>();
        for (WebElement cell : browser.findElements(By.cssSelector("dd[data-field]"))) {
            String field = cell.getDomAttribute("data-field");
            String format = cell.getDomAttribute("data-format");
            if (!shows(cell.getText(), funnel.get(field), format == null ? "count" : format)) {
                mismatches.add(field + ": page shows '" + cell.getText() + "', API says " + funnel.get(field));
            }
        }
        assertThat(mismatches).as("figures that differ from the API").isEmpty();
        assertThat(browser.findElements(By.cssSelector("dd[data-field]"))).hasSizeGreaterThanOrEqualTo(23);

        JsonNode firstTouch = FunnelApi.get("/api/analytics/attribution",
                Map.of("model", "first-touch", "from", "2026-04-06", "to", "2026-04-13"));
        assertThat(shows(total("revenue"), firstTouch.get("totalRevenue"), "money")).isTrue();

        JsonNode linear = FunnelApi.get("/api/analytics/attribution",
                Map.of("model", "linear", "from", "2026-04-06", "to", "2026-04-13"));
        String before = document().getDomAttribute("data-loaded");
        browser.findElement(By.cssSelector("input[name=model][value=linear]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(b -> !String.valueOf(document().getDomAttribute("data-loaded")).equals(before));
        List<String> searchRow = attributionRow("Dashboard search " + search);
        JsonNode searchLinear = campaign(linear, search);
        assertThat(shows(searchRow.get(3), searchLinear.get("revenue"), "money"))
                .as("linear revenue of the search campaign: page %s, API %s", searchRow.get(3), searchLinear.get("revenue"))
                .isTrue();
        assertThat(shows(total("revenue"), linear.get("totalRevenue"), "money")).isTrue();
    }

    @Test
    void aLinkCarryingATokenSignsInAndTheTokenLeavesTheAddressBar() {
        visitSignedOut(page + "#token=" + FunnelInfrastructure.token("analyst"));

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> document().getDomAttribute("data-loaded") != null);
        assertThat(browser.getCurrentUrl()).doesNotContain("token");
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(browser.manage().getCookieNamed("funnel_token").isHttpOnly()).isTrue();
    }

    /** A new load without the session cookie (cookies go with the page's own origin; a fragment alone is no load). */
    private void visitSignedOut(String url) {
        browser.get(page.toString());
        browser.manage().deleteAllCookies();
        browser.get("about:blank");
        browser.get(url);
    }

    /** Without a cookie the page asks for a token; a wrong one is refused on the form, an analyst's is taken. */
    private void signInAsAPersonDoes() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(b -> b.findElement(By.id("sign-in")).isDisplayed());
        browser.findElement(By.id("token")).sendKeys(FunnelInfrastructure.token("marketer"));
        browser.findElement(By.id("sign-in-button")).click();
        wait.until(b -> b.findElement(By.id("sign-in-error")).isDisplayed());
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).contains("needs the role analyst");

        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(FunnelInfrastructure.token("analyst"));
        browser.findElement(By.id("sign-in-button")).click();
        wait.until(b -> !b.findElement(By.id("sign-in")).isDisplayed());
    }

    private void setDate(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const input = document.getElementById(arguments[0]); input.value = arguments[1];"
                        + " input.dispatchEvent(new Event('change'));", id, value);
    }

    /** Waits until the page has rendered after the last filter change, without an error. */
    private void awaitRendered() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> {
            String loaded = document().getDomAttribute("data-loaded");
            return loaded != null && !browser.findElement(By.id("error")).isDisplayed()
                    && !browser.findElement(By.cssSelector("dd[data-field=leads]")).getText().equals("–");
        });
        // the last change wins: let a render that started before it finish too
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b ->
                browser.findElement(By.cssSelector("dd[data-field=leads]")).getText().equals("6"));
    }

    private WebElement document() {
        return browser.findElement(By.tagName("body"));
    }

    private String total(String which) {
        return browser.findElement(By.cssSelector("[data-total=" + which + "]")).getText();
    }

    /** Read in one script: a live update may re-render the table between two WebDriver calls. */
    @SuppressWarnings("unchecked")
    private List<String> attributionRow(String name) {
        Object cells = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                for (const row of document.querySelectorAll('#attribution tbody tr')) {
                  const cells = [...row.querySelectorAll('td')].map(cell => cell.innerText.trim());
                  if (cells[0] === arguments[0]) return cells;
                }
                return null;""", name);
        if (cells == null) {
            throw new AssertionError("no attribution row for " + name);
        }
        return (List<String>) cells;
    }

    private static JsonNode campaign(JsonNode attribution, UUID id) {
        for (JsonNode row : attribution.get("campaigns")) {
            if (id.toString().equals(row.path("campaignId").asText())) {
                return row;
            }
        }
        throw new AssertionError("the API attributes nothing to " + id);
    }

    /**
     * Whether the text on the page is this API value in the given format (dashboard.js): the same
     * number, to within half a unit of the last digit shown, with the format's unit.
     */
    private static boolean shows(String text, JsonNode value, String format) {
        if (value == null || value.isNull()) {
            return text.equals("—");
        }
        String unit = switch (format) {
            case "percent" -> "%";
            case "days" -> " d";
            case "multiple" -> "×";
            case "count", "money" -> "";
            default -> throw new IllegalArgumentException("unknown format " + format);
        };
        if (!text.endsWith(unit)) {
            return false;
        }
        BigDecimal onPage;
        try {
            onPage = new BigDecimal(text.substring(0, text.length() - unit.length()).replace(",", ""));
        } catch (NumberFormatException e) {
            return false;
        }
        BigDecimal api = format.equals("percent") ? value.decimalValue().movePointRight(2) : value.decimalValue();
        BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(Math.max(onPage.scale(), 0)).divide(BigDecimal.TWO);
        return onPage.subtract(api).abs().compareTo(halfUnit) <= 0;
    }
}
