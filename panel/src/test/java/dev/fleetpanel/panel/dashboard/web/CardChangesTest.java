package dev.fleetpanel.panel.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardChangesTest {
  private final CardChanges changes = new CardChanges();

  @Test
  void onlyCardsThatRenderDifferentlySinceTheTokenAreSent() {
    CardRow a = DashboardTemplateTest.online(1, "a", "1.0 %");
    CardRow b = DashboardTemplateTest.online(2, "b", "2.0 %");
    String first = changes.observe(List.of(a, b)).toString();

    CardRow b2 = DashboardTemplateTest.online(2, "b", "2.5 %");
    List<CardRow> now = List.of(a, b2);
    String second = changes.observe(now).toString();

    assertThat(changes.changedSince(now, first)).containsExactly(b2);
    assertThat(changes.changedSince(now, second)).isEmpty();
    assertThat(changes.observe(now).toString()).as("nothing changed: same token").isEqualTo(second);
  }

  @Test
  void aTokenFromAnotherStartOrGarbageGetsEveryCard() {
    List<CardRow> rows = List.of(DashboardTemplateTest.online(1, "a", "1.0 %"));
    String token = changes.observe(rows).toString();
    String epoch = token.substring(0, token.indexOf('.'));

    String other = epoch.equals("00000000") ? "11111111" : "00000000";
    assertThat(changes.changedSince(rows, other + ".99")).hasSize(1);
    assertThat(changes.changedSince(rows, null)).hasSize(1);
    assertThat(changes.changedSince(rows, "garbage")).hasSize(1);
    assertThat(changes.changedSince(rows, epoch + ".x")).hasSize(1);
    assertThat(new CardChanges().changedSince(rows, token)).as("after a restart").hasSize(1);
  }

  @Test
  void aCardBrowsersHaveNotSeenBeforeIsSent() {
    String token =
        changes.observe(List.of(DashboardTemplateTest.online(1, "a", "1.0 %"))).toString();
    List<CardRow> more =
        List.of(
            DashboardTemplateTest.online(1, "a", "1.0 %"),
            DashboardTemplateTest.online(9, "new", "0.0 %"));
    changes.observe(more);

    assertThat(changes.changedSince(more, token)).extracting(CardRow::id).containsExactly(9L);
  }
}
