package io.stockbridge.console.stock.rest;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.console.shell.Notices;
import io.stockbridge.console.shell.Viewer;
import io.stockbridge.console.stock.service.StockOverview;
import io.stockbridge.console.stock.service.StockView;

/** The Stock page: where the seller's units sit, per SKU, warehouse and bucket. */
@Path("/")
@Authenticated
public class StockPage {
  @CheckedTemplate
  static class Templates {
    static native TemplateInstance stock(Viewer viewer, String page, String notice, StockView view);
  }

  private final StockOverview overview;
  private final SecurityIdentity identity;

  public StockPage(StockOverview overview, SecurityIdentity identity) {
    this.overview = overview;
    this.identity = identity;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Uni<Response> stock(@QueryParam("q") String query, @QueryParam("notice") String notice) {
    Viewer viewer = Viewer.of(identity);
    if (!viewer.seller()) {
      // a reviewer or platform admin has no stock: their work is on the Compliance page
      return Uni.createFrom().item(Response.seeOther(URI.create("/compliance")).build());
    }
    String search = query == null || query.length() > 64 ? null : query;
    return overview.view(search)
        .map(view -> Response.ok(Templates.stock(viewer, "stock", Notices.of(notice), view)).build());
  }
}
