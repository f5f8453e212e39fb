package io.stockbridge.console.channel.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.console.channel.client.Connection;
import io.stockbridge.console.channel.client.ConnectionClient;
import io.stockbridge.console.config.ConsoleConfig;
import io.stockbridge.console.shell.Back;
import io.stockbridge.console.shell.Notices;
import io.stockbridge.console.shell.Section;
import io.stockbridge.console.shell.Viewer;

/**
 * The Channel page: the seller's shop connections, and the consent flow that makes or renews one. The channel sends
 * the seller back to this console's callback (catalog-service's redirect URI points here when the console is used),
 * which hands code and state to catalog-service: the console never sees the channel's tokens.
 */
@Path("/channel")
@Authenticated
public class ChannelPage {
  @CheckedTemplate
  static class Templates {
    static native TemplateInstance channel(Viewer viewer, String page, String notice,
        Section<List<Connection>> connections);
  }

  private final ConnectionClient connections;
  private final ConsoleConfig config;
  private final SecurityIdentity identity;

  public ChannelPage(ConnectionClient connections, ConsoleConfig config, SecurityIdentity identity) {
    this.connections = connections;
    this.config = config;
    this.identity = identity;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Uni<TemplateInstance> list(@QueryParam("notice") String notice) {
    return Section.of(connections.connections(), "catalog-service")
        .map(section -> Templates.channel(Viewer.of(identity), "channel", Notices.of(notice), section));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> connect() {
    return connections.connect(config.channelRegion()).map(ChannelPage::toConsent);
  }

  @POST
  @Path("{id}/reauthorization")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> reauthorize(@PathParam("id") UUID id) {
    return connections.reauthorize(id).map(ChannelPage::toConsent);
  }

  @GET
  @Path("callback")
  public Uni<Response> callback(@QueryParam("state") String state, @QueryParam("code") String code,
      @QueryParam("error") String error) {
    return connections.complete(state, code, error).map(connection -> Back.to(null, "/channel",
        "ACTIVE".equals(connection.status()) ? "reauthorized" : "connected"));
  }

  private static Response toConsent(String authorizationUrl) {
    return Response.seeOther(URI.create(authorizationUrl)).build();
  }
}
