/**
 * Enrolment: the {@code enroll <token>} command that trades a single-use token for the node's
 * certificate, and the files it leaves for serving.
 */
package dev.fleetpanel.node.agent.enrol;
