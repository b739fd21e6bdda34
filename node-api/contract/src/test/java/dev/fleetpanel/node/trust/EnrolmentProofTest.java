package dev.fleetpanel.node.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnrolmentProofTest {

  private final EnrolmentToken token =
      EnrolmentToken.issue(
          URI.create("https://panel.example.net/p/"), "ab".repeat(32), Instant.now());
  private final byte[] csr = CsrFactory.create().csrDer();

  @Test
  void proofOverTheCsrVerifiesWithTheTokenSecret() {
    byte[] proof = EnrolmentProof.compute(token, csr);

    assertThat(proof).hasSize(32);
    assertThat(EnrolmentProof.verify(token.secret(), csr, proof)).isTrue();
  }

  @Test
  void proofFailsForAnotherSecret() {
    EnrolmentToken other =
        EnrolmentToken.issue(
            URI.create("https://panel.example.net/p/"), "ab".repeat(32), Instant.now());

    assertThat(EnrolmentProof.verify(other.secret(), csr, EnrolmentProof.compute(token, csr)))
        .isFalse();
  }

  @Test
  void proofFailsForAnAlteredCsrOrProof() {
    byte[] proof = EnrolmentProof.compute(token, csr);
    byte[] altered = csr.clone();
    altered[altered.length / 2] ^= 0x01;
    byte[] badProof = proof.clone();
    badProof[0] ^= 0x01;

    assertThat(EnrolmentProof.verify(token.secret(), altered, proof)).isFalse();
    assertThat(EnrolmentProof.verify(token.secret(), csr, badProof)).isFalse();
    assertThat(EnrolmentProof.verify(token.secret(), csr, new byte[0])).isFalse();
    assertThat(EnrolmentProof.verify(token.secret(), csr, null)).isFalse();
  }
}
