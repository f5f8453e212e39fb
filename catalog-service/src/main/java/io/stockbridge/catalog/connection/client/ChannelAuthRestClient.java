package io.stockbridge.catalog.connection.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The channel's token endpoints, as TikTok Shop has them: GET with the app's credentials in the query.
 */
@RegisterRestClient(configKey = "channel-auth")
@Path("/api/v2/token")
@Produces(MediaType.APPLICATION_JSON)
interface ChannelAuthRestClient {

  @GET
  @Path("get")
  Uni<String> exchange(@QueryParam("app_key") String appKey, @QueryParam("app_secret") String appSecret,
      @QueryParam("auth_code") String code, @QueryParam("grant_type") String grantType);

  @GET
  @Path("refresh")
  Uni<String> refresh(@QueryParam("app_key") String appKey, @QueryParam("app_secret") String appSecret,
      @QueryParam("refresh_token") String refreshToken, @QueryParam("grant_type") String grantType);
}
