/**
 * Trust between the panel and its nodes: the panel's two issuers and client identity, single-use
 * enrolment tokens, and the node certificates issued from the nodes' CSRs (revoked when a server is
 * removed).
 */
package dev.fleetpanel.panel.node;
