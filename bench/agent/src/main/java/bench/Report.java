package bench;

import java.util.List;
import java.util.Locale;

/** Number formats and markdown tables shared by the runs. */
final class Report {

  private Report() {}

  /** Milliseconds: two decimals below 10, one above. */
  static String ms(double millis) {
    return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
  }

  /** kB as MB (1024 kB), one decimal. */
  static String mb(long kb) {
    return String.format(Locale.ROOT, "%.1f", kb / 1024.0);
  }

  static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** A markdown table: a header row, the separator, then the rows. */
  static String table(List<String> header, List<List<String>> rows) {
    StringBuilder table = new StringBuilder(row(header));
    table.append(row(header.stream().map(cell -> "---").toList()));
    rows.forEach(cells -> table.append(row(cells)));
    return table.toString();
  }

  private static String row(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }
}
