package dev.fleetpanel.node.agent.exec;

/** A command that could not start, ended with an unexpected status or ran past its deadline. */
public final class CommandFailedException extends Exception {

  private final transient CommandResult result;

  public CommandFailedException(String message, CommandResult result) {
    super(message);
    this.result = result;
  }

  public CommandFailedException(CommandResult result) {
    this(result.describe(), result);
  }

  /** How it ended; null when it never started. */
  public CommandResult result() {
    return result;
  }
}
