package io.stockbridge.catalog.connection.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.connection.AuthorizationView;
import io.stockbridge.catalog.connection.ChannelConnectionView;
import io.stockbridge.catalog.connection.ConnectionDraft;
import io.stockbridge.catalog.connection.service.ChannelConnectionService;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/channel-connections")
@Tag(name = "Channel connections", description = "Authorising Stockbridge on a channel shop (CH-1..4)")
public class ChannelConnectionResource {
  private final ChannelConnectionService service;
  private final CurrentSeller seller;

  public ChannelConnectionResource(ChannelConnectionService service, CurrentSeller seller) {
    this.service = service;
    this.seller = seller;
  }

  @POST
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "Start a connection: answers the channel's consent URL for the seller to open")
  @APIResponse(responseCode = "201", description = "The connection, waiting for the seller to authorise it at authorizationUrl",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = AuthorizationView.class)))
  public Uni<Response> createConnection(@NotNull @Valid ConnectionDraft draft) {
    return service.create(seller.id(), draft).map(view -> Response.status(Response.Status.CREATED).entity(view)
        .header("Location", "/v1/channel-connections/" + view.connection().id()).build());
  }

  @GET
  @Path("callback")
  @PermitAll
  @SecurityRequirements
  @Operation(summary = "Where the channel sends the seller back after consent (no token: the state is the proof)",
      description = "Exchanges the code for tokens, stores them sealed, and replaces any older connection of the "
          + "same shop (CH-2). A state works once and for a limited time.")
  public Uni<ChannelConnectionView> callback(@QueryParam("state") @Size(max = 200) String state,
      @QueryParam("code") @Size(max = 2000) String code, @QueryParam("error") @Size(max = 500) String error) {
    if (state == null || state.isBlank()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The channel sent no state",
          java.util.List.of(new FieldError("state", "required", "the authorisation state")));
    }
    return service.completeAuthorization(state, code, error);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR })
  @Operation(summary = "A connection: its status, why (e.g. REAUTHORIZATION_REQUIRED and the channel's answer), token expiry")
  public Uni<ChannelConnectionView> getConnection(@PathParam("id") UUID id) {
    return service.find(seller.id(), id);
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR })
  @Operation(summary = "The seller's connections, oldest first")
  public Uni<Page<ChannelConnectionView>> listConnections(@QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return service.list(seller.id(), cursor, limit);
  }

  @POST
  @Path("{id}/reauthorize")
  @RolesAllowed(Roles.SELLER_ADMIN)
  @Operation(summary = "A new consent URL for an existing connection; after consent its pushes resume (CH-3)")
  public Uni<AuthorizationView> reauthorize(@PathParam("id") UUID id) {
    return service.reauthorize(seller.id(), id);
  }
}
