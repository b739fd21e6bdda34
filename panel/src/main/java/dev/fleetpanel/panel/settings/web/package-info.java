/** The Settings page: API tokens for scripts and the admin password. */
package dev.fleetpanel.panel.settings.web;
