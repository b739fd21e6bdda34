/**
 * The Blocklist page (rules, lists, settings, per-node status) and the seed's blocklist JSON API.
 */
package dev.fleetpanel.panel.blocklist.web;
