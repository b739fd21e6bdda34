package dev.fleetpanel.node.agent.enrol;

/** Enrolment did not happen; the message says why and what to do, for the person at the console. */
public final class EnrolmentException extends Exception {

  public EnrolmentException(String message) {
    super(message);
  }

  public EnrolmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
