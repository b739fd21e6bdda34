package dev.fleetpanel.node.agent.metrics;

/**
 * One row of the top-process lists.
 *
 * @param pid the process id
 * @param name the command name
 * @param user the owner's user name (or numeric uid)
 * @param status the psutil state name, e.g. {@code running}
 * @param cpuPercent CPU use over the last interval, normalised over all logical cores so the whole
 *     machine is 100 (one of 4 cores fully busy is 25.0); one decimal
 * @param memoryPercent resident memory as a share of {@code MemTotal}, 0..100; two decimals
 * @param rssBytes resident memory in bytes
 */
public record ProcessInfo(
    int pid,
    String name,
    String user,
    String status,
    double cpuPercent,
    double memoryPercent,
    long rssBytes) {}
