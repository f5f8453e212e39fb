package io.stockbridge.inventory.audit.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.audit.AuditEntry;
import io.stockbridge.inventory.audit.service.AuditTrail;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/audit")
@Tag(name = "Audit", description = "Every stock change: who, what, before, after, why, which path (INV-5)")
public class AuditResource {
  private final AuditTrail trail;
  private final CurrentSeller seller;

  public AuditResource(AuditTrail trail, CurrentSeller seller) {
    this.trail = trail;
    this.seller = seller;
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Audit entries, oldest first; from/to are ISO 8601 instants (from inclusive, to exclusive)")
  public Uni<Page<AuditEntry>> entries(@QueryParam("sellerSku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sellerSku,
      @QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("cursor") @Size(max = 32) String cursor,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return trail.entries(seller.id(), sellerSku, instant("from", from), instant("to", to), cursor, limit);
  }

  private static OffsetDateTime instant(String parameter, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, parameter + " is not an ISO 8601 instant",
          List.of(new FieldError(parameter, "invalid_instant", "e.g. 2026-11-22T08:00:00Z")));
    }
  }
}
