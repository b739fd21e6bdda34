package dev.fleetpanel.panel.testing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The system's Chromium driven by Playwright, started as the machine allows (no sandbox as root, no
 * background networking on a closed network), with screenshots kept in {@code target/screenshots}.
 * Skips (or fails under CI) where Chromium is not installed.
 */
public final class Browsers implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Playwright playwright;
  private final Browser browser;

  private Browsers(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static Browsers start() {
    SystemTests.assume(Files.isExecutable(CHROMIUM), "Chromium (Debian package chromium)");
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
    return new Browsers(playwright, browser);
  }

  /**
   * A browser context whose requests arrive as if forwarded for {@code ip} by the trusted proxy, so
   * that each test has a client address (and login ban counter) of its own.
   */
  public BrowserContext context(String ip) {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setViewportSize(1400, 1000)
            .setExtraHTTPHeaders(Map.of("X-Forwarded-For", ip)));
  }

  /** Signs in on {@code page} with the test panel's password; the page lands on the dashboard. */
  public static void signIn(Page page, PanelServer panel) {
    page.navigate(panel.base() + "login");
    page.getByLabel("Password").fill(PanelServer.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page).hasURL(Pattern.compile(".*/dashboard$"));
  }

  /** Collects the page's console errors (CSP violations, script errors) but those allowed. */
  public static List<String> consoleErrors(Page page, String allowed) {
    List<String> errors = new ArrayList<>();
    page.onConsoleMessage(
        m -> {
          if ("error".equals(m.type()) && (allowed == null || !m.text().matches(allowed))) {
            errors.add(m.text());
          }
        });
    page.onPageError(errors::add);
    return errors;
  }

  public static void screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
