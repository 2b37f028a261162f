package io.backline.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Headless Debian Chromium driven by Selenium, for user journeys. Every Backline page it lands on is checked with
 * axe-core; serious or critical accessibility violations fail the journey. (Keycloak's own login pages are
 * Keycloak's to fix, so they are not scanned.)
 */
public final class Browser implements AutoCloseable {
    public static final String APP = "http://localhost:8081";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final List<String> accessibilityProblems = new ArrayList<>();

    public Browser() {
        this(1280, 900);
    }

    public Browser(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        // Flags for a closed network and a root user: no background calls out, no sandbox, a throwaway profile.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(path.startsWith("http") ? path : APP + path);
        checkAccessibility();
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void waitForUrl(String fragment) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(fragment));
        checkAccessibility();
    }

    /** Types into Keycloak's identity-first login: the username page, then the password page. */
    public void signIn(String username, String password) {
        find("#username").sendKeys(username);
        find("#kc-login").click();
        find("#password").sendKeys(password);
        find("#kc-login").click();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> accessibilityProblems() {
        return List.copyOf(accessibilityProblems);
    }

    private void checkAccessibility() {
        if (!driver.getCurrentUrl().startsWith(APP)) {
            return;
        }
        Results results = new AxeBuilder().analyze(driver);
        for (Rule violation : results.getViolations()) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                accessibilityProblems.add(driver.getCurrentUrl() + ": " + violation.getId() + " ("
                        + violation.getImpact() + ") " + violation.getHelp());
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
