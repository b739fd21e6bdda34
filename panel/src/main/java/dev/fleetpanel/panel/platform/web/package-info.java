/**
 * The web side shared by every feature: the secret-path gate, authentication and CSRF filters,
 * Thymeleaf views ({@link dev.fleetpanel.panel.platform.web.View} rendered by one writer), static
 * files and error mapping.
 */
package dev.fleetpanel.panel.platform.web;
