/**
 * Errors services raise for the web side to map: refused input (field by field) and missing things.
 */
package dev.fleetpanel.panel.platform.errors;
