package io.stockbridge.platform.outbox;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

/**
 * Every service that notifies another shows the events it could not hand over here, with the receiver's reason.
 */
@CompletesDespiteDisconnect
@Path("/v1/dead-letters")
@Tag(name = "Dead letters", description = "Events this service could not hand to another service, with the"
    + " receiver's reason; replayable")
public class DeadLetterResource {
  private final DeadLetters deadLetters;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public DeadLetterResource(DeadLetters deadLetters, CurrentSeller seller, SecurityIdentity identity) {
    this.deadLetters = deadLetters;
    this.seller = seller;
    this.identity = identity;
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.PLATFORM_ADMIN })
  @Operation(summary = "Dead letters, oldest first (a platform admin sees every seller's)")
  public Uni<Page<DeadLetterView>> listDeadLetters(
      @QueryParam("destination") @Pattern(regexp = "[a-z0-9-]{1,64}") String destination,
      @QueryParam("eventType") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String eventType,
      @QueryParam("cursor") @Size(max = 128) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return deadLetters.list(scope(), destination, eventType, cursor, limit);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.PLATFORM_ADMIN })
  @Operation(summary = "One dead letter, also after its replay (with its current status)")
  public Uni<DeadLetterView> findDeadLetter(@PathParam("id") UUID id) {
    return deadLetters.find(scope(), id);
  }

  @POST
  @Path("{id}/replay")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.ERP_INTEGRATION, Roles.PLATFORM_ADMIN })
  @Operation(summary = "Send the event again with a fresh retry window; the receiver applies it at most once")
  public Uni<DeadLetterView> replayDeadLetter(@PathParam("id") UUID id) {
    return deadLetters.replay(scope(), id);
  }

  /** The seller whose letters the caller sees: its own, or every seller's for platform staff. */
  private String scope() {
    return identity.hasRole(Roles.PLATFORM_ADMIN) && seller.ofToken() == null ? null : seller.id();
  }
}
