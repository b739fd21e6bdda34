/** The audit log page. */
package dev.fleetpanel.panel.audit.web;
