package dev.fleetpanel.panel.blocklist.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkListFileTest {

  @TempDir Path dir;

  static NetworkList sample() {
    NetworkListBuilder builder = NetworkList.builder();
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      builder.addIpv4(random.nextLong() & 0xFFFF_FFFFL, 16 + random.nextInt(17));
    }
    for (int i = 0; i < 3_000; i++) {
      builder.addIpv6(random.nextLong(), random.nextLong(), 32 + random.nextInt(97));
    }
    builder.addIpv4Range(0xFFFF_FF00L, 0xFFFF_FFFFL).addIpv6Range(-1L, -256, -1L, -1L);
    return builder.build();
  }

  @Test
  void aListComesBackAsItWasWritten() throws IOException {
    NetworkList list = sample();
    Path file = dir.resolve("lists/source-1.bin");
    list.writeTo(file);
    NetworkList read = NetworkList.readFrom(file);
    assertThat(read).isEqualTo(list);
    assertThat(read.size()).isEqualTo(list.size());
    assertThat(read.contentHash()).isEqualTo(list.contentHash());
    assertThat(NetworkListTest.entries(read)).isEqualTo(NetworkListTest.entries(list));
    assertThat(Files.size(file))
        .isEqualTo(
            NetworkListFile.HEADER
                + 8L * list.ipv4Intervals().length
                + 8L * list.ipv6Intervals().length
                + 4);
  }

  @Test
  void theEmptyListToo() throws IOException {
    Path file = dir.resolve("empty.bin");
    NetworkList.EMPTY.writeTo(file);
    assertThat(NetworkList.readFrom(file)).isEqualTo(NetworkList.EMPTY);
    assertThat(NetworkList.readFrom(file).contentHash()).isEqualTo(NetworkList.EMPTY.contentHash());
  }

  @Test
  void aWriteReplacesTheFileAndLeavesNothingBeside() throws IOException {
    Path file = dir.resolve("sent.bin");
    NetworkList.of(List.of("11.1.1.1")).writeTo(file);
    NetworkList.of(List.of("11.2.2.2")).writeTo(file);
    assertThat(NetworkListTest.entries(NetworkList.readFrom(file))).containsExactly("11.2.2.2");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aMissingFileIsNotCorrupt() {
    assertThatThrownBy(() -> NetworkList.readFrom(dir.resolve("none.bin")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aTruncatedFileIsRefused() throws IOException {
    Path file = written();
    byte[] bytes = Files.readAllBytes(file);
    for (int length :
        new int[] {0, 7, NetworkListFile.HEADER, bytes.length / 2, bytes.length - 1}) {
      Files.write(file, Arrays.copyOf(bytes, length));
      assertThatThrownBy(() -> NetworkList.readFrom(file))
          .as("%d of %d bytes", length, bytes.length)
          .isInstanceOf(CorruptListFileException.class)
          .hasMessageStartingWith(file + ": not a usable network list file: ");
    }
    Files.write(file, Arrays.copyOf(bytes, bytes.length + 8));
    assertThatThrownBy(() -> NetworkList.readFrom(file))
        .isInstanceOf(CorruptListFileException.class)
        .hasMessageContaining("truncated or damaged");
  }

  @Test
  void anyChangedByteIsFound() throws IOException {
    Path file = written();
    byte[] bytes = Files.readAllBytes(file);
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      byte[] damaged = bytes.clone();
      int at = random.nextInt(bytes.length);
      damaged[at] ^= (byte) (1 << random.nextInt(8));
      Files.write(file, damaged);
      assertThatThrownBy(() -> NetworkList.readFrom(file))
          .as("bit flipped at byte %d", at)
          .isInstanceOf(CorruptListFileException.class);
    }
  }

  @Test
  void somethingElseIsRefused() throws IOException {
    Path file = dir.resolve("other.bin");
    Files.writeString(file, "1.2.3.4\n5.6.7.8\n".repeat(20));
    assertThatThrownBy(() -> NetworkList.readFrom(file))
        .isInstanceOf(CorruptListFileException.class)
        .hasMessageContaining("does not start with FPNLv001");
  }

  @Test
  void intervalsOutOfOrderAreRefusedEvenWithAGoodChecksum() throws IOException {
    NetworkList list = NetworkList.of(List.of("11.1.1.1", "11.1.1.3"));
    Path file = dir.resolve("order.bin");
    list.writeTo(file);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long first = buffer.getLong(NetworkListFile.HEADER);
    long second = buffer.getLong(NetworkListFile.HEADER + 8);
    buffer.putLong(NetworkListFile.HEADER, second);
    buffer.putLong(NetworkListFile.HEADER + 8, first);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    buffer.putInt(bytes.length - 4, (int) crc.getValue());
    Files.write(file, bytes);
    assertThatThrownBy(() -> NetworkList.readFrom(file))
        .isInstanceOf(CorruptListFileException.class)
        .hasMessageContaining("IPv4 interval 1 is out of order");
  }

  private Path written() throws IOException {
    Path file = dir.resolve("list.bin");
    NetworkList.of(List.of("11.1.1.1", "11.1.2.0/24", "2a00::/64", "2a01::1")).writeTo(file);
    return file;
  }
}
