package io.stockbridge.console.products.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import io.stockbridge.console.shell.Listed;
import io.stockbridge.console.shell.ServiceProblemMapper;
import io.stockbridge.console.shell.UserToken;

/** catalog-service's products, called as the signed-in user. */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(UserToken.class)
@RegisterProvider(ServiceProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/products")
public interface ProductApi {

  @GET
  Uni<Listed<ProductSummary>> list(@QueryParam("barcode") String barcode, @QueryParam("limit") int limit);
}
