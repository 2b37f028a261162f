package io.backline.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
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

    /** Lays pages out for a viewport this wide, whatever the window's size (no zooming out to fit, unlike a phone). */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    /**
     * Null when the page fits its viewport's width; otherwise how wide it is and the widest element that runs past
     * the right edge outside any box that scrolls or clips it.
     */
    public String horizontalOverflow() {
        return (String) driver.executeScript("""
                const width = window.innerWidth, root = document.documentElement;
                if (root.scrollWidth <= width) { return null; }
                const contained = el => {
                  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                    if (getComputedStyle(a).overflowX !== 'visible') { return true; }
                  }
                  return false;
                };
                let widest = null, box = null;
                for (const el of document.body.querySelectorAll('*')) {
                  const b = el.getBoundingClientRect();
                  if (b.right > width + 1 && (!box || b.width > box.width) && !contained(el)) { widest = el; box = b; }
                }
                if (!widest) { return root.scrollWidth + 'px wide in a ' + width + 'px viewport'; }
                const name = widest.tagName.toLowerCase() + (widest.id ? '#' + widest.id : '')
                  + [...widest.classList].map(c => '.' + c).join('')
                  + (widest.dataset.testid ? '[data-testid=' + widest.dataset.testid + ']' : '');
                return root.scrollWidth + 'px wide in a ' + width + 'px viewport; widest past the edge: ' + name + ', '
                  + Math.round(box.width) + 'px wide, right edge at ' + Math.round(box.right) + 'px ("'
                  + widest.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60) + '")';
                """);
    }

    /** The whole page, not only what the viewport shows. */
    public Path fullPageScreenshot(String name) {
        long width = ((Number) driver.executeScript("return window.innerWidth")).longValue();
        long height = Math.min(8000, ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks what sends a form and waits until the browser has left the page it was on, so the next find is on the answer. */
    public void submitWith(String css) {
        WebElement button = find(css);
        // A mark on this page's window: the answer's page is a new window without it.
        driver.executeScript("window.backlineLeaving = true");
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return document.readyState === 'complete' && window.backlineLeaving === undefined")));
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

    /** Scans the page on screen with axe-core (done by {@link #open} and {@link #waitForUrl} already). */
    public void checkAccessibility() {
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
