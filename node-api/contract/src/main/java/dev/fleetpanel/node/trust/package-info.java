/**
 * Mutual-TLS trust between the panel and its node agents: the two issuers (node servers, panel
 * client), node enrolment (single-use token, CSR made on the node, HMAC proof), certificate
 * revocation, and the {@link javax.net.ssl.SSLContext}s both sides build from PEM material. Pure
 * library code: no HTTP, no storage.
 */
package dev.fleetpanel.node.trust;
