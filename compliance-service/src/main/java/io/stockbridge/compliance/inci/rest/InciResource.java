package io.stockbridge.compliance.inci.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stockbridge.compliance.inci.service.InciDictionary;
import io.stockbridge.platform.security.Roles;

@Path("/v1/inci-names")
@Tag(name = "INCI", description = "The INCI names a CPI must use (CMP-3)")
public class InciResource {
  private final InciDictionary dictionary;

  public InciResource(InciDictionary dictionary) {
    this.dictionary = dictionary;
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.COMPLIANCE_REVIEWER,
      Roles.PLATFORM_ADMIN })
  @Operation(summary = "How ingredient names stand: INCI, NOT_INCI (with the INCI name to use) or UNKNOWN",
      description = "Matching ignores case, spacing and punctuation. Pass `name` once per ingredient.")
  public List<InciDictionary.Match> match(@QueryParam("name") @NotEmpty @Size(max = 200)
      List<@Size(max = 200) String> names) {
    return names.stream().map(dictionary::match).toList();
  }
}
