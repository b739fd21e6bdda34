/** The Servers page (htmx) and the seed's {@code api/servers} JSON endpoints. */
package dev.fleetpanel.panel.server.web;
