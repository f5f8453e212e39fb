package io.stockbridge.inventory.lock.rest;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.lock.repository.LockKind;
import io.stockbridge.inventory.lock.service.SkuLockService;
import io.stockbridge.inventory.ownership.rest.OwnershipResource;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/internal/v1/skus/{sellerSku}/locks")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Edit locks (internal)", description = "Locks other Stockbridge services put on a SKU's manual edits (INV-1)")
public class SkuLockResource {
  private final SkuLockService service;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public SkuLockResource(SkuLockService service, CurrentSeller seller, SecurityIdentity identity) {
    this.service = service;
    this.seller = seller;
    this.identity = identity;
  }

  @GET
  @Operation(summary = "The locks that hold on a SKU")
  public Uni<List<LockView>> listLocks(@PathParam("sellerSku") @Pattern(regexp = OwnershipResource.SELLER_SKU) String sellerSku) {
    return service.locks(seller.id(), sellerSku).map(locks -> locks.stream().map(LockView::of).toList());
  }

  @PUT
  @Path("{kind}")
  @Operation(summary = "Place (or refresh) a lock of one kind; repeating it changes nothing")
  public Uni<LockView> place(@PathParam("sellerSku") @Pattern(regexp = OwnershipResource.SELLER_SKU) String sellerSku,
      @PathParam("kind") String kind, @Valid LockRequest request) {
    LockRequest body = request == null ? new LockRequest(null, null) : request;
    return service.place(seller.id(), sellerSku, parse(kind), body.reason(), body.reference(),
            identity.getPrincipal().getName())
        .map(LockView::of);
  }

  @POST
  @Path("{kind}")
  @Operation(summary = "Set whether a lock holds (placed or lifted); for the outbox, which only POSTs",
      description = "catalog-service states a listing's lock this way (INV-1): the newest state of a SKU's lock"
          + " supersedes older ones still waiting, so the last one delivered is the one that holds.")
  public Uni<Response> setLock(@PathParam("sellerSku") @Pattern(regexp = OwnershipResource.SELLER_SKU) String sellerSku,
      @PathParam("kind") String kind, @jakarta.validation.constraints.NotNull @Valid LockState state) {
    LockKind parsed = parse(kind);
    if (state.held()) {
      return service.place(seller.id(), sellerSku, parsed, state.reason(), state.reference(),
              identity.getPrincipal().getName())
          .map(lock -> Response.ok(LockView.of(lock)).build());
    }
    return service.lift(seller.id(), sellerSku, parsed).map(lifted -> Response.noContent().build());
  }

  @DELETE
  @Path("{kind}")
  @Operation(summary = "Lift a lock; lifting one that does not hold changes nothing")
  public Uni<Response> lift(@PathParam("sellerSku") @Pattern(regexp = OwnershipResource.SELLER_SKU) String sellerSku,
      @PathParam("kind") String kind) {
    return service.lift(seller.id(), sellerSku, parse(kind)).map(lifted -> Response.noContent().build());
  }

  private static LockKind parse(String kind) {
    return LockKind.fromPathName(kind).orElseThrow(() -> ProblemException.badRequest(CommonProblem.INVALID_ENUM_VALUE,
        "Unknown lock kind", List.of(new FieldError("kind", "invalid_enum_value", "'" + kind + "' is not one of: "
            + String.join(", ", Arrays.stream(LockKind.values()).map(LockKind::pathName).toList())))));
  }
}
