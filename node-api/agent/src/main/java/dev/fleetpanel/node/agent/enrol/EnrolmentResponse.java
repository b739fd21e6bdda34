package dev.fleetpanel.node.agent.enrol;

import dev.fleetpanel.node.trust.Pem;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;

/**
 * The panel's answer to {@code POST api/nodes/enroll}: {@code {server_id, certificate,
 * client_issuer, client_crl}} (PEM) on 200, {@code {"error": "..."}} otherwise.
 */
record EnrolmentResponse(
    String serverId,
    String certificatePem,
    X509Certificate certificate,
    String clientIssuerPem,
    X509Certificate clientIssuer,
    String clientCrlPem) {

  static EnrolmentResponse parse(HttpResponse<String> response) throws EnrolmentException {
    int status = response.statusCode();
    if (status != 200) {
      throw new EnrolmentException(refusal(status, errorOf(response.body())));
    }
    try {
      JsonObject body = object(response.body());
      String certificate = body.getString("certificate");
      String issuer = body.getString("client_issuer");
      String crl = body.getString("client_crl");
      Pem.parseCrl(crl);
      JsonValue id = body.get("server_id");
      return new EnrolmentResponse(
          id instanceof JsonString s ? s.getString() : String.valueOf(id),
          certificate,
          Pem.parseCertificate(certificate),
          issuer,
          Pem.parseCertificate(issuer),
          crl);
    } catch (JsonException
        | ClassCastException
        | NullPointerException
        | IllegalArgumentException e) {
      throw new EnrolmentException(
          "the panel's answer is not an enrolment result (" + e.getMessage() + ")", e);
    }
  }

  private static String refusal(int status, String error) {
    String detail = error == null ? "" : " (" + error + ")";
    return switch (status) {
      case 410 ->
          "the enrolment token has expired or was already used"
              + detail
              + "; create a new one on the panel";
      case 403, 404 ->
          "the panel refused the token" + detail + "; copy the enrol command from the panel again";
      case 429 -> "too many failed attempts from this address; try again later";
      default -> "the panel answered HTTP " + status + detail;
    };
  }

  private static String errorOf(String body) {
    try {
      JsonValue error = object(body).get("error");
      return error instanceof JsonString s ? s.getString() : null;
    } catch (JsonException | ClassCastException e) {
      return null;
    }
  }

  private static JsonObject object(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
