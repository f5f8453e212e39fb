package io.stockbridge.console.stock.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
  public Uni<TemplateInstance> stock(@QueryParam("q") String query, @QueryParam("notice") String notice) {
    String search = query == null || query.length() > 64 ? null : query;
    return overview.view(search)
        .map(view -> Templates.stock(Viewer.of(identity), "stock", Notices.of(notice), view));
  }
}
