package io.stockbridge.inventory.calibration.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import io.stockbridge.inventory.calibration.Calibration;
import io.stockbridge.inventory.calibration.CalibrationResolution;
import io.stockbridge.inventory.calibration.CalibrationStatus;
import io.stockbridge.inventory.calibration.service.CalibrationService;
import io.stockbridge.inventory.stock.service.Caller;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.rest.EnumParameter;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/calibrations")
@Tag(name = "Calibrations", description = "Readings that disagreed with the ledger beyond the threshold, until the "
    + "seller explains them (WH-4)")
public class CalibrationResource {
  private static final String CODE = "[A-Za-z0-9._-]{1,64}";

  private final CalibrationService calibrations;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public CalibrationResource(CalibrationService calibrations, CurrentSeller seller, SecurityIdentity identity) {
    this.calibrations = calibrations;
    this.seller = seller;
    this.identity = identity;
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The seller's calibration tasks, oldest first; status is OPEN, ESCALATED or RESOLVED")
  public Uni<Page<Calibration>> listCalibrations(@QueryParam("sellerSku") @Pattern(regexp = CODE) String sellerSku,
      @QueryParam("warehouseId") @Pattern(regexp = CODE) String warehouseId,
      @QueryParam("status") String status,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return calibrations.list(seller.id(), sellerSku, warehouseId, EnumParameter.parse(CalibrationStatus.class, "status", status), cursor, limit);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "One calibration task: expected, observed and the difference per bucket")
  public Uni<Calibration> getCalibration(@PathParam("id") UUID id) {
    return calibrations.find(seller.id(), id);
  }

  @POST
  @Path("{id}/resolution")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR })
  @Operation(summary = "Resolve a task with the reason the figures disagreed; the withheld units are offered again. "
      + "409 CALIBRATION_ALREADY_RESOLVED for a task resolved before")
  public Uni<Calibration> resolveCalibration(@PathParam("id") UUID id,
      @NotNull @Valid CalibrationResolution resolution) {
    return calibrations.resolve(seller.id(), Caller.of(identity).actor(), id, resolution);
  }
}
