package org.havewemet.it.webadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.it.webadmin.AdminServer.AWAIT;
import static org.havewemet.it.webadmin.AdminServer.DEMO;
import static org.havewemet.it.webadmin.AdminServer.api;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceJamesServer;
import org.apache.james.utils.SMTPMessageSender;
import org.havewemet.it.HaveWeMetServer;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page in a real headless Chromium against a real James: a template edited in the page changes the reply
 * that reaches the outside world, and inviter-written markup in search results stays text. Uses Debian's
 * {@code chromium} and {@code chromium-driver} packages; skipped when they are not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPageBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String MARKER = "Marker 7c1f: before I accept, please tell me where we met";

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(DEMO);
    static final OutsideWorld OUTSIDE = JAMES.outside();

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender("example.com");

    private Path profile;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
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
            "--disable-sync", "--window-size=1280,1400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void templateEditedInThePageShouldShapeTheReplyThatIsSent(GuiceJamesServer server) throws Exception {
        openPage(server);
        wait.until(ExpectedConditions.attributeToBe(By.id("subject"), "value", "Auto: Have we met?"));
        assertThat(new Select(browser.findElement(By.id("template-select")))
            .getFirstSelectedOption().getDomProperty("value")).isEqualTo("reply|en");

        WebElement body = browser.findElement(By.id("body"));
        body.clear();
        body.sendKeys("Hello {{inviter.name}},\n\n" + MARKER + ".\n\n{{recipient.address}}\n");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-body"),
            MARKER + "."));
        assertThat(browser.findElement(By.id("preview-body")).getText())
            .as("the preview renders placeholders with sample values").contains("Hello Jane Example,");

        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "saved as version"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#history tbody tr"), 0));
        screenshot("admin-page-template.png");

        AdminServer.send(smtp, server, "carol.unknown@example.org", DEMO, "webadmin/direct-carol.eml");
        AWAIT.until(() -> OUTSIDE.received().stream().anyMatch(AdminPageBrowserIT::isToCarol));
        MimeMessage reply = OUTSIDE.received().stream().filter(AdminPageBrowserIT::isToCarol).findFirst().get();
        String text = ((String) reply.getContent()).replace("\r\n", "\n");
        assertThat(text).contains(MARKER).contains("Hello Carol Unknown,").contains(DEMO);
    }

    @Test
    void inviterMarkupInSearchResultsShouldShowAsTextAndNeverRun(GuiceJamesServer server) throws Exception {
        AdminServer.send(smtp, server, "eve.markup@example.net", DEMO, "webadmin/direct-xss.eml");
        AWAIT.untilAsserted(() -> assertThat(api(server).queryParam("user", DEMO).queryParam("q", "eve")
            .get("/havewemet/invitations").jsonPath().getInt("total")).isEqualTo(1));
        String stored = api(server).queryParam("user", DEMO).queryParam("q", "eve").get("/havewemet/invitations")
            .jsonPath().getString("hits[0].inviter.name") + " "
            + api(server).queryParam("user", DEMO).queryParam("q", "eve").get("/havewemet/invitations")
            .jsonPath().getString("hits[0].note");
        assertThat(stored).as("precondition: the index keeps the inviter's markup").contains("<img src=x onerror=");

        openPage(server);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.findElement(By.id("search-user")).sendKeys(DEMO);
        browser.findElement(By.id("search-q")).sendKeys("eve");
        browser.findElement(By.id("search-run")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results li"), 1));

        String shown = browser.findElement(By.id("results")).getText();
        assertThat(shown).contains("<img src=x onerror=");
        // Nothing waits on the clock: markup can only ever run through an element (an img whose load fails, a
        // script) or an inline on* handler, and the page must hold none of them; so no handler can fire later.
        assertThat(js.executeScript("return document.querySelectorAll('img, script:not([src])').length"))
            .isEqualTo(0L);
        assertThat(js.executeScript("return Array.from(document.querySelectorAll('#results *')).filter(e =>"
            + " Array.from(e.attributes).some(a => a.name.toLowerCase().startsWith('on'))).length")).isEqualTo(0L);
        // Let every task the rendering queued run first (two turns of the event loop), then check nothing ran.
        js.executeAsyncScript("const done = arguments[arguments.length - 1];"
            + " setTimeout(() => setTimeout(done, 0), 0);");
        assertThat(js.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        screenshot("admin-page-search.png");
    }

    private void openPage(GuiceJamesServer server) {
        browser.get(AdminServer.baseUri(server) + "/havewemet/");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#template-select option"), 0));
        assertThat(browser.getTitle()).isEqualTo("havewemet admin");
    }

    private static boolean isToCarol(MimeMessage message) {
        try {
            return message.getAllRecipients() != null && message.getAllRecipients()[0].toString()
                .contains("carol.unknown@example.org");
        } catch (javax.mail.MessagingException e) {
            return false;
        }
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
            StandardCopyOption.REPLACE_EXISTING);
    }
}
