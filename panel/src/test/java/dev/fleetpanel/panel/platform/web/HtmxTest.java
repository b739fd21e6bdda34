package dev.fleetpanel.panel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class HtmxTest {

  private static UnaryOperator<String> headers(String... pairs) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return values::get;
  }

  @Test
  void plainBrowserRequestIsNotHtmx() {
    assertThat(Htmx.isHtmx(headers())).isFalse();
    assertThat(Htmx.wantsPartial(headers())).isFalse();
  }

  @Test
  void htmxRequestWantsAPartial() {
    UnaryOperator<String> htmx = headers("HX-Request", "true");

    assertThat(Htmx.isHtmx(htmx)).isTrue();
    assertThat(Htmx.wantsPartial(htmx)).isTrue();
  }

  @Test
  void onlyTheValueTrueMarksAnHtmxRequest() {
    assertThat(Htmx.isHtmx(headers("HX-Request", "false"))).isFalse();
    assertThat(Htmx.isHtmx(headers("HX-Request", ""))).isFalse();
    assertThat(Htmx.wantsPartial(headers("HX-Request", "1"))).isFalse();
  }

  @Test
  void historyRestoreGetsTheWholePage() {
    UnaryOperator<String> restore =
        headers("HX-Request", "true", "HX-History-Restore-Request", "true");

    assertThat(Htmx.isHtmx(restore)).isTrue();
    assertThat(Htmx.wantsPartial(restore)).isFalse();
  }

  @Test
  void boostedNavigationGetsTheWholePage() {
    UnaryOperator<String> boosted = headers("HX-Request", "true", "HX-Boosted", "true");

    assertThat(Htmx.isHtmx(boosted)).isTrue();
    assertThat(Htmx.wantsPartial(boosted)).isFalse();
  }

  @Test
  void partialPlusViewSelectsTheFragmentOnlyForAPlainHtmxSwap() {
    View view = View.page("servers/list", "table");

    assertThat(view.selector(Htmx.wantsPartial(headers("HX-Request", "true")))).isEqualTo("table");
    assertThat(
            view.selector(Htmx.wantsPartial(headers("HX-Request", "true", "HX-Boosted", "true"))))
        .isNull();
  }
}
