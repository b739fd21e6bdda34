/** Cross-cutting code: configuration, persistence, web plumbing, i18n, and the composition root. */
package dev.fleetpanel.panel.platform;
