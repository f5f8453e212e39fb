package io.stockbridge.compliance.tin.rest;

import java.math.BigDecimal;
import java.time.YearMonth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.compliance.tin.SalesReport;
import io.stockbridge.compliance.tin.service.TinPolicy;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/internal/v1/sales")
@Tag(name = "Sales (internal)", description = "Monthly sales per market, for the tax id rule (CMP-4)")
public class SalesResource {
  private final TinPolicy policy;
  private final CurrentSeller seller;

  public SalesResource(TinPolicy policy, CurrentSeller seller) {
    this.policy = policy;
    this.seller = seller;
  }

  @POST
  @RolesAllowed(Roles.SERVICE)
  @Operation(summary = "Record a seller's sales so far in a month and market (the seller in the on-behalf header)",
      description = "Answers whether the seller now needs a tax id in that market.")
  public Uni<TinView> record(@NotNull @Valid SalesReport report) {
    String sellerId = seller.id();
    return policy.record(sellerId, report).map(standing -> new TinView(sellerId, report.market(),
        standing.required(), standing.firstMonthAbove(), standing.amountUsd(), policy.thresholdUsd()));
  }

  @Schema(description = "Whether a seller needs a tax id in a market")
  public record TinView(String sellerId, Market market, boolean tinRequired,
      @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "2026-11")
      YearMonth firstMonthAboveThreshold, BigDecimal thatMonthUsd, BigDecimal thresholdUsd) {
  }
}
