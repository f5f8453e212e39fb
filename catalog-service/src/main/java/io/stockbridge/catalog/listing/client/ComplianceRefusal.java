package io.stockbridge.catalog.listing.client;

import jakarta.ws.rs.core.Response;

/**
 * compliance-service answered and refused to judge the request (a 4xx other than about this service's own token):
 * the product's data is the problem, so it is neither retried nor counted against compliance-service's health.
 */
public class ComplianceRefusal extends RuntimeException {
  public ComplianceRefusal(Response response) {
    super("compliance-service refused the check (" + response.getStatus() + "): "
        + (response.hasEntity() ? response.readEntity(String.class) : ""), null, false, false);
  }

  static boolean isRefusal(Throwable failure) {
    if (!(failure instanceof jakarta.ws.rs.WebApplicationException web)) {
      return false;
    }
    int status = web.getResponse().getStatus();
    return status >= 400 && status < 500 && status != 401 && status != 403 && status != 429;
  }
}
