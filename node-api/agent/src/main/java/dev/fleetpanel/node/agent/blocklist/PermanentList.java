package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.agent.firewall.IpsetHeader;
import dev.fleetpanel.node.agent.firewall.IpsetSpec;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.SetVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A direction's permanent list: its file ({@link StateDir}) is what the kernel's two sets must
 * hold, and survives a reboot. The file's version and counts are kept in memory; before each use
 * the kernel's counts are compared with them ({@link #matchesKernel}), and a kernel that differs (a
 * set flushed or edited by hand) gets the file's content back.
 *
 * <p>A full replace fills staging sets created with the live sets' options, by one streamed {@code
 * ipset restore} that ends by swapping them with the live sets and destroying them, so the live
 * sets go from the old list to the new one at once and are never half-filled. An in-place change
 * adds before it removes. The file is replaced only once the kernel took the change.
 */
final class PermanentList {

  /** The file's version and per-family counts. */
  record Snapshot(String version, long ipv4Count, long ipv6Count) {
    long size() {
      return ipv4Count + ipv6Count;
    }
  }

  private final Direction direction;
  private final SetLayout layout;
  private final KernelSets kernel;
  private final Path file;
  private Snapshot snapshot;

  PermanentList(Direction direction, SetLayout layout, KernelSets kernel, StateDir state) {
    this.direction = direction;
    this.layout = layout;
    this.kernel = kernel;
    this.file = state.permanent(direction);
  }

  /** The file's version and counts (the kernel's too, once {@link #restore} ran). */
  Snapshot snapshot() {
    return snapshot;
  }

  /**
   * Puts the file's content into the kernel (after a reboot the sets are empty). Without a file
   * (first start) the kernel's content becomes the file's, so lists left by an earlier agent of the
   * same set names are kept.
   */
  void restore() throws CommandFailedException, IOException {
    Optional<BufferedReader> reader = StateDir.open(file);
    if (reader.isEmpty()) {
      adoptKernel();
      return;
    }
    try (TextCursor entries = new TextCursor(reader.get(), file.toString())) {
      snapshot = stage(entries, layout.maxEntries(), null);
    }
  }

  /** Whether the kernel's sets exist and hold as many entries as the file. */
  boolean matchesKernel() throws CommandFailedException {
    Optional<IpsetHeader> ipv4 = kernel.header(live(false).name());
    Optional<IpsetHeader> ipv6 = kernel.header(live(true).name());
    return ipv4.isPresent()
        && ipv6.isPresent()
        && ipv4.get().entries() == snapshot.ipv4Count()
        && ipv6.get().entries() == snapshot.ipv6Count();
  }

  /** Replaces the whole list with {@code desired}, through the staging sets. */
  Outcome replace(PackedList desired) throws CommandFailedException, IOException {
    try (TextCursor present = openFile();
        StateDir.Replacement next = StateDir.replace(file)) {
      DesiredCursor diff = new DesiredCursor(desired.cursor(), cursor(present));
      Snapshot after = stage(diff, desired.size(), next.writer());
      next.commit();
      snapshot = after;
      return new Outcome(after.version(), after.size(), diff.added(), diff.removed(), 0);
    }
  }

  /** Adds and removes entries in place: one {@code ipset restore}, additions first. */
  Outcome change(PackedList additions, PackedList removals)
      throws CommandFailedException, IOException {
    try (TextCursor present = openFile();
        StateDir.Replacement next = StateDir.replace(file)) {
      ChangedCursor after =
          new ChangedCursor(cursor(present), additions.cursor(), removals.cursor());
      SetVersion.Hasher hasher = SetVersion.hasher();
      long[] counts = new long[2];
      Writer writer = next.writer();
      while (after.next()) {
        writer.append(Canonical.hash(hasher, after)).append('\n');
        if (++counts[after.ipv6() ? 1 : 0] > layout.maxEntries()) {
          throw new TooManyEntriesException(layout.maxEntries());
        }
      }
      if (after.added() + after.removed() > 0) {
        kernel.restore(
            additions.size() + removals.size(),
            script -> {
              StringBuilder text = new StringBuilder();
              EntryCursor add = additions.cursor();
              while (add.next()) {
                script.add(live(add.ipv6()).name(), Canonical.text(add, text), 0);
              }
              EntryCursor remove = removals.cursor();
              while (remove.next()) {
                script.del(live(remove.ipv6()).name(), Canonical.text(remove, text));
              }
            });
      }
      next.commit();
      snapshot = new Snapshot(hasher.finish(), counts[0], counts[1]);
      return new Outcome(snapshot.version(), snapshot.size(), after.added(), after.removed(), 0);
    }
  }

  /** The file's entries, for listing; the caller closes it. */
  TextCursor openFile() throws IOException {
    Optional<BufferedReader> reader = StateDir.open(file);
    return reader.map(r -> new TextCursor(r, file.toString())).orElse(null);
  }

  private static EntryCursor cursor(TextCursor file) {
    return file != null ? file : PackedList.EMPTY.cursor();
  }

  private IpsetSpec live(boolean ipv6) {
    return layout.live(direction, ListKind.PERMANENT, ipv6);
  }

  /** The kernel's current content becomes the file's. */
  private void adoptKernel() throws CommandFailedException, IOException {
    PackedListBuilder builder = PackedList.builder(2 * layout.maxEntries());
    kernel.load(live(false).name(), builder);
    kernel.load(live(true).name(), builder);
    PackedList present = builder.build();
    SetVersion.Hasher hasher = SetVersion.hasher();
    try (StateDir.Replacement next = StateDir.replace(file)) {
      EntryCursor entries = present.cursor();
      while (entries.next()) {
        next.writer().append(Canonical.hash(hasher, entries)).append('\n');
      }
      next.commit();
    }
    snapshot = new Snapshot(hasher.finish(), present.ipv4Count(), present.ipv6Count());
  }

  /**
   * Streams {@code entries} into fresh staging sets and swaps them in, copying each canonical line
   * to {@code copy} when given. On any failure the staging sets are destroyed and the live ones are
   * as they were.
   */
  private Snapshot stage(EntryCursor entries, long expected, Writer copy)
      throws CommandFailedException, IOException {
    IpsetSpec staging4 = layout.staging(direction, false);
    IpsetSpec staging6 = layout.staging(direction, true);
    kernel.destroyIfExists(staging4.name());
    kernel.destroyIfExists(staging6.name());
    SetVersion.Hasher hasher = SetVersion.hasher();
    long[] counts = new long[2];
    try {
      kernel.restore(
          expected,
          script -> {
            script.create(staging4).create(staging6);
            while (entries.next()) {
              CharSequence text = Canonical.hash(hasher, entries);
              script.add(entries.ipv6() ? staging6.name() : staging4.name(), text, 0);
              if (copy != null) {
                copy.append(text).append('\n');
              }
              if (++counts[entries.ipv6() ? 1 : 0] > layout.maxEntries()) {
                throw new TooManyEntriesException(layout.maxEntries());
              }
            }
            script
                .swap(live(false).name(), staging4.name())
                .swap(live(true).name(), staging6.name())
                .destroy(staging4.name())
                .destroy(staging6.name());
          });
    } catch (CommandFailedException | RuntimeException e) {
      kernel.destroyIfExists(staging4.name());
      kernel.destroyIfExists(staging6.name());
      throw e;
    }
    return new Snapshot(hasher.finish(), counts[0], counts[1]);
  }
}
