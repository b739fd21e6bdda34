/**
 * Connection pool, Flyway migrations, the JPA unit, transactions and the SQL dialect (PostgreSQL or
 * dev H2).
 */
package dev.fleetpanel.panel.platform.persistence;
