package org.havewemet.it.userweb;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetServer;
import org.havewemet.it.ReadmeScreenshots;
import org.havewemet.it.userweb.UserWeb.Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.it.userweb.UserWeb.ALICE;
import static org.havewemet.it.userweb.UserWeb.AWAIT;
import static org.havewemet.it.userweb.UserWeb.BOB;

/**
 * Each user's own page (issue 16) against a real James with invitations for two users sent over SMTP: in Debian's
 * headless Chromium, Alice signs in, searches, opens an invitation, corrects it (the mail moves to the priority
 * folder, seen over IMAP) and signs out; Bob then sees only his own invitations, through the page and the API, where
 * Alice's ids answer 404, writes without the CSRF token 403, requests without a session 401 and repeated wrong
 * passwords 429. The browser test is skipped when chromium and chromium-driver are not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserPageIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int PORT = UserWeb.freePort();

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(ALICE, BOB).yaml(UserWeb.yaml(PORT));

    private Path profile;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void sendInvitations() throws Exception {
        UserWeb.send(JAMES, "s-1a2b3c@bounce.linkedin.com", ALICE, "alice-maria.eml");
        UserWeb.send(JAMES, "eve.markup@example.net", ALICE, "alice-eve-markup.eml");
        UserWeb.send(JAMES, "s-4d5e6f@bounce.linkedin.com", BOB, "bob-sam.eml");
        AWAIT.untilAsserted(() -> {
            assertThat(UserWeb.foldersHolding(JAMES, ALICE, UserWeb.MARIA_ID)).containsExactly("Invitations.Unexplained");
            assertThat(UserWeb.foldersHolding(JAMES, BOB, UserWeb.SAM_ID)).containsExactly("Invitations.Unexplained");
            assertThat(JAMES.runtime().index().count(ALICE)).isEqualTo(2);
            assertThat(JAMES.runtime().index().count(BOB)).isEqualTo(1);
        });
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void userShouldSignInSearchOpenCorrectAndSignOutInTheBrowserAndSeeOnlyTheirOwn() throws Exception {
        openBrowser();
        browser.get("http://127.0.0.1:" + PORT + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("address")));
        assertThat(browser.getTitle()).isEqualTo("havewemet: your invitations");
        signIn(ALICE);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results li"), 2));
        assertThat(browser.findElement(By.id("facet-verdict")).getText()).contains("UNEXPLAINED (2)");
        assertThat(browser.findElement(By.id("facet-platform")).getText()).contains("(");
        assertThat(browser.findElement(By.id("facet-month")).getText()).contains("(2)");

        // Inviter-written markup is text: it shows, and nothing of it became an element or ran.
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(browser.findElement(By.id("results")).getText()).contains("<img src=x onerror=");
        assertThat(js.executeScript("return document.querySelectorAll('img, script:not([src])').length"))
            .isEqualTo(0L);
        assertThat(js.executeScript("return typeof window.__pwned")).isEqualTo("undefined");

        browser.findElement(By.id("q")).sendKeys("maria");
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results li"), 1));
        browser.findElement(By.cssSelector("#results li button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-name"), "Maria Lopez"));
        assertThat(browser.findElement(By.id("detail-headline")).getText()).contains("Product Designer");
        assertThat(browser.findElement(By.id("detail-verdict")).getText()).isEqualTo("UNEXPLAINED");
        assertThat(browser.findElement(By.id("detail-reasons")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("detail-reply")).getText()).isNotBlank();

        browser.findElement(By.cssSelector(".verdict-button[data-verdict='PERSONAL']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-verdict"), "PERSONAL"));
        assertThat(browser.findElement(By.id("detail-reasons")).getText()).contains("You corrected this verdict.");
        AWAIT.untilAsserted(() -> assertThat(UserWeb.foldersHolding(JAMES, ALICE, UserWeb.MARIA_ID))
            .containsExactly("Invitations.Priority"));

        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results li"), 2));
        browser.findElement(By.xpath("//ol[@id='results']/li[contains(., 'Maria Lopez')]/button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-verdict"), "PERSONAL"));
        screenshot();

        browser.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("address")));
        assertThat(browser.findElement(By.id("results")).getText()).isEmpty();
        assertThat(js.executeScript("return fetch('/api/invitations').then(r => r.status)")).isEqualTo(401L);

        signIn(BOB);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results li"), 1));
        assertThat(browser.findElement(By.id("results")).getText()).contains("Sam Bobson")
            .doesNotContain("Maria").doesNotContain("Eve");
    }

    @Test
    void secondUserShouldReachNoneOfTheFirstUsersInvitationsThroughTheApi() {
        Client alice = UserWeb.signIn(PORT, ALICE);
        List<String> aliceIds = alice.request().get("/api/invitations").jsonPath().getList("hits.id");
        assertThat(aliceIds).hasSize(2);

        Client bob = UserWeb.signIn(PORT, BOB);
        Response bobs = bob.request().queryParam("q", "maria OR eve OR from:alice").get("/api/invitations");
        assertThat(bobs.jsonPath().getInt("total")).isZero();
        Response all = bob.request().get("/api/invitations");
        assertThat(all.jsonPath().getList("hits.card.name")).containsExactly("Sam Bobson");
        for (String id : aliceIds) {
            assertThat(bob.request().get("/api/invitations/" + id).statusCode()).isEqualTo(404);
            assertThat(bob.write().body(Map.of("verdict", "SUSPICIOUS")).post("/api/invitations/" + id + "/verdict")
                .statusCode()).isEqualTo(404);
            // The full index id, with Alice's address in it, names nothing either.
            assertThat(bob.request().urlEncodingEnabled(true).get("/api/invitations/" + ALICE + "%2F" + id)
                .statusCode()).isEqualTo(404);
        }

        String samId = all.jsonPath().getString("hits[0].id");
        assertThat(bob.request().body(Map.of("verdict", "SUSPICIOUS")).post("/api/invitations/" + samId + "/verdict")
            .statusCode()).as("a write without the CSRF token").isEqualTo(403);
        assertThat(UserWeb.given(PORT).get("/api/invitations").statusCode()).as("no cookie").isEqualTo(401);
        assertThat(UserWeb.given(PORT).cookie("havewemet_session", "forged").get("/api/invitations/" + samId)
            .statusCode()).isEqualTo(401);

        assertThat(UserWeb.given(PORT).body("{\"address\": \"" + "x".repeat(10_000) + "\"}").post("/api/session")
            .statusCode()).as("a body too large").isEqualTo(413);
        Response page = UserWeb.given(PORT).get("/");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'")
            .doesNotContain("unsafe-inline");
        Response signedIn = UserWeb.signInResponse(PORT, BOB, HaveWeMetJames.PASSWORD);
        assertThat(signedIn.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Strict");

        assertThat(bob.write().delete("/api/session").statusCode()).isEqualTo(204);
        assertThat(bob.request().get("/api/invitations").statusCode()).as("signed out").isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsShouldBeRefusedWith429EvenForTheRightOne() {
        String carol = "carol@" + HaveWeMetJames.DOMAIN;
        for (int i = 0; i < 5; i++) {
            assertThat(UserWeb.signInResponse(PORT, carol, "guess-" + i).statusCode()).isEqualTo(401);
        }
        Response limited = UserWeb.signInResponse(PORT, carol, HaveWeMetJames.PASSWORD);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    private void signIn(String user) {
        browser.findElement(By.id("address")).clear();
        browser.findElement(By.id("address")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(HaveWeMetJames.PASSWORD);
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who-address"), user));
    }

    private void openBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
            "skipped: needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        // Never let Selenium Manager fetch a browser or a driver: both come from the system packages.
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("havewemet-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private void screenshot() throws IOException {
        // The README shows this screenshot ("Your own invitations").
        ReadmeScreenshots.save(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), "user-page.png");
    }
}
