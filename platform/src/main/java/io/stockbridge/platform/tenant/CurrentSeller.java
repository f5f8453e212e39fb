package io.stockbridge.platform.tenant;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.security.Roles;
import io.vertx.core.http.HttpServerRequest;

/**
 * The seller a request acts for. It comes from the token, never from a body or a path, so one seller can never
 * name another's data. A Stockbridge service account (role {@code service}) acting for a seller names it in the
 * on-behalf header instead, because its own token belongs to no seller.
 */
@RequestScoped
public class CurrentSeller {
  private final SecurityIdentity identity;
  private final HttpServerRequest request;
  private final TenancyConfig config;
  private String resolved;

  public CurrentSeller(SecurityIdentity identity, HttpServerRequest request, TenancyConfig config) {
    this.identity = identity;
    this.request = request;
    this.config = config;
  }

  /** The seller id, or a 403 problem when the token belongs to no seller. */
  public String id() {
    if (resolved == null) {
      resolved = resolve();
    }
    return resolved;
  }

  /** The seller the token itself belongs to, or null for staff and service tokens (no 403, no header). */
  public String ofToken() {
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      Object claim = jwt.getClaim(config.sellerClaim());
      if (claim != null && !claim.toString().isBlank()) {
        return claim.toString().replace("\"", "");
      }
    }
    return null;
  }

  private String resolve() {
    String own = ofToken();
    if (own != null) {
      return own;
    }
    if (identity.hasRole(Roles.SERVICE)) {
      String onBehalf = request.getHeader(config.onBehalfHeader());
      if (onBehalf != null && !onBehalf.isBlank()) {
        return onBehalf.trim();
      }
      throw ProblemException.badRequest(CommonProblem.SELLER_REQUIRED,
          "A service call must name the seller it acts for in the " + config.onBehalfHeader() + " header",
          java.util.List.of());
    }
    throw ProblemException.forbidden(CommonProblem.NO_SELLER_IN_TOKEN,
        "The token carries no '" + config.sellerClaim() + "' claim, so it cannot act for a seller");
  }
}
