package dev.fleetpanel.node.agent.metrics;

import java.time.Instant;
import java.util.Optional;

/**
 * Facts about the host for the contract's {@code system} section. Each field comes from its own
 * file and is empty when that file is missing or unusable.
 *
 * @param hostname the kernel's host name ({@code proc/sys/kernel/hostname})
 * @param os the distribution's display name ({@code PRETTY_NAME} of {@code etc/os-release})
 * @param kernel the kernel release, such as {@code 6.8.0-45-generic} ({@code
 *     proc/sys/kernel/osrelease})
 * @param bootId a random UUID the kernel picks at every boot, lower case ({@code
 *     proc/sys/kernel/random/boot_id}); a new value means the host rebooted
 * @param uptime time since boot ({@code proc/uptime})
 * @param bootTime when the host booted, UTC ({@code btime} of {@code proc/stat})
 */
public record SystemInfo(
    Optional<String> hostname,
    Optional<String> os,
    Optional<String> kernel,
    Optional<String> bootId,
    Optional<Uptime> uptime,
    Optional<Instant> bootTime) {}
