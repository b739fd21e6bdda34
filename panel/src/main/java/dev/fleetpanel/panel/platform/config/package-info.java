/** The panel's environment variables, read and validated once at start-up. */
package dev.fleetpanel.panel.platform.config;
