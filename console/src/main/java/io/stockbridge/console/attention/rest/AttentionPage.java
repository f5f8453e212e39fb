package io.stockbridge.console.attention.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.console.alerts.client.Alert;
import io.stockbridge.console.alerts.client.AlertClient;
import io.stockbridge.console.alerts.client.CalibrationTask;
import io.stockbridge.console.channel.client.Connection;
import io.stockbridge.console.channel.client.ConnectionClient;
import io.stockbridge.console.listings.client.Listing;
import io.stockbridge.console.listings.client.ListingClient;
import io.stockbridge.console.shell.Back;
import io.stockbridge.console.shell.Notices;
import io.stockbridge.console.shell.Section;
import io.stockbridge.console.shell.Viewer;
import io.stockbridge.console.warehouses.client.WarehouseClient;
import io.stockbridge.console.warehouses.client.WarehouseSummary;

/**
 * Needs attention: everything waiting for the seller, each with the action that resolves it. Alerts and calibration
 * tasks from the ledger; parked warehouse events, failed listings and connections to re-authorise from the others.
 */
@Path("/attention")
@Authenticated
public class AttentionPage {
  /** The reasons inventory-service takes for a calibration task (WH-4), in the order the form offers them. */
  public static final List<String> CALIBRATION_REASONS = List.of("COUNT_CONFIRMED", "DAMAGE", "LOSS",
      "UNRECORDED_RECEIPT", "RETURN", "MIS_SHIPMENT", "SYNC_ERROR", "OTHER");

  /** Everything the page lists, each from its own service call. */
  public record Attention(Section<List<Alert>> alerts, Section<List<CalibrationTask>> calibrations,
      Section<List<WarehouseClient.Parked>> parked, Section<List<Listing>> failedListings,
      Section<List<Connection>> connections, List<String> calibrationReasons, Map<String, String> warehouseCodes) {
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance attention(Viewer viewer, String page, String notice, Attention attention);
  }

  private final AlertClient alerts;
  private final WarehouseClient warehouses;
  private final ListingClient listings;
  private final ConnectionClient connections;
  private final SecurityIdentity identity;

  public AttentionPage(AlertClient alerts, WarehouseClient warehouses, ListingClient listings,
      ConnectionClient connections, SecurityIdentity identity) {
    this.alerts = alerts;
    this.warehouses = warehouses;
    this.listings = listings;
    this.connections = connections;
    this.identity = identity;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Uni<TemplateInstance> show(@QueryParam("notice") String notice) {
    // warehouse codes only label alerts and tasks: without the gateway the ledger's ids are shown
    Uni<Map<String, String>> codes = warehouses.warehouses().onFailure().recoverWithItem(List.of())
        .map(all -> all.stream().collect(Collectors.toMap(warehouse -> warehouse.id().toString(),
            WarehouseSummary::code, (a, b) -> a)));
    return Uni.combine().all().unis(
        Section.of(alerts.holding(), "inventory-service"),
        Section.of(alerts.openCalibrations(), "inventory-service"),
        Section.of(warehouses.parked(), "warehouse-gateway"),
        Section.of(listings.listings("FAILED"), "catalog-service"),
        Section.of(connections.connections().map(all -> all.stream().filter(Connection::needsReauthorization)
            .toList()), "catalog-service"), codes)
        .with((held, tasks, parked, failed, reauthorize, named) -> Templates.attention(Viewer.of(identity),
            "attention", Notices.of(notice), new Attention(held, tasks, parked, failed, reauthorize,
                CALIBRATION_REASONS, named)));
  }

  @POST
  @Path("alerts/{id}/acknowledgement")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> acknowledge(@PathParam("id") UUID id, @RestForm String note) {
    return alerts.acknowledge(id, note).map(alert -> Back.to(null, "/attention", "acknowledged"));
  }

  @POST
  @Path("calibrations/{id}/resolution")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> resolve(@PathParam("id") UUID id, @RestForm String reason, @RestForm String note) {
    return alerts.resolve(id, reason, note).map(task -> Back.to(null, "/attention", "calibration-resolved"));
  }
}
