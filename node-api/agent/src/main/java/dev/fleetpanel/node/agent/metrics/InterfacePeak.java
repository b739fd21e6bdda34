package dev.fleetpanel.node.agent.metrics;

/**
 * Rates of one interface over the window between two polls, in bytes/s: the highest rate of a
 * single sampling interval (about 1 s; the seed's {@code rx_peak_per_sec} / {@code
 * tx_peak_per_sec}) and the average over the whole window.
 */
public record InterfacePeak(
    double rxPeakPerSec, double txPeakPerSec, double rxAvgPerSec, double txAvgPerSec) {}
