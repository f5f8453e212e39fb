package io.stockbridge.inventory.alert.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.alert.ServiceAlert;
import io.stockbridge.inventory.alert.ServiceAlertOutcome;
import io.stockbridge.inventory.alert.service.ServiceAlerts;
import io.stockbridge.inventory.stock.service.Caller;
import io.stockbridge.platform.alert.AlertReport;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path(AlertReport.PATH)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Alerts (internal)", description = "Causes the other services see, raised and cleared through their outbox")
public class ServiceAlertResource {
  private final ServiceAlerts alerts;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public ServiceAlertResource(ServiceAlerts alerts, CurrentSeller seller, SecurityIdentity identity) {
    this.alerts = alerts;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @Operation(summary = "Raise or clear an alert of the seller named by Stockbridge-Seller-Id; a report no newer than "
      + "the last of its cause changes nothing; 422 ALERT_TYPE_NOT_REPORTABLE for the ledger's own types")
  public Uni<ServiceAlertOutcome> reportAlert(@NotNull @Valid ServiceAlert report) {
    return alerts.apply(seller.id(), report.raisedBy() != null ? report.raisedBy() : caller(), report);
  }

  private String caller() {
    Caller caller = Caller.of(identity);
    return caller.clientId() != null ? caller.clientId() : caller.actor();
  }
}
