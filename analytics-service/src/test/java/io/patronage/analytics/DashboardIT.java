package io.patronage.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.contracts.points.ExpiryChange;
import io.patronage.contracts.points.PointsEarned;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.kit.json.Json;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium (Selenium, Debian's {@code chromium} and {@code chromium-driver}): known
 * records through the embedded broker, then the charts' data points read from the ECharts instances in the page.
 * The dataset is placed in the three months before the current one (the service runs on the real clock), so the
 * current month is the running, provisional one and no later month is shown.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT implements TestPropertyProvider {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String CHAIN = "dashboard-" + UUID.randomUUID();

    @Inject
    EmbeddedServer server;

    private final KafkaProbe kafka = new KafkaProbe();
    private final YearMonth current = YearMonth.now(ZoneOffset.UTC);
    private final YearMonth first = current.minusMonths(3);
    private final YearMonth second = current.minusMonths(2);
    private ChromeDriver browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestInfrastructure.serviceProperties("analytics-dashboard-it"));
        try {
            properties.put("patronage.analytics.application-id", "analytics-dashboard-" + UUID.randomUUID() + ".views");
            properties.put("patronage.analytics.state-dir", Files.createTempDirectory("analytics-state").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        properties.put("patronage.analytics.publish-interval", "200ms");
        return properties;
    }

    @BeforeAll
    void feedKnownRecordsAndOpenTheBrowser() {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the dashboard test needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
        Instant enrolled = first.atDay(5).atTime(9, 0).toInstant(ZoneOffset.UTC);
        event("c-" + CHAIN, new ChainConfigured(CHAIN, "EUR", "UTC", "en-GB", null, null, new BigDecimal("0.01"),
                enrolled.minusSeconds(86_400)));
        event("e-a", new MemberEnrolled("A", CHAIN, "C-A", null, "en-GB", enrolled));
        event("e-b", new MemberEnrolled("B", CHAIN, "C-B", null, "fa-IR", enrolled));
        HttpProbe analyst = new HttpProbe(server::getPort).as(TestTokens.analyst(CHAIN));
        await().atMost(KafkaProbe.PATIENCE).until(() -> allTime(analyst).path("enrolledMembers").asLong() == 2);
        sale("t1", "C-A", first.atDay(10));
        sale("t2", "C-B", first.atDay(12));
        // a coffee and a croissant, twice; A pays with a coupon
        event("ci-1", new CouponIssued("CODE-1", "A", CHAIN, "r0", "coffee", 50,
                second.atDay(1).atTime(9, 0).toInstant(ZoneOffset.UTC), Instant.now().plus(Duration.ofDays(30))));
        sale("t3", "C-A", second.atDay(15), "\"CODE-1\"", BASKET);
        sale("t4", null, second.atDay(15), "", BASKET);
        // 100 points whose lot expires in 20 days, 30 of them redeemed
        Instant expires = Instant.now().plus(Duration.ofDays(20));
        event("p1", new PointsEarned("A", CHAIN, "t1", "s1", "EUR", new BigDecimal("100"), pointsOf(100), "v1", List.of(), pointsOf(100),
                first.atDay(10).atTime(12, 0).toInstant(ZoneOffset.UTC), List.of(new ExpiryChange(expires, pointsOf(100)))));
        event("p2", new PointsRedeemed("r1", "A", CHAIN, pointsOf(30), pointsOf(70), second.atDay(16).atTime(12, 0).toInstant(ZoneOffset.UTC),
                List.of(new ExpiryChange(expires, pointsOf(-30)))));
        survey("s1", "A", 10, first.atDay(20));
        survey("s2", "B", 4, second.atDay(20));
        await().atMost(KafkaProbe.PATIENCE).until(() -> {
            JsonNode view = allTime(analyst);
            var satisfaction = analyst.get("/analytics/satisfaction?chainId=" + CHAIN);
            var coupons = analyst.get("/analytics/coupons?chainId=" + CHAIN);
            return view.path("memberTransactions").asLong() == 3 && view.path("pointsRedeemed").asLong() == 30
                    && satisfaction.statusCode() == 200 && HttpProbe.json(satisfaction).path("responses").asLong() == 2
                    && coupons.statusCode() == 200 && HttpProbe.json(coupons).path("used").asLong() == 1;
        });

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2300",
                        "--lang=en-US");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
        kafka.close();
    }

    @Test
    void theChartsShowTheKnownRecordsAndTheRunningMonthIsProvisional() throws Exception {
        open("/?locale=en-US");
        browser.findElement(By.id("chain-id")).sendKeys(CHAIN);
        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(TestTokens.analyst(CHAIN));
        browser.findElement(By.cssSelector("#chain-form button")).click();
        awaitLoaded("month");

        List<String> months = List.of(first.toString(), second.toString(), current.minusMonths(1).toString(),
                current.toString());
        JsonNode retention = chart("retention-chart");
        assertEquals(months, strings(retention.at("/xAxis/0/data")), "started months only, the running one last");
        // S = A and B (bought in the first month) from the second month; B's 90 days end within the current month
        assertEquals("[null,100,100,50]", retention.at("/series/0/data").toString(), "retention rate");
        assertEquals("[null,0,0,50]", retention.at("/series/1/data").toString(), "churn rate");
        assertEquals("[100,-100,null,null]", retention.at("/series/2/data").toString(),
                "net promoter score: A's 10 in the first month, B's 4 in the second");
        assertEquals(List.of(false, false, false, true), provisional(retention.at("/series/0/rawData")),
                "the running month is drawn hollow");

        JsonNode cohorts = chart("cohort-chart");
        assertEquals(List.of(first.toString()), strings(cohorts.at("/yAxis/0/data")));
        assertEquals("[[0,0,1],[1,0,0.5]]", cohorts.at("/series/0/data").toString(),
                "both members bought in their enrollment month, A in the next one too");

        JsonNode participation = chart("participation-chart");
        assertEquals("[2,1,0,0]", participation.at("/series/0/data").toString(), "active members");
        assertEquals("[1,0.5,null,null]", participation.at("/series/1/data").toString(), "member share");

        JsonNode points = chart("points-chart");
        assertEquals("[100,0,0,0]", points.at("/series/0/data").toString(), "issued");
        assertEquals("[0,30,0,0]", points.at("/series/1/data").toString(), "redeemed");
        assertEquals("70", browser.findElement(By.id("liability")).getText());
        assertEquals("€0.70", browser.findElement(By.id("liabilityValue")).getText(), "70 points at 0.01 EUR");
        assertEquals("[70,70,70]", chart("expiring-chart").at("/series/0/data").toString(),
                "100 points of a lot that expires in 20 days, 30 of them redeemed: within 30, 60 and 90 days");
        JsonNode baskets = chart("baskets-chart");
        assertEquals(List.of("COFFEE + CROISSANT"), strings(baskets.at("/yAxis/0/data")));
        assertEquals("[2]", baskets.at("/series/0/data").toString(), "bought together twice");
        assertEquals("[1,1]", chart("coupons-chart").at("/series/0/data").toString(), "one coupon issued, used");
        BigDecimal clv = new BigDecimal(new HttpProbe(server::getPort).as(TestTokens.analyst(CHAIN))
                .getJson("/analytics/customers?chainId=" + CHAIN).path("clv").asText());
        assertEquals(String.format(java.util.Locale.US, "€%,.2f", clv), browser.findElement(By.id("clv")).getText());
        assertEquals("2", browser.findElement(By.id("enrolledMembers")).getText());
        assertEquals("ltr", script("return document.dir"));

        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);

        new Select(browser.findElement(By.id("period"))).selectByValue("quarter");
        awaitLoaded("quarter");
        List<String> quarters = strings(chart("retention-chart").at("/xAxis/0/data"));
        assertTrue(!quarters.isEmpty() && quarters.stream().allMatch(q -> q.matches("\\d{4}-Q[1-4]")), quarters.toString());
    }

    @Test
    void inPersianThePageIsRightToLeftWithPersianDigitsAndMirroredAxes() throws Exception {
        open("/?locale=fa-IR");
        browser.findElement(By.id("chain-id")).sendKeys(CHAIN);
        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(TestTokens.analyst(CHAIN));
        browser.findElement(By.cssSelector("#chain-form button")).click();
        awaitLoaded("month");

        assertEquals("rtl", script("return document.dir"));
        assertEquals("۲", browser.findElement(By.id("enrolledMembers")).getText());
        assertEquals("۷۰", browser.findElement(By.id("liability")).getText());
        assertEquals(true, chart("retention-chart").at("/xAxis/0/inverse").asBoolean());
        assertEquals("[null,100,100,50]", chart("retention-chart").at("/series/0/data").toString(),
                "the same data points");
    }

    @Test
    void aTokenForAnotherChainShowsTheRefusal() {
        open("/?locale=en-US");
        browser.findElement(By.id("chain-id")).sendKeys(CHAIN);
        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(TestTokens.analyst("another-chain"));
        browser.findElement(By.cssSelector("#chain-form button")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                driver.findElement(By.id("status")).getAttribute("class").contains("error"));
        assertTrue(browser.findElement(By.id("status")).getText().contains(CHAIN),
                browser.findElement(By.id("status")).getText());
    }

    private void open(String path) {
        browser.get("http://localhost:" + server.getPort() + path);
    }

    private void awaitLoaded(String period) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
                (CHAIN + "|" + period).equals(script("return document.body.dataset.loaded || ''")));
    }

    /** The chart's option as ECharts holds it, each data point as its value ({@code rawData}: as given). */
    private JsonNode chart(String id) throws Exception {
        String json = (String) script("""
                const option = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();
                option.series.forEach(s => {
                  s.rawData = s.data;
                  s.data = s.data.map(d => d !== null && typeof d === 'object' && !Array.isArray(d) ? d.value : d);
                });
                return JSON.stringify({xAxis: option.xAxis, yAxis: option.yAxis, series: option.series});
                """, id);
        return Json.mapper().readTree(json);
    }

    private Object script(String code, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(code, args);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<Boolean> provisional(JsonNode points) {
        List<Boolean> values = new java.util.ArrayList<>();
        points.forEach(point -> values.add(point.isObject() && "emptyCircle".equals(point.path("symbol").asText())));
        return values;
    }

    private JsonNode allTime(HttpProbe analyst) {
        var response = analyst.get("/analytics/participation?chainId=" + CHAIN);
        return response.statusCode() == 200 ? HttpProbe.json(response) : Json.mapper().createObjectNode();
    }

    private void event(String id, IntegrationEvent event) {
        kafka.send(CloudEventRecord.of(event).withId(id).onPartition(0));
    }

    /** As a chain's app sends a survey answer, at noon UTC on the day. */
    private void survey(String id, String member, int score, LocalDate day) {
        String value = "{\"engagementId\":\"" + id + "\",\"chainId\":\"" + CHAIN + "\",\"memberId\":\"" + member
                + "\",\"type\":\"SURVEY_COMPLETED\",\"score\":" + score + ",\"occurredAt\":\"" + day + "T12:00:00Z\"}";
        kafka.send(new ProducerRecord<>(Topics.ENGAGEMENT.name(), 0, member, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String BASKET = "{\"sku\":\"COFFEE\",\"category\":\"drinks\",\"quantity\":1,\"unitPrice\":\"5.00\"},"
            + "{\"sku\":\"CROISSANT\",\"category\":\"bakery\",\"quantity\":1,\"unitPrice\":\"5.00\"}";

    private void sale(String id, String card, LocalDate day) {
        sale(id, card, day, "", "");
    }

    /** As a till sends it, at noon UTC on the day, 10.00 EUR. */
    private void sale(String id, String card, LocalDate day, String couponCodes, String lines) {
        String value = "{\"transactionId\":\"" + id + "\",\"chainId\":\"" + CHAIN + "\",\"storeId\":\"s1\","
                + "\"cardNumber\":" + (card == null ? "null" : "\"" + card + "\"") + ",\"type\":\"PURCHASE\","
                + "\"occurredAt\":\"" + day + "T12:00:00Z\",\"currency\":\"EUR\",\"total\":\"10.00\","
                + "\"lines\":[" + lines + "],\"couponCodes\":[" + couponCodes + "]}";
        kafka.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), 0, card == null ? id : card,
                value.getBytes(StandardCharsets.UTF_8)));
    }

    private static BigDecimal pointsOf(long points) {
        return BigDecimal.valueOf(points);
    }
}
