package dev.fleetpanel.panel.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.fleetpanel.panel.testing.Browsers;
import dev.fleetpanel.panel.testing.PanelServer;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person in a real browser (the system's Chromium): log in, add a server, see it listed, delete
 * it.
 */
class ServersBrowserIT {
  static PanelServer panel;
  static Browsers browsers;

  @BeforeAll
  static void start() {
    browsers = Browsers.start();
    panel = PanelServer.shared();
  }

  @AfterAll
  static void stop() {
    if (browsers != null) {
      browsers.close();
    }
  }

  @Test
  void logInAddAServerSeeItListedAndDeleteIt() throws Exception {
    // Through the trusted proxy header, so this browser has a client IP of its own for the login
    // ban.
    BrowserContext context = browsers.context("203.0.113.200");
    Page page = context.newPage();
    // The refused login (401) and the refused form (422) are expected; anything else is a fault.
    List<String> consoleErrors = Browsers.consoleErrors(page, ".*status of (401|422) .*");

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
    assertThat(page).hasURL(Pattern.compile(".*/dashboard$"));
    page.locator("nav.mainnav a[href=servers]").click();
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
    Browsers.screenshot(page, "servers-added");

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
    Browsers.screenshot(page, "servers-deleted");
    org.assertj.core.api.Assertions.assertThat(consoleErrors)
        .as("browser console errors (CSP, scripts)")
        .isEmpty();
    context.close();
  }
}
