/**
 * The wire contract between the panel and the node agent, defined once here and used by both sides.
 * The agent itself (endpoints, mutual TLS, enrolment) arrives with the node-agent issue; see {@code
 * node-api/README.md}.
 */
package dev.fleetpanel.node.contract;
