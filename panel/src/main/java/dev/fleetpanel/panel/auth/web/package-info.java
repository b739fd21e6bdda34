/** The login page and the seed's {@code api/auth} endpoints. */
package dev.fleetpanel.panel.auth.web;
