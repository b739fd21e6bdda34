package dev.fleetpanel.panel.dashboard.web;

import org.unbescape.html.HtmlEscape;

/**
 * Writes a server's card as HTML: the one piece of markup of the panel written in code rather than
 * in a template, because a dashboard draws 500 of them per page and per refresh. Through Thymeleaf
 * a card took about 80 µs (some 45 expressions, each paying OGNL's reflection and Thymeleaf's
 * member checks, measured with JFR); written here it takes a few. Every text and attribute value
 * from a server (name, address, error, certificate domain) is escaped with unbescape, the escaper
 * Thymeleaf itself uses; the page template inserts the result unescaped ({@code th:utext}) and
 * stays the source of everything else.
 */
final class CardHtml {

  /** What is the same for every card of one answer. */
  record Options(
      CardTexts texts,
      MeterScale scale,
      boolean compact,
      boolean reorderable,
      String back,
      boolean oob) {}

  private final Options o;
  private final StringBuilder out;

  private CardHtml(Options options, StringBuilder out) {
    this.o = options;
    this.out = out;
  }

  /** The cards one after another, as one string. */
  static String cards(Iterable<CardRow> rows, Options options) {
    StringBuilder out = new StringBuilder(1024);
    CardHtml html = new CardHtml(options, out);
    for (CardRow row : rows) {
      html.card(row);
    }
    return out.toString();
  }

  private void card(CardRow c) {
    out.append("<article id=\"card-").append(c.id()).append("\" class=\"").append(c.css());
    out.append("\" data-id=\"").append(c.id()).append('"');
    if (o.oob()) {
      out.append(" hx-swap-oob=\"true\"");
    }
    out.append("><header>");
    if (o.reorderable()) {
      out.append("<span class=\"drag\" title=\"").append(esc(o.texts().drag()));
      out.append("\" aria-hidden=\"true\">⠿</span>");
    }
    out.append("<span class=\"dot\" aria-hidden=\"true\"></span><a class=\"name\" href=\"servers/");
    out.append(c.id()).append("/details").append(esc(o.back())).append("\">");
    out.append(esc(c.name())).append("</a>");
    if (!o.compact()) {
      out.append("<span class=\"addr mono\">").append(esc(c.address())).append("</span>");
    }
    out.append("</header>\n<p class=\"state\"><span>").append(esc(o.texts().state(c.state())));
    out.append("</span>");
    if (c.since() != null) {
      out.append(" <time datetime=\"").append(esc(c.since())).append("\">");
      out.append(esc(c.since())).append("</time>");
    }
    if (c.lastError() != null && !o.compact()) {
      out.append("<small class=\"err-text\">").append(esc(c.lastError())).append("</small>");
    }
    out.append("</p>\n");
    if (c.online()) {
      figures(c);
    }
    if (c.sslDays() != null) {
      out.append("<p class=\"").append(c.sslWarning() ? "ssl warn" : "ssl").append('"');
      if (c.sslDomain() != null) {
        out.append(" title=\"").append(esc(c.sslDomain())).append('"');
      }
      out.append('>').append(esc(o.texts().ssl(c.sslDays()))).append("</p>\n");
    }
    if (c.needsAttention()) {
      out.append("<ul class=\"reasons\">");
      for (String reason : c.attention()) {
        out.append("<li class=\"chip\">").append(esc(o.texts().reason(reason))).append("</li>");
      }
      out.append("</ul>");
    }
    out.append("</article>\n");
  }

  private void figures(CardRow c) {
    MeterScale s = o.scale();
    out.append("<dl class=\"figures\">");
    figure("CPU", c.cpuMeter(), s.cpuLow(), s.cpuHigh(), "cpu", c.cpu(), null);
    figure("RAM", c.ramMeter(), s.ramLow(), s.ramHigh(), "ram", c.ram(), c.ramDetail());
    figure(
        o.texts().disk(),
        c.diskMeter(),
        s.diskLow(),
        s.diskHigh(),
        "disk",
        c.disk(),
        c.diskDetail());
    out.append("<div class=\"fig\"><dt>").append(esc(o.texts().network()));
    out.append("</dt><dd class=\"v net\">").append(esc(c.net())).append("</dd></div>");
    if (!o.compact()) {
      plain(o.texts().load(), "load", c.load());
      plain(o.texts().uptime(), "uptime", c.uptime());
      plain(o.texts().tcp(), "tcp", c.tcp());
    }
    out.append("</dl>\n");
  }

  private void figure(
      String label, int meter, int low, int high, String css, String value, String detail) {
    out.append("<div class=\"fig\"><dt>").append(esc(label)).append("</dt><dd>");
    if (meter >= 0) {
      out.append("<meter min=\"0\" max=\"100\" optimum=\"0\" low=\"").append(low);
      out.append("\" high=\"")
          .append(high)
          .append("\" value=\"")
          .append(meter)
          .append("\"></meter>");
    }
    out.append(" <span class=\"v ").append(css).append("\">").append(esc(value)).append("</span>");
    if (detail != null && !o.compact()) {
      out.append("<small class=\"muted\">").append(esc(detail)).append("</small>");
    }
    out.append("</dd></div>");
  }

  private void plain(String label, String css, String value) {
    out.append("<div class=\"fig\"><dt>").append(esc(label)).append("</dt><dd class=\"v ");
    out.append(css).append("\">").append(esc(value)).append("</dd></div>");
  }

  /** Escaped for text and for double-quoted attribute values alike ({@code & < > " '}). */
  private static String esc(String value) {
    return value == null ? "" : HtmlEscape.escapeHtml5Xml(value);
  }
}
