package dev.fleetpanel.node.agent.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something from the machine (root, {@code ip netns}, ipset, iptables, conntrack,
 * socat) skip with a clear message where it is missing, except when {@code
 * FLEETPANEL_REQUIRE_SYSTEM_TESTS=1} (CI), where a missing part fails the test.
 */
public final class SystemTests {

  private SystemTests() {}

  public static boolean required() {
    return "1".equals(System.getenv("FLEETPANEL_REQUIRE_SYSTEM_TESTS"));
  }

  public static void assume(boolean available, String what) {
    if (!available && required()) {
      throw new AssertionError(
          what
              + " is missing and FLEETPANEL_REQUIRE_SYSTEM_TESTS=1; run bin/fleetpanel test as root");
    }
    Assumptions.assumeTrue(
        available, what + " is missing; skipped (bin/fleetpanel test, as root, installs it)");
  }
}
