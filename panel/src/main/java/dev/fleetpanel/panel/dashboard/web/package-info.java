/**
 * The dashboard page, its htmx refresh (only the cards that changed since the browser's last
 * refresh) and the drag-and-drop order; the server details page with its history charts and the
 * node's live state.
 */
package dev.fleetpanel.panel.dashboard.web;
