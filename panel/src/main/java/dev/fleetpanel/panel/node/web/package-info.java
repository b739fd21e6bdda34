/**
 * Enrolment over HTTP: issuing tokens from the Servers page and the API, and the nodes' enrol call.
 */
package dev.fleetpanel.panel.node.web;
