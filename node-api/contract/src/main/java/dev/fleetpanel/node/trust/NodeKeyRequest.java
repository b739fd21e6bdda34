package dev.fleetpanel.node.trust;

import java.security.PrivateKey;
import java.util.Arrays;

/**
 * The node's new private key (kept on the node) and the DER CSR for it (sent to the panel). {@link
 * #toString()} never shows the key.
 */
public record NodeKeyRequest(PrivateKey privateKey, byte[] csrDer) {

  public NodeKeyRequest {
    csrDer = csrDer.clone();
  }

  @Override
  public byte[] csrDer() {
    return csrDer.clone();
  }

  public String csrPem() {
    return Pem.csr(csrDer);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeKeyRequest that
        && privateKey.equals(that.privateKey)
        && Arrays.equals(csrDer, that.csrDer);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(csrDer);
  }

  @Override
  public String toString() {
    return "NodeKeyRequest[csr " + csrDer.length + " bytes]";
  }
}
