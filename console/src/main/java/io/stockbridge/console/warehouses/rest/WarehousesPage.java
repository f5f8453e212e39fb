package io.stockbridge.console.warehouses.rest;

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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.console.shell.Back;
import io.stockbridge.console.shell.Notices;
import io.stockbridge.console.shell.Section;
import io.stockbridge.console.shell.Viewer;
import io.stockbridge.console.warehouses.client.SecretRotation;
import io.stockbridge.console.warehouses.client.WarehouseClient;
import io.stockbridge.console.warehouses.client.WarehouseEvent;
import io.stockbridge.console.warehouses.client.WarehouseSummary;

/** The Warehouses page: how each warehouse's data arrives, what waits in its inbox, and its webhook secret. */
@Path("/warehouses")
@Authenticated
public class WarehousesPage {
  /** A warehouse and the events parked in its inbox. */
  public record WarehouseRow(WarehouseSummary warehouse, List<WarehouseEvent> parked) {
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance warehouses(Viewer viewer, String page, String notice,
        Section<List<WarehouseRow>> rows);

    static native TemplateInstance secret(Viewer viewer, String page, String notice, WarehouseSummary warehouse,
        SecretRotation rotation);
  }

  private final WarehouseClient warehouses;
  private final SecurityIdentity identity;

  public WarehousesPage(WarehouseClient warehouses, SecurityIdentity identity) {
    this.warehouses = warehouses;
    this.identity = identity;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Uni<TemplateInstance> list(@QueryParam("notice") String notice) {
    Uni<List<WarehouseRow>> rows = Uni.combine().all().unis(warehouses.warehouses(), warehouses.parked())
        .with((all, parked) -> {
          Map<UUID, List<WarehouseEvent>> byWarehouse = parked.stream().collect(Collectors.groupingBy(
              entry -> entry.warehouse().id(), Collectors.mapping(WarehouseClient.Parked::event, Collectors.toList())));
          return all.stream().map(warehouse -> new WarehouseRow(warehouse,
              byWarehouse.getOrDefault(warehouse.id(), List.of()))).toList();
        });
    return Section.of(rows, "warehouse-gateway")
        .map(section -> Templates.warehouses(Viewer.of(identity), "warehouses", Notices.of(notice), section));
  }

  @POST
  @Path("{id}/events/{eventId}/replay")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> replay(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId,
      @QueryParam("back") String back) {
    return warehouses.replay(id, eventId).map(done -> Back.to(back, "/warehouses", "replayed"));
  }

  @POST
  @Path("{id}/poll")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> poll(@PathParam("id") UUID id) {
    return warehouses.poll(id).map(done -> Back.to(null, "/warehouses", "polling"));
  }

  /** Rotates the webhook secret and shows the new one on this answer only (it is never shown again). */
  @POST
  @Path("{id}/webhook-secret")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Uni<TemplateInstance> rotate(@PathParam("id") UUID id) {
    return warehouses.rotateSecret(id).chain(rotation -> warehouses.warehouses().map(all -> {
      WarehouseSummary warehouse = all.stream().filter(candidate -> candidate.id().equals(id)).findFirst()
          .orElse(null);
      return Templates.secret(Viewer.of(identity), "warehouses", null, warehouse, rotation);
    }));
  }
}
