package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.EntryParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A direction's temporary entries that live longer than {@link #LONG_SECONDS}, with their expiry
 * (epoch seconds), kept on disk: they come back after a restart with the time they have left, and
 * those beyond the kernel's longest timeout ({@link BlocklistApi#KERNEL_MAX_TIMEOUT}, about 24.8
 * days) are re-armed until their real expiry. Shorter ones live in the kernel only, as in the seed.
 * At most {@link #MAX_ENTRIES} per direction, so the record stays small in memory.
 */
final class LongTemporaryEntries {

  static final int LONG_SECONDS = 3600;
  static final int MAX_ENTRIES = 10_000;

  private final Path file;
  private final Map<String, Long> expiries = new TreeMap<>();

  /** Whether the entries differ from what the file was last read or written with. */
  private boolean dirty;

  LongTemporaryEntries(Path file) {
    this.file = file;
  }

  /** Reads the file (lines {@code <entry> <expiry>}); unreadable lines are dropped. */
  void load() throws IOException {
    expiries.clear();
    dirty = false;
    Optional<BufferedReader> reader = StateDir.open(file);
    if (reader.isEmpty()) {
      return;
    }
    EntryParser parser = new EntryParser();
    try (BufferedReader lines = reader.get()) {
      for (String line; (line = lines.readLine()) != null; ) {
        String[] words = line.split(" ");
        if (words.length == 2 && parser.parse(words[0]) && words[1].matches("\\d{1,12}")) {
          expiries.put(words[0], Long.parseLong(words[1]));
        }
      }
    }
  }

  int size() {
    return expiries.size();
  }

  void put(String entry, long expiresAt) {
    Long before = expiries.put(entry, expiresAt);
    dirty |= before == null || before != expiresAt;
  }

  void remove(String entry) {
    dirty |= expiries.remove(entry) != null;
  }

  void clear() {
    dirty |= !expiries.isEmpty();
    expiries.clear();
  }

  /** Keeps only the entries {@code list} holds. */
  void retain(PackedList list) {
    EntryParser parser = new EntryParser();
    dirty |=
        expiries
            .keySet()
            .removeIf(
                entry ->
                    !parser.parse(entry)
                        || !list.contains(
                            parser.ipv6(), parser.hi(), parser.lo(), parser.prefix()));
  }

  /**
   * Drops the expired entries and answers the others with the kernel timeout to set now: the time
   * they have left, at most the kernel's longest.
   */
  Map<String, Integer> due(long now) {
    Map<String, Integer> due = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> entry = it.next();
      long left = entry.getValue() - now;
      if (left <= 0) {
        it.remove();
        dirty = true;
      } else {
        due.put(entry.getKey(), (int) Math.min(left, BlocklistApi.KERNEL_MAX_TIMEOUT));
      }
    }
    return due;
  }

  /** Writes the file, when the entries changed since it was last read or written. */
  void save() throws IOException {
    if (!dirty) {
      return;
    }
    try (StateDir.Replacement next = StateDir.replace(file)) {
      for (Map.Entry<String, Long> entry : expiries.entrySet()) {
        next.writer().append(entry.getKey()).append(' ').append(Long.toString(entry.getValue()));
        next.writer().append('\n');
      }
      next.commit();
    }
    dirty = false;
  }
}
