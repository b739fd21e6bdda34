package dev.fleetpanel.node.agent.metrics;

import java.util.OptionalInt;

/**
 * The load averages from {@code /proc/loadavg}: the mean number of tasks running or waiting
 * (runnable or in uninterruptible sleep) over 1, 5 and 15 minutes, not divided by the core count.
 *
 * @param one over the last minute
 * @param five over the last 5 minutes
 * @param fifteen over the last 15 minutes
 * @param runnableTasks tasks runnable right now, when the file reports it
 * @param totalTasks tasks (threads) that exist right now, when the file reports it
 */
public record LoadAvg(
    double one, double five, double fifteen, OptionalInt runnableTasks, OptionalInt totalTasks) {}
