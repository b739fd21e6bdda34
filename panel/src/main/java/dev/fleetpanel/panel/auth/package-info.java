/**
 * Signing in and staying signed in: the admin password, session JWTs, login bans, CSRF tokens and
 * API tokens for scripts.
 */
package dev.fleetpanel.panel.auth;
