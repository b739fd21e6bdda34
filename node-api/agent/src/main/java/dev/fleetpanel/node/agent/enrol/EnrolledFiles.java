package dev.fleetpanel.node.agent.enrol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The four files enrolment leaves in the agent's directory and serving needs: {@code node.key}
 * (0600), {@code node.crt}, {@code client-issuer.crt} and {@code client.crl} (0644), all PEM. Each
 * is written to a temporary file created with its final permissions, then moved into place
 * atomically, so a reader never sees a half-written or briefly world-readable key.
 *
 * <p>A certificate replacement changes key and certificate together: both are first written as
 * {@code .next} files, the key last (the commit point), then moved into place. {@link
 * #finishReplacement()} at start-up completes a replacement cut off after its commit point and
 * drops one cut off before it, so the pair in place always belongs together.
 */
public record EnrolledFiles(Path dir) {

  public static final String KEY = "node.key";
  public static final String CERTIFICATE = "node.crt";
  public static final String CLIENT_ISSUER = "client-issuer.crt";
  public static final String CLIENT_CRL = "client.crl";
  public static final List<String> ALL = List.of(KEY, CERTIFICATE, CLIENT_ISSUER, CLIENT_CRL);
  static final String NEXT = ".next";

  /** The names of the files that are not there yet (empty when enrolled). */
  public List<String> missing() {
    return ALL.stream().filter(name -> !Files.isRegularFile(dir.resolve(name))).toList();
  }

  public String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  /** Writes all four, creating the directory (0700) if needed. */
  public void write(String keyPem, String certificatePem, String clientIssuerPem, String crlPem)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      try {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException e) {
        throw new IOException(dir + " exists and is not a directory", e);
      }
    }
    writeAtomically(CERTIFICATE, certificatePem, "rw-r--r--");
    writeAtomically(CLIENT_ISSUER, clientIssuerPem, "rw-r--r--");
    writeAtomically(CLIENT_CRL, crlPem, "rw-r--r--");
    writeAtomically(KEY, keyPem, "rw-------");
  }

  /** Replaces the node's key and certificate as one change (see the class comment). */
  public void replaceNodePair(String keyPem, String certificatePem) throws IOException {
    writeAtomically(CERTIFICATE + NEXT, certificatePem, "rw-r--r--");
    writeAtomically(KEY + NEXT, keyPem, "rw-------");
    finishReplacement();
  }

  /**
   * Completes a replacement whose key reached its {@code .next} file, or discards one that did not.
   *
   * @return whether a replacement was completed
   */
  public boolean finishReplacement() throws IOException {
    Path nextKey = dir.resolve(KEY + NEXT);
    Path nextCertificate = dir.resolve(CERTIFICATE + NEXT);
    if (!Files.exists(nextKey)) {
      Files.deleteIfExists(nextCertificate);
      return false;
    }
    if (Files.exists(nextCertificate)) {
      Files.move(nextCertificate, dir.resolve(CERTIFICATE), StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(nextKey, dir.resolve(KEY), StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  private void writeAtomically(String name, String content, String permissions) throws IOException {
    Path temp =
        Files.createTempFile(
            dir,
            "." + name,
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
