/** UI texts in English and Russian, and the per-user language choice. */
package dev.fleetpanel.panel.platform.i18n;
