package io.stockbridge.console.channel.client;

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

/** catalog-service's channel connections, called as the signed-in user. */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(UserToken.class)
@RegisterProvider(ServiceProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/channel-connections")
public interface ConnectionApi {

  @GET
  Uni<Listed<Connection>> list(@QueryParam("limit") int limit);

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<Consent> create(Map<String, String> draft);

  @POST
  @Path("{id}/reauthorize")
  Uni<Consent> reauthorize(@PathParam("id") UUID id);

  @GET
  @Path("callback")
  Uni<Connection> complete(@QueryParam("state") String state, @QueryParam("code") String code,
      @QueryParam("error") String error);
}
