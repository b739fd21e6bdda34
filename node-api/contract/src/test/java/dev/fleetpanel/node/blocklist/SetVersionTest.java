package dev.fleetpanel.node.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SetVersionTest {

  /** {@code printf '1.2.3.0/24\n1.2.3.4\n8.8.8.8\n2a00:1::/32\n2a00:1::1\n' | sha256sum}. */
  private static final String GOLDEN =
      "e8011df910c4866b9b7fd41a8eb5ed7990ae78b6adf6f432c785a643f8d50241";

  @Test
  void versionIsTheSha256OfTheSortedCanonicalLines() {
    assertThat(
            SetVersion.of(List.of("8.8.8.8", "2a00:1::1", "1.2.3.4", "1.2.3.0/24", "2a00:1::/32")))
        .isEqualTo(GOLDEN);
  }

  @Test
  void orderSpellingAndDuplicatesDoNotMatter() {
    assertThat(
            SetVersion.of(
                List.of(
                    "2a00:0001:0:0::1/128",
                    "1.2.3.9/24",
                    "8.8.8.8/32",
                    "1.2.3.4",
                    "8.8.8.8",
                    "2a00:1:ffff::/32")))
        .isEqualTo(GOLDEN);
  }

  @Test
  void emptyListHasTheEmptyHash() {
    assertThat(SetVersion.of(List.of()))
        .isEqualTo(SetVersion.EMPTY)
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void anyDifferenceChangesTheVersion() {
    assertThat(SetVersion.of(List.of("1.2.3.4"))).isNotEqualTo(SetVersion.of(List.of("1.2.3.5")));
    assertThat(SetVersion.of(List.of("1.2.3.0/24")))
        .isNotEqualTo(SetVersion.of(List.of("1.2.3.0/25")));
  }

  @Test
  void hasherRefusesEntriesOutOfOrderOrTwice() {
    SetVersion.Hasher hasher = SetVersion.hasher();
    hasher.addIpv4(0x01020304L, 32);

    assertThatThrownBy(() -> hasher.addIpv4(0x01020304L, 32))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> hasher.addIpv4(0x01020303L, 32))
        .isInstanceOf(IllegalStateException.class);
    hasher.addIpv6(0x2a00_0001_0000_0000L, 1, 128);
    assertThatThrownBy(() -> hasher.addIpv4(0x09090909L, 32))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void invalidTextIsNamed() {
    assertThatThrownBy(() -> SetVersion.of(List.of("1.2.3.4", "bogus")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bogus");
  }

  @Test
  void aLargeListHashesAcrossBufferBoundaries() {
    SetVersion.Hasher streamed = SetVersion.hasher();
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (long a = 0x0B000000L; a < 0x0B000000L + 20_000; a++) {
      streamed.addIpv4(a, 32);
      texts.add(EntryText.appendIpv4(new StringBuilder(), a, 32).toString());
    }

    assertThat(streamed.count()).isEqualTo(20_000);
    assertThat(streamed.finish()).isEqualTo(SetVersion.of(texts));
  }
}
