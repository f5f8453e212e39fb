package io.stockbridge.console.warehouses.client;

import java.util.UUID;

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

/** warehouse-gateway's warehouses and their inboxes, called as the signed-in user. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(UserToken.class)
@RegisterProvider(ServiceProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/warehouses")
public interface WarehouseApi {

  @GET
  Uni<Listed<WarehouseSummary>> list(@QueryParam("limit") int limit);

  @GET
  @Path("{id}/events")
  Uni<Listed<WarehouseEvent>> events(@PathParam("id") UUID id, @QueryParam("status") String status,
      @QueryParam("limit") int limit);

  @POST
  @Path("{id}/events/{eventId}/replay")
  Uni<Void> replay(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId);

  @POST
  @Path("{id}/webhook-secret/rotate")
  Uni<SecretRotation> rotateSecret(@PathParam("id") UUID id);

  @POST
  @Path("{id}/poll")
  Uni<Void> poll(@PathParam("id") UUID id);
}
