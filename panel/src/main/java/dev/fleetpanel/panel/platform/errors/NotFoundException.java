package dev.fleetpanel.panel.platform.errors;

/** Something asked for by id does not exist; pages and the API answer 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String what, Object id) {
    super(what + " " + id + " not found");
  }
}
