package dev.fleetpanel.panel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardQueryTest {

  @Test
  void unknownSortsAndViewsAreTheDefaultsNotErrors() {
    DashboardQuery q = DashboardQuery.of(null, "'; DROP TABLE", "huge");
    assertThat(q).isEqualTo(DashboardQuery.DEFAULT);
    assertThat(q.reorderable()).isTrue();
    assertThat(q.toQueryString()).isEmpty();
  }

  @Test
  void theQueryStringKeepsOnlyWhatDiffersFromTheDefaultsEncoded() {
    DashboardQuery q = DashboardQuery.of("  édge & co  ", "traffic", "compact");
    assertThat(q.search()).isEqualTo("édge & co");
    assertThat(q.toQueryString()).isEqualTo("?q=%C3%A9dge+%26+co&sort=traffic&view=compact");
    assertThat(q.reorderable()).isFalse();
    assertThat(DashboardQuery.of("", "name", null).reorderable())
        .as("drag and drop only in the saved order")
        .isFalse();
  }

  @Test
  void aLongSearchIsCutAndMatchingIgnoresCase() {
    DashboardQuery q = DashboardQuery.of("x".repeat(500), null, null);
    assertThat(q.search()).hasSize(DashboardQuery.SEARCH_MAX);
    DashboardQuery edge = DashboardQuery.of("EDGE", null, null);
    assertThat(edge.matches("web-1", "10.0.0.1", "Edge nodes")).isTrue();
    assertThat(edge.matches("web-1", null, null)).isFalse();
  }
}
