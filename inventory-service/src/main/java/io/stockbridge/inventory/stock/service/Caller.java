package io.stockbridge.inventory.stock.service;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.stockbridge.inventory.stock.repository.MovementSource;
import io.stockbridge.platform.security.Roles;

/**
 * Who is changing stock: a person, or an integration identified by its OAuth2 client id.
 *
 * @param actor    the token's user (or service-account) name, for the audit trail
 * @param clientId the OAuth2 client the token was issued to ({@code azp}), which names an integration
 */
public record Caller(String actor, String clientId, boolean integration) {

  public static Caller of(SecurityIdentity identity) {
    String clientId = null;
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      Object azp = jwt.getClaim("azp");
      clientId = azp != null ? azp.toString() : jwt.getClaim("client_id");
    }
    return new Caller(identity.getPrincipal().getName(), clientId, identity.hasRole(Roles.ERP_INTEGRATION));
  }

  public MovementSource source() {
    return integration ? MovementSource.ERP_API : MovementSource.MANUAL;
  }
}
