package dev.fleetpanel.node.agent.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code /proc/self/mounts} (or {@code /proc/mounts}) into the real filesystems a user would
 * expect in {@code df}: the disk section of the metrics.
 *
 * <ul>
 *   <li>Pseudo and virtual filesystems (proc, sysfs, tmpfs, cgroup, ...) and read-only images
 *       (squashfs, used by snaps) are skipped.
 *   <li>{@code overlay} counts only when it is mounted at {@code /}: that is the root of a
 *       container, the filesystem the user's files live on. Overlays elsewhere (Docker's {@code
 *       .../merged} directories) are container layers that repeat the host disk, so they are
 *       skipped.
 *   <li>Mount points {@code /snap}, {@code /snap/*} and {@code /boot/efi} are skipped, as in the
 *       seed.
 *   <li>Bind mounts repeat their device: for each device only the shortest mount point is kept, at
 *       the position of the device's first line.
 *   <li>Octal escapes in mount points ({@code \040} space, {@code \011} tab, {@code \012} newline,
 *       {@code \134} backslash) are decoded.
 * </ul>
 *
 * Lines with fewer than three fields are ignored. The parser is pure.
 */
public final class MountsParser {
  private static final Set<String> PSEUDO_TYPES =
      Set.of(
          "proc",
          "sysfs",
          "devtmpfs",
          "devpts",
          "tmpfs",
          "ramfs",
          "cgroup",
          "cgroup2",
          "squashfs",
          "autofs",
          "mqueue",
          "debugfs",
          "tracefs",
          "securityfs",
          "pstore",
          "bpf",
          "configfs",
          "fusectl",
          "hugetlbfs",
          "binfmt_misc",
          "nsfs",
          "rpc_pipefs",
          "efivarfs",
          "selinuxfs",
          "nfsd",
          "fuse.lxcfs",
          "fuse.snapfuse",
          "fuse.gvfsd-fuse",
          "fuse.portal");

  private MountsParser() {}

  public static List<MountsEntry> parse(String text) {
    return parse(text.lines().toList());
  }

  public static List<MountsEntry> parse(List<String> lines) {
    Map<String, MountsEntry> byDevice = new LinkedHashMap<>();
    for (String line : lines) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 3) {
        continue;
      }
      MountsEntry entry = new MountsEntry(unescape(fields[0]), unescape(fields[1]), fields[2]);
      if (isReal(entry)) {
        byDevice.merge(entry.device(), entry, MountsParser::shorterMountPoint);
      }
    }
    return new ArrayList<>(byDevice.values());
  }

  static boolean isReal(MountsEntry entry) {
    String type = entry.fsType();
    String point = entry.mountPoint();
    if (PSEUDO_TYPES.contains(type) || !point.startsWith("/")) {
      return false;
    }
    if (type.equals("overlay") && !point.equals("/")) {
      return false;
    }
    return !isUnder(point, "/snap") && !isUnder(point, "/boot/efi");
  }

  private static boolean isUnder(String point, String dir) {
    return point.equals(dir) || point.startsWith(dir + "/");
  }

  private static MountsEntry shorterMountPoint(MountsEntry kept, MountsEntry other) {
    return other.mountPoint().length() < kept.mountPoint().length() ? other : kept;
  }

  /** Decodes the kernel's {@code \ooo} octal escapes; anything else is copied as it is. */
  static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
