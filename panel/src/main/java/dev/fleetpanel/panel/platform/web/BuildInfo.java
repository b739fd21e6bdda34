package dev.fleetpanel.panel.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Versions written by the build into {@code fleetpanel-build.properties}: the panel's and its
 * browser libraries' (htmx, Chart.js, SortableJS).
 */
public record BuildInfo(String version, String htmx, String chartjs, String sortablejs) {
  public static final BuildInfo CURRENT = load();

  private static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/fleetpanel-build.properties")) {
      if (in == null) {
        throw new IllegalStateException("fleetpanel-build.properties is missing from the build");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        p.getProperty("version"),
        p.getProperty("htmx"),
        p.getProperty("chartjs"),
        p.getProperty("sortablejs"));
  }
}
