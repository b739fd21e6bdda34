package dev.fleetpanel.panel.platform.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page for errors the container raises itself (e.g. a request for {@code /WEB-INF/...}):
 * the status and nothing else, so no response names the runtime. Requested directly, the gate
 * answers 404 first.
 */
@WebServlet(urlPatterns = EmptyErrorServlet.PATH)
public class EmptyErrorServlet extends HttpServlet {
  static final String PATH = "/__error";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    response.resetBuffer();
    response.setContentLength(0);
  }
}
