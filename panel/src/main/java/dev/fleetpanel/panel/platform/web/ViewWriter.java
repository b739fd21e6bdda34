package dev.fleetpanel.panel.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders {@link View}s as HTML. An htmx request ({@code HX-Request}) gets only the view's
 * fragment, except for history restores and boosted links, which need the whole page; responses
 * vary on {@code HX-Request}.
 */
@Provider
@Produces(MediaType.TEXT_HTML)
public class ViewWriter implements MessageBodyWriter<View> {
  @Inject Templates templates;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;

  /**
   * The view's model plus what every template uses: base path, language, CSRF token, caller,
   * versions.
   */
  public static Map<String, Object> model(View view, RequestInfo info) {
    Map<String, Object> model = new HashMap<>(view.model());
    model.put("base", info.base());
    model.put("lang", info.locale().getLanguage());
    model.put("csrf", info.csrfToken());
    model.put("signedIn", info.authenticated());
    model.put("actor", info.actor().name());
    model.put("build", BuildInfo.CURRENT);
    return model;
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return View.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      View view,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream entityStream) {
    RequestInfo info = (RequestInfo) request.getAttribute(RequestInfo.ATTRIBUTE);
    httpHeaders.putSingle(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8");
    httpHeaders.add(HttpHeaders.VARY, "HX-Request");
    httpHeaders.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    Map<String, Object> model = model(view, info);
    Writer out =
        new BufferedWriter(new OutputStreamWriter(entityStream, StandardCharsets.UTF_8), 16 * 1024);
    templates.render(
        view.template(),
        view.selector(Htmx.wantsPartial(headers::getHeaderString)),
        info.locale(),
        model,
        out);
    try {
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
