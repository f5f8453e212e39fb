package io.stockbridge.catalog.product.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.product.service.ProductService;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;

@CompletesDespiteDisconnect
@Path("/v1/products")
@Tag(name = "Products", description = "Products (SPU) and their SKUs")
public class ProductResource {
  private final ProductService service;
  private final CurrentSeller seller;

  public ProductResource(ProductService service, CurrentSeller seller) {
    this.service = service;
    this.seller = seller;
  }

  @POST
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Create a product with its SKUs",
      description = "Send an Idempotency-Key to make retries safe: a repeat returns the first result.")
  public Uni<Response> create(@HeaderParam("Idempotency-Key") String idempotencyKey,
      @NotNull @Valid ProductRequest request) {
    return service.create(seller.id(), idempotencyKey, request)
        .map(result -> Response.status(Response.Status.CREATED).entity(result.value())
            .header(IdempotentResult.REPLAYED_HEADER, result.replayed())
            .header("Location", "/v1/products/" + result.value().id())
            .build());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "A product with its SKUs")
  public Uni<ProductView> getProduct(@PathParam("id") UUID id) {
    return service.find(seller.id(), id);
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The seller's products, oldest first, a page at a time")
  public Uni<Page<ProductView>> listProducts(@QueryParam("category") @Size(max = 255) String category,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return service.list(seller.id(), category, cursor, limit);
  }
}
