package io.stockbridge.inventory.alert.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import io.stockbridge.inventory.alert.AlertAcknowledgement;
import io.stockbridge.inventory.alert.AlertStatus;
import io.stockbridge.inventory.alert.AlertType;
import io.stockbridge.inventory.alert.AlertView;
import io.stockbridge.inventory.alert.service.Alerts;
import io.stockbridge.inventory.stock.service.Caller;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.rest.EnumParameter;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/alerts")
@Tag(name = "Alerts", description = "What the seller should know, one alert per cause while it holds: stock below "
    + "safety stock, reorders due, slow-moving and aged stock, flagged edits, calibrations waiting, and what the other "
    + "services raise")
public class AlertResource {
  private static final String CODE = "[A-Za-z0-9._-]{1,64}";

  private final Alerts alerts;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public AlertResource(Alerts alerts, CurrentSeller seller, SecurityIdentity identity) {
    this.alerts = alerts;
    this.seller = seller;
    this.identity = identity;
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The seller's alerts, oldest first; status is OPEN, ACKNOWLEDGED or RESOLVED")
  public Uni<Page<AlertView>> listAlerts(@QueryParam("type") String type, @QueryParam("status") String status,
      @QueryParam("sellerSku") @Pattern(regexp = CODE) String sellerSku,
      @QueryParam("warehouseId") @Pattern(regexp = CODE) String warehouseId,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return alerts.list(seller.id(), EnumParameter.parse(AlertType.class, "type", type),
        EnumParameter.parse(AlertStatus.class, "status", status), sellerSku, warehouseId, cursor, limit);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "One alert with the figures behind it")
  public Uni<AlertView> getAlert(@PathParam("id") UUID id) {
    return alerts.find(seller.id(), id);
  }

  @POST
  @Path("{id}/acknowledgement")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Say an alert was seen (optionally with a note); it stays until its cause goes away. A repeat "
      + "answers the first acknowledgement; 409 ALERT_ALREADY_RESOLVED once it resolved")
  public Uni<AlertView> acknowledgeAlert(@PathParam("id") UUID id, @Valid AlertAcknowledgement acknowledgement) {
    return alerts.acknowledge(seller.id(), Caller.of(identity).actor(), id, acknowledgement);
  }
}
