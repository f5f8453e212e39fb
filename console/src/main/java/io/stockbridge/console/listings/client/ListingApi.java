package io.stockbridge.console.listings.client;

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

/** catalog-service's listings, called as the signed-in user. */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(UserToken.class)
@RegisterProvider(ServiceProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/listings")
public interface ListingApi {

  @GET
  Uni<Listed<Listing>> list(@QueryParam("status") String status, @QueryParam("limit") int limit);

  @POST
  @Path("{id}/publish")
  Uni<Listing> publish(@PathParam("id") UUID id);
}
