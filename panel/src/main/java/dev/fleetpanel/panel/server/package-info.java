/** The fleet's servers and folders: adding, editing, ordering, enabling and removing them. */
package dev.fleetpanel.panel.server;
