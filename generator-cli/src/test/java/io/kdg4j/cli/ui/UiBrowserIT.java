package io.kdg4j.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.local.LocalEmulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.regions.Region;

/**
 * The page in a real browser: Debian's headless Chromium driven by Selenium, as a person uses it. Needs
 * /usr/bin/chromium and /usr/bin/chromedriver ({@code .ci/run} installs them); skipped where they are absent,
 * failing in CI. Screenshots go to target/.
 */
class UiBrowserIT {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @TempDir
    static Path dir;

    private static UiServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must run the browser tests, but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        assumeTrue(present, "no Chromium and chromedriver here (apt-get install chromium chromium-driver); skipped");
        LocalEmulator local = LocalEmulator.start();
        server = UiLauncher.start("127.0.0.1", 0, AwsEndpoint.of(local.endpoint(), Region.of(local.region()),
                "test", "test"), "the emulator in this test", local, dir.resolve("templates"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // as root Chromium needs --no-sandbox; the others keep it from reaching for the network at start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1800", "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
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

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    /** Chooses a template by its shown name, once the list (rebuilt after every save) has it. */
    private static void chooseTemplate(String name) {
        waitUpTo(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(b -> {
                    new Select(byId("template-list")).selectByVisibleText(name);
                    return byId("template-name").getDomProperty("value").equals(name);
                });
    }

    /** Clicks Send and returns the new run's card (the page lists the newest first). */
    private static WebElement send() {
        int before = browser.findElements(By.cssSelector("#runs .run")).size();
        byId("send").click();
        waitUpTo(10).until(b -> b.findElements(By.cssSelector("#runs .run")).size() == before + 1);
        return browser.findElements(By.cssSelector("#runs .run")).get(0);
    }

    private static void typeTemplate(String text) {
        WebElement area = byId("template");
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input'));", area, text);
    }

    private static void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aKdgUser_testsATemplate_createsAStream_sends_watches_stops_andSeesWhatArrived() throws Exception {
        browser.get(server.url().toString());
        waitUpTo(20).until(b -> "true".equals(byId("template").getDomAttribute("data-x")) || "true".equals(
                browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(browser.getCurrentUrl()).doesNotContain("token=");
        // for docs/ui.md: how long the page took to load and be ready (a figure, not a test)
        String loaded = browser.findElement(By.tagName("body")).getDomAttribute("data-ready-ms");
        System.out.println("kdg ui: the page was ready " + loaded + " ms after navigation started");

        // Test template: five records
        typeTemplate("{\"film_id\": {{random.number({\"min\":1,\"max\":1000})}}, \"state\": \"{{address.state}}\"}");
        byId("test-template").click();
        waitUpTo(10).until(b -> b.findElements(By.cssSelector("#preview li")).size() == 5);
        assertThat(byId("preview").getText()).contains("\"film_id\"").contains("bytes");

        // a broken template: its line and column, as you type
        typeTemplate("{\"id\": 1,\n \"when\": \"{{date.nowish}}\"}");
        waitUpTo(10).until(b -> byId("template-error").isDisplayed());
        assertThat(byId("template-error").getText()).contains("line 2, column 11").contains("date.now");
        typeTemplate("{\"device\": \"{{random.number(50)}}\", \"ok\": true}");
        waitUpTo(10).until(b -> !byId("template-error").isDisplayed());

        // a 2-shard stream on the emulator
        byId("new-stream-name").sendKeys("ui-orders");
        byId("new-stream-shards").clear();
        byId("new-stream-shards").sendKeys("2");
        byId("create-stream").click();
        waitUpTo(20).until(b -> byId("create-state").getText().contains("ACTIVE"));
        assertThat(new Select(byId("destination")).getFirstSelectedOption().getText()).isEqualTo("ui-orders");

        // send 2,000 at 500/s and watch the counters reach them
        byId("rate").clear();
        byId("rate").sendKeys("500");
        byId("records").clear();
        byId("records").sendKeys("2000");
        WebElement first = send();
        waitUpTo(30).until(b -> first.findElement(By.className("counter-state")).getText().equals("done"));
        assertThat(first.findElement(By.className("counter-acked")).getText()).isEqualTo("2,000");
        assertThat(first.findElement(By.className("counter-failed")).getText()).isEqualTo("0");
        assertThat(Integer.parseInt(first.getDomAttribute("data-points"))).isGreaterThan(4);
        assertThat(first.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
        screenshot("kdg-ui.png");

        // a second run, stopped in the middle: it stops within a second, every record accounted for
        byId("records").clear();
        byId("records").sendKeys("100000");
        WebElement second = send();
        waitUpTo(10).until(b -> Long.parseLong(second.findElement(By.className("counter-acked")).getText()
                .replace(",", "")) > 500);
        second.findElement(By.className("stop")).click();
        long stopped = System.nanoTime();
        waitUpTo(5).until(b -> second.findElement(By.className("counter-state")).getText().equals("stopped"));
        assertThat((System.nanoTime() - stopped) / 1_000_000).as("ms to stop").isLessThan(1_500);
        String summary = second.findElement(By.className("summary")).getText();
        assertThat(summary).contains("\"inFlight\":0").contains("\"failed\":0");
        long generated = Long.parseLong(summary.replaceAll(".*\"generated\":(\\d+).*", "$1"));
        long acked = Long.parseLong(summary.replaceAll(".*\"acked\":(\\d+).*", "$1"));
        assertThat(acked).isEqualTo(generated).isLessThan(100_000);

        // what arrived in the stream
        byId("show-arrivals").click();
        waitUpTo(10).until(b -> !b.findElements(By.cssSelector("#arrivals li")).isEmpty());
        assertThat(byId("arrivals").getText()).contains("shardId-").contains("\"device\"");
        screenshot("kdg-ui-stopped.png");
    }

    @Test
    void aScenario_isTested_withItsStreams_itsMistakesByPath_andSentToEachStream() throws Exception {
        browser.get(server.url().toString());
        waitUpTo(20).until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        new Select(byId("source-kind")).selectByValue("scenario");
        waitUpTo(10).until(b -> byId("template").getDomProperty("value").contains("streams:"));
        assertThat(byId("destination-row").isDisplayed()).isFalse();
        assertThat(byId("scenario-targets").isDisplayed()).isTrue();

        // the starter scenario, tested: customers created before the orders that refer to them
        byId("preview-count").clear();
        byId("preview-count").sendKeys("20");
        assertThat(byId("test-template").getText()).isEqualTo("Test scenario");
        byId("test-template").click();
        waitUpTo(10).until(b -> b.findElements(By.cssSelector("#preview li")).size() == 20);
        java.util.List<String> items = browser.findElements(By.cssSelector("#preview li")).stream()
                .map(WebElement::getText).toList();
        assertThat(items.get(0)).startsWith("customers: ");
        assertThat(items).anySatisfy(item -> assertThat(item).startsWith("orders: ").contains("\"tier\""));

        // a mistake is named by its path in the file, with a suggestion, as you type
        String starter = byId("template").getDomProperty("value");
        typeTemplate(starter.replace("by: customer", "by: custmer"));
        waitUpTo(10).until(b -> byId("template-error").isDisplayed());
        assertThat(byId("template-error").getText())
                .isEqualTo("streams.orders.by: unknown population \"custmer\" (did you mean \"customer\"?)");
        typeTemplate(starter);
        waitUpTo(10).until(b -> !byId("template-error").isDisplayed());

        // sent: each stream to its own Kinesis stream, created as missing
        byId("records").clear();
        byId("records").sendKeys("1500");
        WebElement card = send();
        waitUpTo(30).until(b -> card.findElement(By.className("counter-state")).getText().equals("done"));
        String streams = card.findElement(By.className("streams")).getText();
        assertThat(streams).matches("customers (\\d+) \\(\\1 acked\\); orders (\\d+) \\(\\2 acked\\)");
        assertThat(card.findElement(By.className("summary")).getText()).contains("\"acked\":1500");
        screenshot("kdg-ui-scenario.png");

        // back to templates: the template put aside comes back
        new Select(byId("source-kind")).selectByValue("template");
        assertThat(byId("template").getDomProperty("value")).doesNotContain("streams:");
        assertThat(byId("destination-row").isDisplayed()).isTrue();
    }

    @Test
    void templates_importFromKdg_rename_helpers_andADeliveryStreamsLandedObjects() throws Exception {
        browser.get(server.url().toString());
        waitUpTo(20).until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-ready")));

        // KDG's saved slots, pasted in
        byId("kdg-import").findElement(By.tagName("summary")).click();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", byId("import-json"),
                "[{\"name\":\"Template 1\",\"template\":\"{\\\"id\\\": {{random.uuid}}}\"},"
                        + "{\"name\":\"Sensors\",\"template\":\"{{random.number(9)}}\"}]");
        byId("import").click();
        waitUpTo(10).until(b -> byId("import-state").getText().equals("2 imported"));
        chooseTemplate("Sensors");
        waitUpTo(10).until(b -> byId("template").getDomProperty("value").equals("{{random.number(9)}}"));
        byId("template-name").clear();
        byId("template-name").sendKeys("Sensor readings");
        byId("template-rename").click();
        waitUpTo(10).until(b -> byId("saved-state").getText().equals("renamed to Sensor readings"));
        assertThat(Files.readString(dir.resolve("templates/Sensor readings.kdg"))).isEqualTo("{{random.number(9)}}");

        // a helper found by search, inserted at the cursor
        byId("helpers-box").findElement(By.tagName("summary")).click();
        byId("helper-search").sendKeys("firstName");
        WebElement helper = waitUpTo(10).until(b -> b.findElement(By.xpath(
                "//button[@class='helper' and text()='{{name.firstName}}']")));
        typeTemplate("");
        helper.click();
        waitUpTo(10).until(b -> byId("template").getDomProperty("value").equals("{{name.firstName}}"));

        // duplicate, then delete the copy; Tab inserts spaces
        chooseTemplate("Sensor readings");
        byId("template-duplicate").click();
        waitUpTo(10).until(b -> Files.exists(dir.resolve("templates/Sensor readings copy.kdg")));
        // the helper's edit, not yet autosaved when Duplicate was clicked, went to the original first
        waitUpTo(10).until(b -> byId("saved-state").getText().equals("saved as Sensor readings copy"));
        assertThat(Files.readString(dir.resolve("templates/Sensor readings.kdg"))).isEqualTo("{{name.firstName}}");
        assertThat(Files.readString(dir.resolve("templates/Sensor readings copy.kdg")))
                .isEqualTo("{{name.firstName}}");
        assertThat(byId("template-list").getDomProperty("value")).isEqualTo("saved:Sensor readings copy");
        assertThat(byId("template-name").getDomProperty("value")).isEqualTo("Sensor readings copy");
        chooseTemplate("Sensor readings copy");
        byId("template-delete").click();
        waitUpTo(10).until(b -> !Files.exists(dir.resolve("templates/Sensor readings copy.kdg")));
        waitUpTo(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
            new Select(byId("template-list")).selectByIndex(0);
            return b.findElements(By.xpath("//option[text()='Sensor readings copy']")).isEmpty();
        });
        typeTemplate("{");
        byId("template").sendKeys(Keys.END, Keys.TAB);
        assertThat(byId("template").getDomProperty("value")).isEqualTo("{  ");

        // KDG's periodic grid, filled and plotted
        byId("periodic-box").findElement(By.tagName("summary")).click();
        byId("periodic-mean").clear();
        byId("periodic-mean").sendKeys("250");
        byId("periodic-fill").click();
        assertThat(byId("periodic-grid").getDomProperty("value").split("\n")).hasSize(7)
                .allSatisfy(line -> assertThat(line.split(",")).hasSize(24).containsOnly("250:10"));
        byId("plot-profile").click();
        waitUpTo(10).until(b -> "201".equals(byId("profile-plot").getDomAttribute("data-points")));
        byId("periodic-clear").click();

        // a rate profile, plotted before sending
        byId("rate-profile").sendKeys("ramp:100..5000/60s");
        byId("duration").sendKeys("60s");
        byId("plot-profile").click();
        waitUpTo(10).until(b -> "201".equals(byId("profile-plot").getDomAttribute("data-points")));
        assertThat(byId("profile-plot").findElements(By.tagName("canvas"))).isNotEmpty();
        byId("rate-profile").clear();
        byId("duration").clear();

        // a delivery stream, and what it landed
        typeTemplate("{\"who\": \"{{name.firstName}}\"}");
        new Select(byId("template-list")).selectByIndex(0);
        byId("new-delivery-name").sendKeys("ui-landing");
        byId("new-delivery-bucket").sendKeys("ui-bucket");
        byId("new-delivery-prefix").sendKeys("in/");
        byId("new-delivery-seconds").clear();
        byId("new-delivery-seconds").sendKeys("1");
        byId("create-delivery").click();
        waitUpTo(20).until(b -> byId("create-state").getText().contains("delivery stream ui-landing is ACTIVE"));
        typeTemplate("{\"who\": \"{{name.firstName}}\"}");
        byId("records").clear();
        byId("records").sendKeys("300");
        WebElement run = send();
        waitUpTo(30).until(b -> run.findElement(By.className("counter-state")).getText().equals("done"));
        assertThat(run.findElement(By.className("counter-acked")).getText()).isEqualTo("300");
        assertThat(run.findElement(By.tagName("a")).getText()).isEqualTo("download the summary");
        assertThat(run.findElement(By.tagName("a")).getDomAttribute("download")).endsWith("-summary.json");
        waitUpTo(20).until(b -> {
            byId("show-arrivals").click();
            return byId("arrivals").getText().contains("s3://ui-bucket/in/");
        });
        assertThat(byId("arrivals").getText()).contains("{\"who\": \"");
        screenshot("kdg-ui-landing.png");

        // compressed records: each gzipped, as KDG's "Compress Records" sends them
        byId("compress").click();
        byId("records").clear();
        byId("records").sendKeys("50");
        WebElement zipped = send();
        waitUpTo(30).until(b -> zipped.findElement(By.className("counter-state")).getText().equals("done"));
        assertThat(zipped.findElement(By.className("counter-acked")).getText()).isEqualTo("50");
        byId("compress").click();
    }

    /** KDG's periodic mode with "Lock to real time" off: two simulated hours in ticks, date.simTime in the records. */
    @Test
    void periodicMode_unlockedFromRealTime_sendsSimulatedHours() throws Exception {
        browser.get(server.url().toString());
        waitUpTo(20).until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        typeTemplate("{{date.simTime(\"YYYY-MM-DD HH:mm\")}}");
        byId("new-stream-name").sendKeys("ui-simulated");
        byId("new-stream-shards").clear();
        byId("new-stream-shards").sendKeys("1");
        byId("create-stream").click();
        waitUpTo(20).until(b -> byId("create-state").getText().contains("ui-simulated is ACTIVE"));

        byId("periodic-box").findElement(By.tagName("summary")).click();
        byId("periodic-mean").clear();
        byId("periodic-mean").sendKeys("3");
        byId("periodic-spread").clear();
        byId("periodic-spread").sendKeys("0");
        byId("periodic-fill").click();
        assertThat(byId("simulated-box").isDisplayed()).isFalse();
        byId("lock-real-time").click();
        waitUpTo(5).until(b -> byId("simulated-box").isDisplayed());
        assertThat(byId("sim-from").getDomProperty("value")).matches("\\d{4}-\\d{2}-\\d{2}T00:00");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-01-04T10:00';"
                + "arguments[1].value = '2026-01-04T12:00';", byId("sim-from"), byId("sim-to"));
        byId("sim-tick").clear();
        byId("sim-tick").sendKeys("600");
        byId("sim-wait").clear();
        byId("sim-wait").sendKeys("10");
        byId("records").clear();
        byId("duration").clear();
        WebElement run = send();
        waitUpTo(30).until(b -> run.findElement(By.className("counter-state")).getText().equals("done"));
        assertThat(run.findElement(By.className("counter-acked")).getText()).isEqualTo("21,600");
        assertThat(run.findElement(By.className("counter-simulatedTime")).getText()).isEqualTo("2026-01-04T11:59:59Z");
        byId("show-arrivals").click();
        waitUpTo(10).until(b -> byId("arrivals").getText().contains("2026-01-04 11:59"));

        byId("lock-real-time").click();
        byId("periodic-clear").click();
    }

    @Test
    void thePage_withoutTheToken_showsNothing() {
        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + server.port() + "/");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("kdg ui: refused: no token");
        assertThat(browser.findElements(By.id("template"))).isEmpty();
    }
}
