package dev.fleetpanel.panel.platform.i18n;

import java.text.MessageFormat;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * Resolves {@code #{key}} in templates from the {@link Messages} bundles; a missing key shows as
 * {@code ??key??}.
 */
public final class BundleMessageResolver extends AbstractMessageResolver {
  @Override
  public String resolveMessage(
      ITemplateContext context, Class<?> origin, String key, Object[] params) {
    return Messages.find(context.getLocale(), key)
        .map(
            text ->
                params == null || params.length == 0
                    ? text
                    : new MessageFormat(text, context.getLocale()).format(params))
        .orElse(null);
  }

  @Override
  public String createAbsentMessageRepresentation(
      ITemplateContext context, Class<?> origin, String key, Object[] params) {
    return "??" + key + "??";
  }
}
