package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.agent.firewall.IpsetHeader;
import dev.fleetpanel.node.agent.firewall.IpsetSpec;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.EntryText;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.SetVersion;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A direction's permanent list: its file ({@link ListFile}) is what the kernel's two sets must
 * hold, and survives a reboot. The file is mapped, and its version and counts kept; before each use
 * the kernel's counts are compared with them ({@link #matchesKernel}), and a kernel that differs (a
 * set flushed or edited by hand) gets the file's content back.
 *
 * <p>A damaged file is moved aside (the kernel's content becomes the list, and its version tells
 * the panel to send the list again) rather than keeping the whole blocklist from starting.
 *
 * <p>A full replace fills staging sets created with the live sets' options, by one streamed {@code
 * ipset restore} that ends by swapping them with the live sets and destroying them, so the live
 * sets go from the old list to the new one at once and are never half-filled. An in-place change
 * runs in the order of {@link InPlaceChange}. The file is replaced only once the kernel took the
 * change.
 */
final class PermanentList {

  private static final System.Logger LOG = System.getLogger(PermanentList.class.getName());

  /** The list's version and per-family counts. */
  record Snapshot(String version, long ipv4Count, long ipv6Count) {
    long size() {
      return ipv4Count + ipv6Count;
    }
  }

  private final Direction direction;
  private final SetLayout layout;
  private final KernelSets kernel;
  private final Path file;
  private final Path scratch;

  /** A full list that changes at most one entry in this many is applied in place. */
  static final int IN_PLACE_SHARE = 4;

  private PackedList content = PackedList.EMPTY;
  private Snapshot snapshot = new Snapshot(SetVersion.EMPTY, 0, 0);

  PermanentList(Direction direction, SetLayout layout, KernelSets kernel, StateDir state) {
    this.direction = direction;
    this.layout = layout;
    this.kernel = kernel;
    this.file = state.permanent(direction);
    this.scratch = state.scratch();
  }

  Snapshot snapshot() {
    return snapshot;
  }

  /** The entries, sorted (mapped from the file). */
  PackedList content() {
    return content;
  }

  /**
   * Puts the file's content into the kernel (after a reboot the sets are empty). Without a file
   * (first start) the kernel's content becomes the file's, so lists left by an earlier agent of the
   * same set names are kept.
   */
  void restore() throws CommandFailedException, IOException {
    Optional<ListFile.Stored> stored;
    try {
      stored = ListFile.read(file);
    } catch (CorruptListException e) {
      Path aside =
          file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
      Files.move(file, aside);
      LOG.log(
          Level.ERROR,
          e.getMessage()
              + "; moved to "
              + aside
              + ", the list is what the kernel holds until the"
              + " panel sends it again");
      stored = Optional.empty();
    }
    if (stored.isEmpty()) {
      adoptKernel();
      return;
    }
    PackedList entries = stored.get().entries();
    Snapshot staged = stage(entries.cursor(), entries.size(), null);
    if (!staged.version().equals(stored.get().version())) {
      LOG.log(
          Level.WARNING,
          file
              + " holds a list whose version is not the one it was written with; it is used as it is");
    }
    content = entries;
    snapshot = staged;
  }

  /** Whether the kernel's sets exist and hold as many entries as the list. */
  boolean matchesKernel() throws CommandFailedException {
    Optional<IpsetHeader> ipv4 = kernel.header(live(false).name());
    Optional<IpsetHeader> ipv6 = kernel.header(live(true).name());
    return ipv4.isPresent()
        && ipv6.isPresent()
        && ipv4.get().entries() == snapshot.ipv4Count()
        && ipv6.get().entries() == snapshot.ipv6Count();
  }

  /**
   * Replaces the whole list with {@code desired}: nothing to do when it is the same list; in place
   * when few entries change (at most a quarter of the list, see {@link #IN_PLACE_SHARE}), which
   * costs the kernel only the difference; otherwise through the staging sets (at once when the
   * sizes alone differ by more than that, as on a first sync).
   */
  Outcome replace(PackedList desired) throws CommandFailedException, IOException {
    long largest = Math.max(desired.size(), snapshot.size());
    if (Math.abs(desired.size() - snapshot.size()) * IN_PLACE_SHARE > largest) {
      return staged(desired);
    }
    DesiredCursor diff = new DesiredCursor(desired.cursor(), content.cursor()).drain();
    long changes = diff.added() + diff.removed();
    if (changes == 0) {
      return new Outcome(snapshot.version(), snapshot.size(), 0, 0, 0);
    }
    if (changes * IN_PLACE_SHARE <= largest) {
      try {
        return changeTo(desired);
      } catch (TooManyEntriesException full) {
        // Adding first would overflow a full set on the way: the staging sets have room.
      }
    }
    return staged(desired);
  }

  /** The difference between {@code desired} and the list, applied in place. */
  private Outcome changeTo(PackedList desired) throws CommandFailedException, IOException {
    Difference difference = Difference.between(desired, content, layout.maxEntries(), scratch);
    return change(difference.additions(), difference.removals());
  }

  private Outcome staged(PackedList desired) throws CommandFailedException, IOException {
    try (ListFile.Writer next = new ListFile.Writer(file)) {
      DesiredCursor diff = new DesiredCursor(desired.cursor(), content.cursor());
      Snapshot after = stage(diff, desired.size(), next);
      next.commit(after.version());
      reopen(after);
      return new Outcome(after.version(), after.size(), diff.added(), diff.removed(), 0);
    }
  }

  /** Adds and removes entries in place, in the order of {@link InPlaceChange}. */
  Outcome change(PackedList additions, PackedList removals)
      throws CommandFailedException, IOException {
    try (ListFile.Writer next = new ListFile.Writer(file)) {
      SetVersion.Hasher hasher = SetVersion.hasher();
      DeltaWalk after = DeltaWalk.run(content, additions, removals, hasher, next);
      InPlaceChange change = new InPlaceChange(additions, removals);
      for (boolean ipv6 : new boolean[] {false, true}) {
        long before = ipv6 ? snapshot.ipv6Count() : snapshot.ipv4Count();
        long fullest = change.peak(ipv6, before, after.added(ipv6), content);
        if (Math.max(fullest, after.kept(ipv6)) > layout.maxEntries()) {
          throw new TooManyEntriesException(layout.maxEntries());
        }
      }
      Snapshot changed = new Snapshot(hasher.finish(), after.kept(false), after.kept(true));
      if (after.added() + after.removed() > 0) {
        InPlaceChange.Sets sets = new InPlaceChange.Sets(live(false).name(), live(true).name(), 0);
        kernel.restore(additions.size() + removals.size(), script -> change.write(script, sets));
        next.commit(changed.version());
        reopen(changed);
      } else {
        // The same list: the file stays as it is (the unfinished copy is discarded on close).
        snapshot = changed;
      }
      return new Outcome(changed.version(), changed.size(), after.added(), after.removed(), 0);
    }
  }

  private void reopen(Snapshot written) throws IOException {
    content = ListFile.read(file).map(ListFile.Stored::entries).orElse(PackedList.EMPTY);
    snapshot = written;
  }

  private IpsetSpec live(boolean ipv6) {
    return layout.live(direction, ListKind.PERMANENT, ipv6);
  }

  /** The kernel's current content becomes the file's. */
  private void adoptKernel() throws CommandFailedException, IOException {
    PackedListBuilder builder = PackedList.builder(2 * layout.maxEntries(), scratch);
    kernel.load(live(false).name(), builder);
    kernel.load(live(true).name(), builder);
    PackedList present = builder.build();
    SetVersion.Hasher hasher = SetVersion.hasher();
    try (ListFile.Writer next = new ListFile.Writer(file)) {
      EntryCursor entries = present.cursor();
      while (entries.next()) {
        Canonical.hash(hasher, entries);
        next.add(entries);
      }
      Snapshot adopted = new Snapshot(hasher.finish(), present.ipv4Count(), present.ipv6Count());
      next.commit(adopted.version());
      reopen(adopted);
    }
  }

  /**
   * Streams {@code entries} into fresh staging sets and swaps them in, copying each entry to {@code
   * copy} when given. On any failure the staging sets are destroyed and the live ones are as they
   * were.
   */
  private Snapshot stage(EntryCursor entries, long expected, ListFile.Writer copy)
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
            byte[] text = new byte[EntryText.MAX_BYTES];
            while (entries.next()) {
              Canonical.hash(hasher, entries);
              int length = Canonical.bytes(entries, text);
              script.add(entries.ipv6() ? staging6.name() : staging4.name(), text, length, 0);
              if (copy != null) {
                copy.add(entries);
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
