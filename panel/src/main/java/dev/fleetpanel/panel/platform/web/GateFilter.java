package dev.fleetpanel.panel.platform.web;

import dev.fleetpanel.panel.auth.PanelSecrets;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The secret-path gate in front of everything: only {@code /{uid}/...} reaches the application. Any
 * other path, or a wrong uid (compared in constant time), gets an empty 404 that names nothing.
 * Gated responses carry the security headers every page needs.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class GateFilter extends HttpFilter {
  /**
   * No inline script or style. The one hash allowed is that of the empty string, for {@code
   * style=""} only: SortableJS empties a card's style attribute when a drag starts and clones the
   * card, and the browser would refuse (and log) applying that empty style.
   */
  static final String CSP =
      "default-src 'self'; script-src 'self'; "
          + "style-src 'self' 'unsafe-hashes' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; "
          + "img-src 'self' data:; connect-src 'self'; "
          + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Inject PanelSecrets secrets;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI();
    int end = path.indexOf('/', 1);
    String first = end < 0 ? path.substring(Math.min(1, path.length())) : path.substring(1, end);
    byte[] expected = secrets.uid().getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, first.getBytes(StandardCharsets.UTF_8))) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentLength(0);
      return;
    }
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (end < 0) {
      response.setStatus(HttpServletResponse.SC_FOUND);
      response.setHeader("Location", path + "/");
      response.setContentLength(0);
      return;
    }
    chain.doFilter(request, response);
  }
}
