package io.stockbridge.console.compliance.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import io.stockbridge.console.shell.Listed;
import io.stockbridge.console.shell.ServiceProblemMapper;
import io.stockbridge.console.shell.UserToken;

/** compliance-service's documents and dashboard, called as the signed-in user. */
@RegisterRestClient(configKey = "compliance")
@RegisterProvider(UserToken.class)
@RegisterProvider(ServiceProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface ComplianceApi {

  @GET
  @Path("/v1/documents/expiring")
  Uni<Listed<Document>> expiring(@QueryParam("days") int days, @QueryParam("limit") int limit);

  @GET
  @Path("/v1/documents")
  Uni<Listed<Document>> documents(@QueryParam("status") String status, @QueryParam("limit") int limit);

  @GET
  @Path("/v1/dashboard")
  Uni<Dashboard> dashboard(@QueryParam("market") String market);

  @POST
  @Path("/v1/documents/{id}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<Document> transition(@PathParam("id") UUID id, Map<String, String> transition);
}
