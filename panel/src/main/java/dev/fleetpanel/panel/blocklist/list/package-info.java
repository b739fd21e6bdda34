/**
 * The panel's list engine, without I/O beyond files it is given: {@link
 * dev.fleetpanel.panel.blocklist.list.NetworkList}, a merged, compact set of IPv4 and IPv6 networks
 * (union, difference, diff, version, canonical stream, file form), and {@link
 * dev.fleetpanel.panel.blocklist.list.ListParser}, which turns a downloaded or pasted list into
 * one, reporting garbage and refusing non-public networks within size limits.
 */
package dev.fleetpanel.panel.blocklist.list;
