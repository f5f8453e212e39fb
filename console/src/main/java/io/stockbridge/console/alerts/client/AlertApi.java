package io.stockbridge.console.alerts.client;

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

/** inventory-service's alerts and calibration tasks, called as the signed-in user. */
@RegisterRestClient(configKey = "inventory")
@RegisterProvider(UserToken.class)
@RegisterProvider(ServiceProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface AlertApi {

  @GET
  @Path("/v1/alerts")
  Uni<Listed<Alert>> alerts(@QueryParam("status") String status, @QueryParam("limit") int limit);

  @POST
  @Path("/v1/alerts/{id}/acknowledgement")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<Alert> acknowledge(@PathParam("id") UUID id, Map<String, String> acknowledgement);

  @GET
  @Path("/v1/calibrations")
  Uni<Listed<CalibrationTask>> calibrations(@QueryParam("status") String status, @QueryParam("limit") int limit);

  @POST
  @Path("/v1/calibrations/{id}/resolution")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<CalibrationTask> resolve(@PathParam("id") UUID id, Map<String, String> resolution);
}
