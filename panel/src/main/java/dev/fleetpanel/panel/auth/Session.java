package dev.fleetpanel.panel.auth;

import java.time.Instant;

/**
 * A signed-in browser session as carried in its JWT.
 *
 * @param id random session id (revoked on logout)
 * @param authTime when the password was entered; the absolute expiry counts from here
 * @param expiresAt the idle expiry, never later than the absolute one
 * @param tokenVersion the panel's token version when issued; a password change bumps it
 */
public record Session(
    String id, Instant authTime, Instant issuedAt, Instant expiresAt, long tokenVersion) {}
