package dev.fleetpanel.node.agent.api;

import jakarta.json.Json;

/** The agent's error document, {@code {"error": "..."}}, for every status it answers with. */
public final class ErrorBody {

  private ErrorBody() {}

  public static String json(String message) {
    return Json.createObjectBuilder().add("error", message).build().toString();
  }
}
