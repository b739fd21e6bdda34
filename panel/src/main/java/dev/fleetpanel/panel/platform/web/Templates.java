package dev.fleetpanel.panel.platform.web;

import dev.fleetpanel.panel.platform.i18n.BundleMessageResolver;
import jakarta.servlet.ServletContext;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The Thymeleaf engine over {@code src/main/webapp/WEB-INF/templates}: from the war at run time,
 * from disk in tests.
 */
public final class Templates {
  private final TemplateEngine engine;

  private Templates(AbstractConfigurableTemplateResolver resolver, boolean cache) {
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(cache);
    engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new BundleMessageResolver());
  }

  public static Templates forServletContext(ServletContext context) {
    WebApplicationTemplateResolver resolver =
        new WebApplicationTemplateResolver(JakartaServletWebApplication.buildApplication(context));
    resolver.setPrefix("/WEB-INF/templates/");
    return new Templates(resolver, true);
  }

  /**
   * Templates read from a webapp directory on disk ({@code src/main/webapp}), as the tests use
   * them.
   */
  public static Templates forDirectory(Path webapp) {
    return forDirectory(webapp, false);
  }

  /** As {@link #forDirectory(Path)}, parsed once when {@code cache} (as in the war: for timing). */
  public static Templates forDirectory(Path webapp, boolean cache) {
    FileTemplateResolver resolver = new FileTemplateResolver();
    resolver.setPrefix(webapp.resolve("WEB-INF/templates").toString() + "/");
    return new Templates(resolver, cache);
  }

  /** Renders a whole template, or only {@code fragment} of it when not null. */
  public void render(
      String template, String fragment, Locale locale, Map<String, Object> model, Writer out) {
    Context context = new Context(locale, model);
    engine.process(template, fragment == null ? null : Set.of(fragment), context, out);
  }
}
