package dev.fleetpanel.panel.platform.web;

import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.BASE;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.CSRF;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.RUSSIAN;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.admin;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.anonymous;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.parse;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.renderHtmx;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.renderPage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.audit.web.AuditRow;
import dev.fleetpanel.panel.server.web.FolderRow;
import dev.fleetpanel.panel.server.web.ServerFormView;
import dev.fleetpanel.panel.server.web.ServerRow;
import dev.fleetpanel.panel.settings.web.TokenRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layout, the login, settings, audit and error pages, and the message bundles, rendered with
 * the real engine.
 */
class TemplatesTest {

  // ---- models as the resources build them ----

  private static View serversPage() {
    ServerRow row =
        new ServerRow(1, "web-1", "203.0.113.10", 9100, null, null, "", true, true, true);
    return View.page("server/list", "content")
        .with("groups", List.of(new FolderRow(null, null, true, false, List.of(row))))
        .with("folders", List.of())
        .with("serverCount", 1)
        .with("form", new ServerFormView("", "", "9100", null, ""))
        .with("errors", Map.of());
  }

  private static View auditPage(List<AuditRow> entries, Long nextBefore) {
    return View.page("audit/list", "content")
        .with("entries", entries)
        .with("nextBefore", nextBefore);
  }

  private static View settingsPage(List<TokenRow> tokens) {
    return View.page("settings/page", "content")
        .with("tokens", tokens)
        .with("errors", Map.of())
        .with("collectorErrors", Map.of())
        .with("intervalSeconds", 10)
        .with("offlinePolls", 3)
        .with("dashboardErrors", Map.of())
        .with(
            "limits",
            new dev.fleetpanel.panel.settings.web.DashboardSettingsResource.ThresholdsForm(
                "90", "90", "90", "7"))
        .with("scrapeConfigured", false)
        .with("scrapeConfig", "scrape_configs: ...");
  }

  private static View loginPage() {
    return View.page("auth/login");
  }

  // ---- layout ----

  @Test
  void fullPageCarriesBasePathCsrfTokenHtmxAndStylesheet() {
    Document doc = parse(renderPage(serversPage(), admin()));

    assertThat(doc.select("base").attr("href")).isEqualTo(BASE);
    assertThat(doc.select("meta[name=csrf-token]").attr("content")).isEqualTo(CSRF);
    assertThat(doc.select("html").attr("lang")).isEqualTo("en");
    assertThat(doc.title()).isEqualTo("Servers · Fleet Panel");
    assertThat(doc.select("link[rel=stylesheet]").attr("href")).startsWith("static/app.css");
    assertThat(doc.select("script[src*=htmx]").attr("src"))
        .isEqualTo("webjars/htmx.org/" + BuildInfo.CURRENT.htmx() + "/dist/htmx.min.js");
    assertThat(doc.select("main#main h1").text()).isEqualTo("Servers");
  }

  @Test
  void htmxScriptPointsAtTheBundledWebjar() {
    String htmx = BuildInfo.CURRENT.htmx();
    assertThat(htmx).as("htmx version filled in by the build").matches("\\d+\\.\\d+\\.\\d+.*");
    String src = parse(renderPage(serversPage(), admin())).select("script[src*=htmx]").attr("src");
    assertThat(getClass().getClassLoader().getResource("META-INF/resources/" + src))
        .as("webjar resource for " + src)
        .isNotNull();
  }

  static Stream<Arguments> sections() {
    return Stream.of(
        Arguments.of(serversPage(), "Servers"),
        Arguments.of(auditPage(List.of(), null), "Audit log"),
        Arguments.of(settingsPage(List.of()), "Settings"));
  }

  @ParameterizedTest
  @MethodSource("sections")
  void navShowsTheWorkingSectionsWithTheCurrentOneActive(View view, String current) {
    Document doc = parse(renderPage(view, admin()));

    Elements links = doc.select("nav.mainnav a");
    assertThat(links.eachText())
        .containsExactly("Dashboard", "Servers", "Blocklist", "Audit log", "Settings");
    assertThat(links.eachAttr("href"))
        .containsExactly("dashboard", "servers", "blocklist", "audit", "settings");
    assertThat(doc.select("nav.mainnav a.active").eachText()).containsExactly(current);
    assertThat(doc.select("nav.mainnav a[aria-current=page]").eachText()).containsExactly(current);
    assertThat(doc.select("button[hx-post=logout]").text()).isEqualTo("Log out");
  }

  @Test
  void anonymousLoginPageHasNoNavAndNoCsrfToken() {
    Document doc = parse(renderPage(loginPage(), anonymous(Locale.ENGLISH)));

    assertThat(doc.select("nav")).isEmpty();
    assertThat(doc.select("meta[name=csrf-token]")).isEmpty();
    assertThat(doc.select("base").attr("href")).isEqualTo(BASE);
    assertThat(doc.title()).isEqualTo("Sign in · Fleet Panel");
    assertThat(doc.select("form#login-form input[type=password][name=password]")).hasSize(1);
    assertThat(doc.select("form#login-form .flash.error")).isEmpty();
    assertThat(doc.select("input[name=password]").hasAttr("aria-invalid")).isFalse();
    assertThat(doc.select("script[src*=htmx]").attr("src"))
        .isEqualTo("webjars/htmx.org/" + BuildInfo.CURRENT.htmx() + "/dist/htmx.min.js");
  }

  @Test
  void anonymousErrorPageHasNoNavNoLogoutAndNoCsrfToken() {
    View view = View.page("error").with("status", 404).with("message", "not found");
    Document doc = parse(renderPage(view, anonymous(Locale.ENGLISH)));

    assertThat(doc.select("nav")).isEmpty();
    assertThat(doc.select("button[hx-post=logout]")).isEmpty();
    assertThat(doc.select("meta[name=csrf-token]")).isEmpty();
    assertThat(doc.select("main h1").text()).isEqualTo("404");
    assertThat(doc.title()).isEqualTo("Error · Fleet Panel");
  }

  @Test
  void errorPageShowsItsMessageEscaped() {
    View view = View.page("error").with("status", 400).with("message", "<script>alert(1)</script>");
    String html = renderPage(view, admin());
    Document doc = parse(html);

    assertThat(doc.select("main p").first().text()).isEqualTo("<script>alert(1)</script>");
    assertThat(html).doesNotContain("<script>alert");
    assertThat(doc.select("a.active"))
        .extracting(Element::text)
        .doesNotContain("Servers", "Audit log", "Settings");
  }

  /**
   * The language switch goes back to {@code to}; from an error page that must be a page that
   * exists.
   */
  @Test
  void errorPageLanguageSwitchReturnsToARealPage() {
    View view = View.page("error").with("status", 404).with("message", "not found");
    Document doc = parse(renderPage(view, admin()));

    assertThat(doc.select("a.lang").eachAttr("href"))
        .hasSize(2)
        .allSatisfy(href -> assertThat(href).doesNotEndWith("to=error"));
  }

  @Test
  void languageLinksReturnToTheCurrentSection() {
    Document doc = parse(renderPage(auditPage(List.of(), null), admin()));

    assertThat(doc.select("a.lang").eachAttr("href"))
        .containsExactly("lang/en?to=audit", "lang/ru?to=audit");
    assertThat(doc.select("a.lang.active").text()).isEqualTo("EN");
  }

  @Test
  void everyPageCarriesAHiddenBannerForRequestsNoPageShowsInItsLanguage() {
    for (var info : List.of(admin(), admin(RUSSIAN))) {
      Document doc = parse(renderPage(serversPage(), info));
      Element banner = doc.selectFirst("#request-error");

      assertThat(banner.hasAttr("hidden")).isTrue();
      assertThat(banner.attr("role")).isEqualTo("alert");
      assertThat(List.of("data-too-large", "data-failed", "data-offline"))
          .allSatisfy(key -> assertThat(banner.attr(key)).isNotBlank().doesNotContain("??"));
    }
    assertThat(
            parse(renderPage(serversPage(), admin(RUSSIAN)))
                .selectFirst("#request-error")
                .attr("data-too-large"))
        .startsWith("Это больше, чем панель принимает");
  }

  @Test
  void russianLocaleRendersTheLayoutInRussian() {
    Document doc = parse(renderPage(serversPage(), admin(RUSSIAN)));

    assertThat(doc.select("html").attr("lang")).isEqualTo("ru");
    assertThat(doc.select("nav.mainnav a").eachText())
        .containsExactly("Обзор", "Серверы", "Блокировки", "Журнал действий", "Настройки");
    assertThat(doc.select("nav.mainnav a.active").text()).isEqualTo("Серверы");
    assertThat(doc.select("nav.mainnav").attr("aria-label")).isEqualTo("Главное меню");
    assertThat(doc.title()).isEqualTo("Серверы · Fleet Panel");
    assertThat(doc.select("a.lang.active").text()).isEqualTo("RU");
    assertThat(doc.text()).doesNotContain("??");
  }

  @Test
  void russianLoginPage() {
    Document doc = parse(renderPage(loginPage(), anonymous(RUSSIAN)));

    assertThat(doc.select("html").attr("lang")).isEqualTo("ru");
    assertThat(doc.select("form#login-form button[type=submit]").text()).isEqualTo("Войти");
    assertThat(doc.title()).isEqualTo("Вход · Fleet Panel");
  }

  // ---- message keys ----

  private static final Pattern MESSAGE_KEY =
      Pattern.compile("#\\{\\s*([A-Za-z0-9_][A-Za-z0-9_.\\-]*)\\s*[}(]");

  private static Properties bundle(String name) {
    Properties p = new Properties();
    try (InputStream in =
        TemplatesTest.class.getClassLoader().getResourceAsStream("i18n/" + name)) {
      assertThat(in).as("i18n/" + name + " on the classpath").isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static Map<String, TreeSet<String>> templateKeys() throws IOException {
    Map<String, TreeSet<String>> keys = new TreeMap<>();
    Path dir = TemplateTestSupport.templatesDir();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        Matcher m = MESSAGE_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          keys.computeIfAbsent(m.group(1), k -> new TreeSet<>())
              .add(dir.relativize(file).toString());
        }
      }
    }
    return keys;
  }

  @Test
  void everyMessageKeyInTheTemplatesExistsInBothLanguages() throws IOException {
    Map<String, TreeSet<String>> keys = templateKeys();
    assertThat(keys)
        .as("keys found by the scan")
        .containsKeys("nav.servers", "login.wrong", "server.delete.confirm");

    for (String bundleName : List.of("messages.properties", "messages_ru.properties")) {
      Properties messages = bundle(bundleName);
      Map<String, TreeSet<String>> missing = new TreeMap<>(keys);
      missing.keySet().removeIf(messages::containsKey);
      assertThat(missing)
          .as("template keys missing from " + bundleName + " (key -> templates)")
          .isEmpty();
    }
  }

  @Test
  void bothLanguagesHaveTheSameKeysAndValidMessageFormats() {
    Properties en = bundle("messages.properties");
    Properties ru = bundle("messages_ru.properties");

    assertThat(new TreeSet<>(ru.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
    for (Properties p : List.of(en, ru)) {
      for (String key : p.stringPropertyNames()) {
        String text = p.getProperty(key);
        assertThat(text).as(key).isNotBlank();
        if (text.contains("{0")) {
          // Parameterised texts go through MessageFormat, where a lone apostrophe starts a quote.
          assertThat(new MessageFormat(text, Locale.ENGLISH).format(new Object[] {2}))
              .as(key)
              .doesNotContain("{0");
        } else {
          // Texts without parameters are shown as written, so '' would show doubled.
          assertThat(text).as(key).doesNotContain("''");
        }
      }
    }
  }

  // ---- login ----

  @Test
  void wrongPasswordFormSaysHowManyAttemptsAreLeft() {
    View view =
        View.page("auth/login", "form").with("error", "login.wrong").with("attemptsLeft", 3);
    Document doc = parse(renderHtmx(view, anonymous(Locale.ENGLISH)));

    assertThat(doc.select("html > body > *")).hasSize(1);
    Element form = doc.selectFirst("form#login-form");
    assertThat(form).isNotNull();
    assertThat(form.attr("hx-post")).isEqualTo("login");
    assertThat(form.select(".flash.error[role=alert]").text()).contains("3 attempts left");
    assertThat(form.select("input[name=password]").attr("aria-invalid")).isEqualTo("true");
    assertThat(doc.select("nav, head meta[name=csrf-token]")).isEmpty();
  }

  @Test
  void wrongPasswordWithOneAndNoAttemptsLeft() {
    View one = View.page("auth/login", "form").with("error", "login.wrong").with("attemptsLeft", 1);
    View none =
        View.page("auth/login", "form").with("error", "login.wrong").with("attemptsLeft", 0);

    assertThat(parse(renderHtmx(one, anonymous(Locale.ENGLISH))).select(".flash.error").text())
        .contains("1 attempt left")
        .doesNotContain("attempts");
    assertThat(parse(renderHtmx(none, anonymous(Locale.ENGLISH))).select(".flash.error").text())
        .contains("No attempts left");
  }

  @Test
  void bannedLoginSaysWhenToRetry() {
    View view =
        View.page("auth/login", "form").with("error", "login.banned").with("retryMinutes", 15);
    Document doc = parse(renderHtmx(view, anonymous(Locale.ENGLISH)));

    assertThat(doc.select(".flash.error").eachText())
        .containsExactly("Too many failed logins from your address. Try again in 15 min.");
  }

  @Test
  void wrongPasswordWithoutHtmxGetsTheWholeLoginPage() {
    View view =
        View.page("auth/login", "form").with("error", "login.wrong").with("attemptsLeft", 3);
    Document doc = parse(renderPage(view, anonymous(Locale.ENGLISH)));

    assertThat(doc.select("base").attr("href")).isEqualTo(BASE);
    assertThat(doc.select("form#login-form .flash.error").text()).contains("3 attempts left");
  }

  // ---- settings ----

  @Test
  void newTokenSecretIsShownOnceInsidePreSecret() {
    List<TokenRow> tokens =
        List.of(new TokenRow(4, "ci <bot>", "fpt_ab12", "2025-01-01T10:00:00Z", null, false));
    View view =
        View.fragment("settings/page", "tokens")
            .with("tokens", tokens)
            .with("newSecret", "fpt_ab12<secret>&x")
            .with("newName", "ci <bot>");
    String html = renderHtmx(view, admin());
    Document doc = parse(html);

    Element section = doc.selectFirst("section#tokens");
    assertThat(section).isNotNull();
    assertThat(doc.select("html > body > *")).hasSize(1);
    assertThat(section.select("pre.secret").text()).isEqualTo("fpt_ab12<secret>&x");
    assertThat(section.select(".flash.ok[role=status] p").text())
        .isEqualTo("Token \"ci <bot>\" created. Copy it now: it will not be shown again.");
    assertThat(html).doesNotContain("<bot>").doesNotContain("<secret>");
    Element revoke = section.selectFirst("button[hx-delete=settings/tokens/4]");
    assertThat(revoke).isNotNull();
    assertThat(revoke.attr("hx-confirm"))
        .isEqualTo("Revoke token \"ci <bot>\"? Scripts using it stop working at once.");
    assertThat(section.select("tbody tr td").first().text()).isEqualTo("ci <bot>");
    assertThat(section.select("tbody tr td.mono").text()).isEqualTo("fpt_ab12…");
    assertThat(section.select("tbody .muted").text()).isEqualTo("never");
  }

  @Test
  void tokenListWithoutANewSecretShowsNoSecretAndMarksRevokedTokens() {
    List<TokenRow> tokens =
        List.of(
            new TokenRow(
                1, "live", "fpt_1111", "2025-01-01T10:00:00Z", "2025-01-02T10:00:00Z", false),
            new TokenRow(2, "old", "fpt_2222", "2024-01-01T10:00:00Z", null, true));
    Document doc =
        parse(renderHtmx(View.fragment("settings/page", "tokens").with("tokens", tokens), admin()));

    assertThat(doc.select("pre.secret")).isEmpty();
    Elements rows = doc.select("section#tokens tbody tr");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).hasClass("disabled")).isFalse();
    assertThat(rows.get(0).select("time").eachAttr("datetime"))
        .containsExactly("2025-01-01T10:00:00Z", "2025-01-02T10:00:00Z");
    assertThat(rows.get(1).hasClass("disabled")).isTrue();
    assertThat(rows.get(1).select(".badge").text()).isEqualTo("revoked");
    assertThat(rows.get(1).select("button")).isEmpty();
  }

  @Test
  void refusedTokenNameIsShownInline() {
    View view =
        View.fragment("settings/page", "tokens")
            .with("tokens", List.of())
            .with("tokenError", "token.name.invalid");
    Document doc = parse(renderHtmx(view, admin()));

    assertThat(doc.select("section#tokens .field-error").text())
        .isEqualTo("Enter a name of at most 100 characters.");
    assertThat(doc.select("section#tokens input[name=name]").attr("aria-invalid"))
        .isEqualTo("true");
  }

  @Test
  void settingsPageHasTokensAndPasswordForm() {
    Document doc = parse(renderPage(settingsPage(List.of()), admin()));

    assertThat(doc.select("section#tokens form[hx-post=settings/tokens]")).hasSize(1);
    assertThat(doc.select("form#password-form[hx-post=settings/password] input[type=password]"))
        .hasSize(3);
    assertThat(doc.select("form#password-form .flash.ok")).isEmpty();
    assertThat(doc.select("[aria-invalid]")).isEmpty();
  }

  @Test
  void passwordFormShowsErrorsAndSuccess() {
    View refused =
        View.fragment("settings/page", "password-form")
            .with("errors", Map.of("confirm_password", "password.confirm.mismatch"));
    Document doc = parse(renderHtmx(refused, admin()));
    assertThat(doc.select("form#password-form .field-error").eachText())
        .containsExactly("The two new passwords differ.");
    assertThat(doc.select("input[name=confirm_password]").attr("aria-invalid")).isEqualTo("true");
    assertThat(doc.select("input[name=current_password]").hasAttr("aria-invalid")).isFalse();

    View changed =
        View.fragment("settings/page", "password-form")
            .with("errors", Map.of())
            .with("changed", true);
    assertThat(parse(renderHtmx(changed, admin())).select("form#password-form .flash.ok").text())
        .isEqualTo("Password changed. Every other session has been signed out.");
  }

  // ---- audit ----

  @Test
  void auditDetailsAreShownEscaped() {
    AuditRow row =
        new AuditRow(
            9,
            "2025-01-01T10:00:00Z",
            "admin",
            "127.0.0.1",
            "server.create",
            "<i>web</i>",
            "<b>x</b>");
    String html = renderPage(auditPage(List.of(row), null), admin());
    Document doc = parse(html);

    Elements cells = doc.select("table#audit-table tbody tr td");
    assertThat(cells.eachText())
        .containsExactly(
            "2025-01-01T10:00:00Z",
            "admin",
            "127.0.0.1",
            "server.create",
            "<i>web</i>",
            "<b>x</b>");
    assertThat(doc.select("table#audit-table b, table#audit-table i")).isEmpty();
    assertThat(html).doesNotContain("<b>x</b>").contains("&lt;b&gt;x&lt;/b&gt;");
    assertThat(doc.select("time").attr("datetime")).isEqualTo("2025-01-01T10:00:00Z");
    assertThat(doc.select("a[href^=audit?before]")).isEmpty();
  }

  @Test
  void auditPageLinksToOlderEntries() {
    AuditRow row = new AuditRow(101, "2025-01-01T10:00:00Z", "admin", "127.0.0.1", "login", "", "");
    Document doc = parse(renderPage(auditPage(List.of(row), 101L), admin()));

    assertThat(doc.select("a[href=audit?before=101]").text()).isEqualTo("Older entries");
  }

  @Test
  void emptyAuditLogSaysSo() {
    Document doc = parse(renderPage(auditPage(List.of(), null), admin()));

    assertThat(doc.select("table#audit-table")).isEmpty();
    assertThat(doc.select("main p.muted").eachText()).contains("No changes yet.");
  }
}
