package io.stockbridge.console.listings.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
import io.stockbridge.console.alerts.client.Alert;
import io.stockbridge.console.alerts.client.AlertClient;
import io.stockbridge.console.listings.client.Listing;
import io.stockbridge.console.listings.client.ListingClient;
import io.stockbridge.console.products.client.ProductClient;
import io.stockbridge.console.products.client.ProductSummary;
import io.stockbridge.console.shell.Back;
import io.stockbridge.console.shell.Notices;
import io.stockbridge.console.shell.Section;
import io.stockbridge.console.shell.Viewer;

/** The Listings page: each listing's status, what blocks it and which field to fix, and the LST-4 lock. */
@Path("/listings")
@Authenticated
public class ListingsPage {
  /** A listing with its product's name and the submission lock of any of its SKUs. */
  public record ListingRow(Listing listing, String title, String lockedSku, String lockedUntil) {
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance listings(Viewer viewer, String page, String notice, Section<List<ListingRow>> rows);
  }

  private final ListingClient listings;
  private final ProductClient products;
  private final AlertClient alerts;
  private final SecurityIdentity identity;

  public ListingsPage(ListingClient listings, ProductClient products, AlertClient alerts, SecurityIdentity identity) {
    this.listings = listings;
    this.products = products;
    this.alerts = alerts;
    this.identity = identity;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Uni<TemplateInstance> list(@QueryParam("notice") String notice) {
    // names and locks only decorate the rows: without them the listings still show
    Uni<Map<UUID, ProductSummary>> named = products.products().onFailure().recoverWithItem(List.of())
        .map(all -> all.stream().collect(Collectors.toMap(ProductSummary::id, Function.identity(), (a, b) -> a)));
    Uni<Map<String, String>> locks = alerts.holding().onFailure().recoverWithItem(List.of())
        .map(all -> all.stream().filter(alert -> alert.lockedUntil() != null && alert.sellerSku() != null)
            .collect(Collectors.toMap(Alert::sellerSku, Alert::lockedUntil, (a, b) -> a)));
    Uni<List<ListingRow>> rows = Uni.combine().all().unis(listings.listings(null), named, locks)
        .with((all, byId, locked) -> all.stream().map(listing -> row(listing, byId.get(listing.productId()), locked))
            .toList());
    return Section.of(rows, "catalog-service")
        .map(section -> Templates.listings(Viewer.of(identity), "listings", Notices.of(notice), section));
  }

  @POST
  @Path("{id}/publication")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> publish(@PathParam("id") UUID id) {
    return listings.publish(id).map(listing -> Back.to(null, "/listings", "publishing"));
  }

  private static ListingRow row(Listing listing, ProductSummary product, Map<String, String> locked) {
    String title = product == null ? listing.productId().toString() : product.title();
    String lockedSku = product == null ? null
        : product.sellerSkus().stream().filter(locked::containsKey).findFirst().orElse(null);
    return new ListingRow(listing, title, lockedSku, lockedSku == null ? null : locked.get(lockedSku));
  }
}
