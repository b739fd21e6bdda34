package dev.fleetpanel.node.agent.metrics;

/** Per-second rates of one interface over one interval: bytes/s and packets/s, never negative. */
public record InterfaceRate(
    double rxBytesPerSec, double txBytesPerSec, double rxPacketsPerSec, double txPacketsPerSec) {}
