/** The collection's HTTP side: latest sample, history, collector status and settings. */
package dev.fleetpanel.panel.metrics.web;
