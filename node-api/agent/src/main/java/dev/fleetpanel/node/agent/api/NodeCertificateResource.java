package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.enrol.CertificateRotation;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.security.cert.X509Certificate;

/**
 * The panel replaces the node's certificate in two calls, so that the key is made on the node and
 * never travels (the seed sends the key instead): {@code POST /api/system/node-csr} answers {@code
 * {"csr_pem"}} for a new key, {@code POST /api/system/replace-node-cert} {@code {"cert_pem"}}
 * installs the signed certificate and answers {@code {"status":"replaced", "serial", "not_after"}}.
 */
@Path("api/system")
public final class NodeCertificateResource {

  private final CertificateRotation rotation;

  public NodeCertificateResource(CertificateRotation rotation) {
    this.rotation = rotation;
  }

  @POST
  @Path("node-csr")
  @Produces(MediaType.APPLICATION_JSON)
  public String newRequest() {
    return Json.createObjectBuilder().add("csr_pem", rotation.newRequest()).build().toString();
  }

  @POST
  @Path("replace-node-cert")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response replace(String body) {
    String certificatePem;
    try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      JsonObject request = reader.readObject();
      if (!(request.get("cert_pem") instanceof JsonString pem)) {
        return error(400, "cert_pem (a PEM certificate) is required");
      }
      certificatePem = pem.getString();
    } catch (JsonException | IllegalStateException e) {
      return error(400, "malformed JSON");
    }
    try {
      X509Certificate installed = rotation.install(certificatePem);
      return Response.ok(
              Json.createObjectBuilder()
                  .add("status", "replaced")
                  .add("serial", installed.getSerialNumber().toString(16))
                  .add("not_after", installed.getNotAfter().toInstant().toString())
                  .build()
                  .toString())
          .build();
    } catch (CertificateRotation.Refused e) {
      return error(e.status(), e.getMessage());
    }
  }

  private static Response error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.json(message))
        .build();
  }
}
