package dev.fleetpanel.panel.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.fleetpanel.panel.testing.PanelServer;
import dev.fleetpanel.panel.testing.SystemTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person in a real browser (the system's Chromium): log in, add a server, see it listed, delete
 * it.
 */
class ServersBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  static PanelServer panel;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void start() {
    SystemTests.assume(Files.isExecutable(CHROMIUM), "Chromium (Debian package chromium)");
    panel = PanelServer.shared();
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
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
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @Test
  void logInAddAServerSeeItListedAndDeleteIt() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    // Through the trusted proxy header, so this browser has a client IP of its own for the login
    // ban.
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", "203.0.113.200")));
    Page page = context.newPage();
    List<String> consoleErrors = new java.util.ArrayList<>();
    page.onConsoleMessage(
        m -> {
          // The refused login (401) and the refused form (422) are expected; anything else is a
          // fault.
          if ("error".equals(m.type()) && !m.text().matches(".*status of (401|422) .*")) {
            consoleErrors.add(m.text());
          }
        });

    page.navigate(panel.base());
    assertThat(page).hasURL(Pattern.compile(".*/login$"));
    page.getByLabel("Password").fill("wrong password");
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    assertThat(page.locator(".flash.error")).containsText("Wrong password");
    page.getByLabel("Password").fill(PanelServer.PASSWORD);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    assertThat(page).hasURL(Pattern.compile(".*/servers$"));
    assertThat(page.locator("h1")).hasText("Servers");

    String name = "browser-" + Long.toHexString(System.nanoTime()) + " <b>&\"";
    Locator form = page.locator("#add-server-form");
    form.getByLabel("Name").fill(name);
    form.getByLabel("Address").fill("not a host!");
    form.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName("Add server"))
        .click();
    assertThat(page.locator("#add-server-form .field-error"))
        .hasText("Enter a host name or an IP address, without http:// or a port.");

    page.locator("#add-server-form").getByLabel("Address").fill("203.0.113.201");
    page.locator("#add-server-form")
        .getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName("Add server"))
        .click();
    Locator row =
        page.locator("#server-table tr").filter(new Locator.FilterOptions().setHasText(name));
    assertThat(row).hasCount(1);
    assertThat(row.locator("strong")).hasText(name);
    // The collector's status arrives out of band (hx-get servers/status on load).
    assertThat(row.locator("[id^=status-]"))
        .containsText(Pattern.compile("not polled yet|offline|online"));
    assertThat(page.locator("#add-server-form").getByLabel("Name")).hasValue("");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve("servers-added.png"))
            .setFullPage(true));

    page.onDialog(
        dialog -> {
          org.assertj.core.api.Assertions.assertThat(dialog.message()).contains(name);
          dialog.accept();
        });
    row.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName("Delete"))
        .click();
    assertThat(row).hasCount(0);
    page.reload();
    assertThat(
            page.locator("#server-table tr").filter(new Locator.FilterOptions().setHasText(name)))
        .hasCount(0);
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve("servers-deleted.png"))
            .setFullPage(true));
    org.assertj.core.api.Assertions.assertThat(consoleErrors)
        .as("browser console errors (CSP, scripts)")
        .isEmpty();
    context.close();
  }
}
