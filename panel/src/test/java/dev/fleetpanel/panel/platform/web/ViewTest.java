package dev.fleetpanel.panel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewTest {

  @Test
  void pageWithoutFragmentIsAlwaysRenderedWhole() {
    View view = View.page("servers/list");

    assertThat(view.selector(true)).isNull();
    assertThat(view.selector(false)).isNull();
  }

  @Test
  void pageFragmentIsSentOnlyToHtmxPartialRequests() {
    View view = View.page("servers/list", "table");

    assertThat(view.selector(true)).isEqualTo("table");
    assertThat(view.selector(false)).isNull();
  }

  @Test
  void fragmentViewIsAlwaysJustTheFragment() {
    View view = View.fragment("servers/list", "row");

    assertThat(view.selector(true)).isEqualTo("row");
    assertThat(view.selector(false)).isEqualTo("row");
  }

  @Test
  void withAddsToTheModel() {
    View view = View.page("servers/list").with("count", 3).with("title", "Servers");

    assertThat(view.template()).isEqualTo("servers/list");
    assertThat(view.model()).containsEntry("count", 3).containsEntry("title", "Servers");
  }

  @Test
  void viewsDoNotShareAModel() {
    View first = View.page("a").with("secret", "x");

    assertThat(View.page("a").model()).doesNotContainKey("secret");
    assertThat(first.model()).containsKey("secret");
  }
}
