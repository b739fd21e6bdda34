package dev.fleetpanel.panel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void constantTimeEqualsComparesContent() {
    assertThat(Secrets.constantTimeEquals("abc123", new String("abc123"))).isTrue();
    assertThat(Secrets.constantTimeEquals("abc123", "abc124")).isFalse();
    assertThat(Secrets.constantTimeEquals("abc123", "abc1234")).isFalse();
    assertThat(Secrets.constantTimeEquals("abc123", "ABC123")).isFalse();
    assertThat(Secrets.constantTimeEquals("", "")).isTrue();
    assertThat(Secrets.constantTimeEquals("ключ", "ключ")).isTrue();
  }

  @Test
  void constantTimeEqualsNeverMatchesAMissingValue() {
    assertThat(Secrets.constantTimeEquals(null, null)).isFalse();
    assertThat(Secrets.constantTimeEquals(null, "")).isFalse();
    assertThat(Secrets.constantTimeEquals("", null)).isFalse();
    assertThat(Secrets.constantTimeEquals("token", null)).isFalse();
  }

  @Test
  void randomHexHasTwoLowercaseHexCharactersPerByte() {
    assertThat(Secrets.randomHex(16)).hasSize(32).matches("[0-9a-f]{32}");
    assertThat(Secrets.randomHex(1)).hasSize(2).matches("[0-9a-f]{2}");
    assertThat(Secrets.randomHex(0)).isEmpty();
  }

  @Test
  void randomHexDiffersEachTime() {
    assertThat(Secrets.randomHex(16)).isNotEqualTo(Secrets.randomHex(16));
  }

  @Test
  void sha256HexIsTheKnownDigest() {
    assertThat(Secrets.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
