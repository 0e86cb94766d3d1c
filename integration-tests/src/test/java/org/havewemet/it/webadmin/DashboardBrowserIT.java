package org.havewemet.it.webadmin;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.james.GuiceJamesServer;
import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.Awaitility;
import org.havewemet.it.HaveWeMetServer;
import org.havewemet.it.ReadmeScreenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.path.json.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.it.webadmin.AdminServer.DEMO;
import static org.havewemet.it.webadmin.AdminServer.OTHER;
import static org.havewemet.it.webadmin.AdminServer.api;

/**
 * The admin dashboard in a real headless Chromium, against a James that runs WebAdmin with JWT on: the page is
 * loaded from its public shell, asks for the token, and then shows exactly the numbers the stats routes answer for
 * a known set of mails sent through James over SMTP. Takes the README's screenshot (docs/images/admin-dashboard.png).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {
    static final JwtKeys KEYS = new JwtKeys();
    static final String ADMIN = "admin@havewemet.test";
    /** Five invitations (each verdict but KNOWN, one with markup in the inviter's name) and one plain mail. */
    static final List<String[]> KNOWN_SET = List.of(
        new String[] {"carol.unknown@example.org", DEMO, "webadmin/direct-carol.eml"},
        new String[] {"s-1a2b3c@bounce.linkedin.com", DEMO, "linkedin-2016-personal.eml"},
        new String[] {"s-1a2b3c@bounce.linkedin.com", OTHER, "linkedin-2016-unexplained.eml"},
        new String[] {"bounce@linnkedin.com", DEMO, "phishing-lookalike.eml"},
        new String[] {"eve.markup@example.net", OTHER, "webadmin/direct-xss.eml"},
        new String[] {"friend@example.com", DEMO, "not-invitation.eml"});
    static final int INVITATIONS = 5;

    @RegisterExtension
    static final HaveWeMetServer JAMES = KEYS.configure(HaveWeMetServer.withUsers(DEMO, OTHER));

    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void sendTheKnownSet() throws Exception {
        GuiceJamesServer server = JAMES.server();
        for (String[] mail : KNOWN_SET) {
            try (SMTPMessageSender sender = new SMTPMessageSender("example.com")) {
                AdminServer.send(sender, server, mail[0], mail[1], mail[2]);
            }
        }
        // Six mails through the whole spool on a shared 2-core machine: more than AdminServer.AWAIT's 30 s at times.
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(route("/havewemet/stats/daily?days=30").getLong("invitations"))
            .isEqualTo(INVITATIONS));
        assertThat(JAMES.runtime().awaitIdle(Duration.ofSeconds(30))).as("every reply and index write done").isTrue();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = Chromium.open("1280,2200");
        browser = chromium.browser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void dashboardShouldShowTheStatsRoutesNumbersOnceGivenASignedToken(GuiceJamesServer server) throws Exception {
        browser.get(AdminServer.baseUri(server) + "/havewemet-page/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dash-status"), "401"));
        browser.findElement(By.id("token")).sendKeys(KEYS.admin(ADMIN), Keys.TAB);
        wait.until(ExpectedConditions.attributeToBe(By.id("dashboard-section"), "data-loaded", "30"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#template-select option"), 0));

        JsonPath daily = route("/havewemet/stats/daily?days=30");
        JsonPath replies = route("/havewemet/stats/replies");
        JsonPath failures = route("/havewemet/stats/failures");
        JsonPath decisions = route("/havewemet/decisions?limit=100");
        assertThat(daily.getLong("invitations")).isEqualTo(INVITATIONS);

        assertThat(text("count-invitations")).isEqualTo(daily.getString("invitations"));
        assertThat(text("count-sent")).isEqualTo(replies.getString("sent"));
        assertThat(text("count-drafted")).isEqualTo(replies.getString("drafted"));
        assertThat(text("count-suppressed")).isEqualTo(replies.getString("suppressed"));
        assertThat(text("count-failopen")).isEqualTo(failures.getString("failOpen"));
        assertThat(table("dash-verdicts")).isEqualTo(strings(daily.getMap("verdicts")));
        assertThat(table("dash-platforms")).isEqualTo(strings(daily.getMap("platforms")));
        assertThat(table("dash-languages")).isEqualTo(strings(daily.getMap("noteLanguages")));
        assertThat(table("dash-suppressed")).isEqualTo(strings(replies.getMap("suppressedByReason")));
        assertThat(table("dash-replies")).containsEntry("sent", replies.getString("sent"))
            .containsEntry("drafted", replies.getString("drafted")).containsEntry("none", replies.getString("none"));

        assertThat(browser.findElements(By.cssSelector("#dash-bulk tbody tr[data-inviter]")))
            .hasSize(route("/havewemet/inviters/bulk").getList("inviters").size());

        // The chart: today's bar holds every invitation, its segments the verdict counts.
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(script("return document.querySelectorAll('#daily-chart svg g.day').length")).isEqualTo(30L);
        assertThat(script("return document.querySelector('#daily-chart g.day[data-date=\"" + today
            + "\"]').dataset.total")).isEqualTo(String.valueOf(INVITATIONS));
        assertThat(chartSegments()).isEqualTo(strings(daily.getMap("verdicts")));

        // The decisions table: one row per decision, newest first, reasons as the route gives them, markup as text.
        List<Map<String, Object>> rows = decisions.getList("decisions");
        assertThat(browser.findElements(By.cssSelector("#dash-decisions tbody tr"))).hasSize(rows.size());
        assertThat(rows).hasSize(INVITATIONS);
        assertThat(script("return Array.from(document.querySelectorAll('#dash-decisions tbody tr'))"
            + ".map(r => r.dataset.id)")).isEqualTo(rows.stream().map(r -> r.get("id")).toList());
        assertThat(script("return document.querySelector('#dash-decisions tbody tr .reasons').textContent"))
            .isEqualTo(String.join(", ", decisions.getList("decisions[0].reasons", String.class)));
        assertThat(browser.findElement(By.id("dash-decisions")).getText()).contains("<img src=x onerror=");
        assertThat(script("return document.querySelectorAll('img, script:not([src])').length")).isEqualTo(0L);
        assertThat(script("return typeof window.__pwned")).isEqualTo("undefined");
        screenshot();

        new Select(browser.findElement(By.id("dash-days"))).selectByValue("90");
        wait.until(ExpectedConditions.attributeToBe(By.id("dashboard-section"), "data-loaded", "90"));
        assertThat(script("return document.querySelectorAll('#daily-chart svg g.day').length")).isEqualTo(90L);
        assertThat(text("count-invitations")).isEqualTo(route("/havewemet/stats/daily?days=90")
            .getString("invitations"));
    }

    private static JsonPath route(String path) {
        return api(JAMES.server()).header("Authorization", "Bearer " + KEYS.admin(ADMIN)).get(path).then()
            .statusCode(200).extract().jsonPath();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    /** A counts table of the page as key to the text shown. */
    @SuppressWarnings("unchecked")
    private Map<String, String> table(String id) {
        return new TreeMap<>((Map<String, String>) script("return Object.fromEntries(Array.from(document"
            + ".querySelectorAll('#" + id + " tr[data-key]')).map(r => [r.dataset.key, r.cells[1].textContent]))"));
    }

    /** The chart's segments summed per verdict. */
    @SuppressWarnings("unchecked")
    private Map<String, String> chartSegments() {
        return new TreeMap<>((Map<String, String>) script("const sums = {};"
            + " document.querySelectorAll('#daily-chart rect[data-verdict]').forEach(r => {"
            + " sums[r.dataset.verdict] = String((Number(sums[r.dataset.verdict]) || 0) + Number(r.dataset.count)); });"
            + " return sums;"));
    }

    private static Map<String, String> strings(Map<String, Object> counts) {
        Map<String, String> out = new TreeMap<>();
        counts.forEach((key, value) -> out.put(key, String.valueOf(value)));
        return out;
    }

    /** The dashboard section, for the README (docs/images/, see {@link ReadmeScreenshots}). */
    private void screenshot() throws IOException {
        ReadmeScreenshots.save(browser.findElement(By.id("dashboard-section")).getScreenshotAs(OutputType.FILE).toPath(),
            "admin-dashboard.png");
    }
}
