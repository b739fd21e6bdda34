package dev.fleetpanel.panel.blocklist.list;

import java.nio.charset.StandardCharsets;

/**
 * A window of a byte array seen as characters (each byte one character, as ISO-8859-1), reused line
 * after line so that {@code EntryParser} reads bytes without a string per line. Bytes of UTF-8
 * characters above ASCII become characters no entry contains, so such text is refused.
 */
final class ByteChars implements CharSequence {

  private byte[] bytes = new byte[0];
  private int start;
  private int length;

  ByteChars set(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.start = start;
    this.length = end - start;
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return (char) (bytes[start + index] & 0xFF);
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    return new String(bytes, start + from, to - from, StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
  }
}
