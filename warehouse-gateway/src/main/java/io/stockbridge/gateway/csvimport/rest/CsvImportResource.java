package io.stockbridge.gateway.csvimport.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.csvimport.service.CsvStockImport;
import io.stockbridge.gateway.webhook.service.InboxProcessor;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/warehouses/{id}/imports")
@Tag(name = "Stock files", description = "Stock lists of warehouses without an API (WH-1)")
public class CsvImportResource {
  private final CsvStockImport imports;
  private final InboxProcessor inbox;
  private final CurrentSeller seller;

  public CsvImportResource(CsvStockImport imports, InboxProcessor inbox, CurrentSeller seller) {
    this.imports = imports;
    this.inbox = inbox;
    this.seller = seller;
  }

  @POST
  @Consumes("text/csv")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Upload a warehouse's stock list as CSV (UTF-8)",
      description = "Columns item_id, in_transit, qc, frozen, sellable (any order), optional observed_at and sequence."
          + " A file with any bad row applies nothing: 422 names every bad row and column. The same file again"
          + " answers 200 and changes nothing; a new file answers 202 and is applied asynchronously.")
  @APIResponse(responseCode = "202", description = "A new file, to be applied",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = CsvStockImport.Accepted.class)))
  @APIResponse(responseCode = "200", description = "The same file again: nothing changes",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = CsvStockImport.Accepted.class)))
  public Uni<Response> upload(@PathParam("id") UUID id, byte[] file) {
    return imports.upload(seller.id(), id, file == null ? new byte[0] : file)
        .map(accepted -> {
          if (!accepted.duplicate()) {
            // the file's transaction has committed: process it now rather than at the next inbox round
            inbox.wake();
          }
          return Response.status(accepted.duplicate() ? 200 : 202).entity(accepted).build();
        });
  }
}
