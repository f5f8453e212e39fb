package io.stockbridge.console.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Sends the signed-in user's own access token with every call to a service, so that each service applies its tenant
 * and role rules exactly as it does for any other client; the console holds no token of its own.
 */
@ApplicationScoped
public class UserToken implements ClientRequestFilter {
  private final CurrentIdentityAssociation identities;

  public UserToken(CurrentIdentityAssociation identities) {
    this.identities = identities;
  }

  @Override
  public void filter(ClientRequestContext request) {
    SecurityIdentity identity = identities.getIdentity();
    AccessTokenCredential token = identity == null ? null : identity.getCredential(AccessTokenCredential.class);
    if (token == null) {
      // not signed in: the service answers 401 and the page asks the user to sign in again
      return;
    }
    request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
  }
}
