/** IP networks and client addresses, parsed without DNS lookups. */
package dev.fleetpanel.panel.platform.net;
