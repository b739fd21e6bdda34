package dev.fleetpanel.panel.platform.web;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.auth.Session;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Renders templates the way {@link ViewWriter} does (same model, same fragment choice), from the
 * webapp directory on disk, and parses the result with jsoup.
 */
public final class TemplateTestSupport {
  public static final String BASE = "/0123456789abcdef0123/";
  public static final String CSRF = "csrf-token-x";
  public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

  private static final Templates TEMPLATES = Templates.forDirectory(webapp());

  private TemplateTestSupport() {}

  /** The webapp directory surefire passes in, or the repository layout seen from {@code panel/}. */
  public static Path webapp() {
    String configured = System.getProperty("fleetpanel.webapp");
    Path dir =
        configured == null || configured.isBlank()
            ? Path.of("../src/main/webapp")
            : Path.of(configured);
    if (!Files.isDirectory(dir.resolve("WEB-INF/templates"))) {
      throw new IllegalStateException("no templates under " + dir.toAbsolutePath());
    }
    return dir;
  }

  public static Path templatesDir() {
    return webapp().resolve("WEB-INF/templates");
  }

  /** A signed-in browser session, as the filters describe it. */
  public static RequestInfo admin(Locale locale) {
    Instant now = Instant.parse("2025-01-01T10:00:00Z");
    Session session = new Session("session-1", now, now, now.plusSeconds(3600), 1);
    return new RequestInfo(BASE, locale, session, new Actor("admin", "127.0.0.1"), CSRF);
  }

  public static RequestInfo admin() {
    return admin(Locale.ENGLISH);
  }

  /** A caller before login. */
  public static RequestInfo anonymous(Locale locale) {
    return new RequestInfo(BASE, locale, null, new Actor("anonymous", "127.0.0.1"), null);
  }

  /** What a plain browser request (no {@code HX-Request}) gets. */
  public static String renderPage(View view, RequestInfo info) {
    return render(view, view.selector(false), info);
  }

  /** What an htmx request that swaps part of a page gets. */
  public static String renderHtmx(View view, RequestInfo info) {
    return render(view, view.selector(true), info);
  }

  public static String render(View view, String fragment, RequestInfo info) {
    StringWriter out = new StringWriter();
    TEMPLATES.render(view.template(), fragment, info.locale(), ViewWriter.model(view, info), out);
    return out.toString();
  }

  public static Document parse(String html) {
    return Jsoup.parse(html, "http://panel.test" + BASE);
  }

  /**
   * Parses table rows ({@code <tr>} fragments) in a {@code <tbody>} context, as htmx swaps them in.
   */
  public static Element parseRows(String html) {
    Document doc = Jsoup.parse("<table><tbody id=\"fragment-host\"></tbody></table>");
    Element tbody = doc.getElementById("fragment-host");
    tbody.html(html);
    return tbody;
  }
}
