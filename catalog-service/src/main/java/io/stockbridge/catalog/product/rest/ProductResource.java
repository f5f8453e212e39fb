package io.stockbridge.catalog.product.rest;

import java.util.List;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.product.ProductRequest;
import io.stockbridge.catalog.product.ProductView;
import io.stockbridge.catalog.product.repository.ProductFilter;
import io.stockbridge.catalog.product.service.ProductService;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

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
  @APIResponse(responseCode = "201", description = "The product; Idempotent-Replayed: true for a repeat",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
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
      @QueryParam("brand") @Size(max = 128) String brand,
      @QueryParam("sellerSku") @Size(max = 64) String sellerSku,
      @QueryParam("barcode") @Size(max = 14) String barcode,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return service.list(seller.id(), new ProductFilter(category, brand, sellerSku, barcode), cursor, limit);
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Replace a product's description and SKUs",
      description = "Every SKU the product has must still be listed (409 SKU_REMOVAL_REFUSED); new seller SKUs are"
          + " added. Send If-Match with the version you read to refuse a lost update (412 VERSION_MISMATCH).")
  public Uni<ProductView> updateProduct(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid ProductRequest request) {
    return service.update(seller.id(), id, version(ifMatch), request);
  }

  /** An If-Match of {@code "3"}, {@code W/"3"} or {@code 3}; absent means "whatever the current version". */
  private static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
      return null;
    }
    String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "If-Match must carry the product's version",
          List.of(new FieldError("If-Match", "invalid", "'" + ifMatch + "' is not a version such as \"3\"")));
    }
  }
}
