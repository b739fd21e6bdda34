/** The audit log: every change made through the panel, with who, when and from which IP. */
package dev.fleetpanel.panel.audit;
