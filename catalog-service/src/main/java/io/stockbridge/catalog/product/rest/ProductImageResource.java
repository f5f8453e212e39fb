package io.stockbridge.catalog.product.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.product.ImageView;
import io.stockbridge.catalog.product.service.ProductImageService;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/products/{productId}/images")
@RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
@Tag(name = "Products")
public class ProductImageResource {
  private final ProductImageService service;
  private final CurrentSeller seller;

  public ProductImageResource(ProductImageService service, CurrentSeller seller) {
    this.service = service;
    this.seller = seller;
  }

  @POST
  @Consumes({ "image/jpeg", "image/png", "application/octet-stream" })
  @Operation(summary = "Add a main image (JPEG or PNG, the file itself as the body)",
      description = "The image is decoded and measured; its width and height in the answer are the decoded ones."
          + " 415 UNSUPPORTED_IMAGE when it is not a readable JPEG or PNG, 413 FILE_TOO_LARGE above"
          + " stockbridge.catalog.images.max-bytes, 409 TOO_MANY_IMAGES above max-per-product.")
  @APIResponse(responseCode = "201", description = "The image as decoded and measured",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImageView.class)))
  public Uni<Response> addImage(@PathParam("productId") UUID productId, byte[] body) {
    return service.upload(seller.id(), productId, body)
        .map(image -> Response.status(Response.Status.CREATED).entity(image)
            .header("Location", "/v1/products/" + productId + "/images/" + image.id()).build());
  }

  @GET
  @Operation(summary = "The product's main images, in order")
  public Uni<List<ImageView>> listImages(@PathParam("productId") UUID productId) {
    return service.list(seller.id(), productId);
  }

  @GET
  @Path("{imageId}")
  @Produces({ "image/jpeg", "image/png" })
  @Operation(summary = "The image file")
  @APIResponse(responseCode = "200", description = "The image file", content = {
      @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
      @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
  public Uni<Response> getImage(@PathParam("productId") UUID productId, @PathParam("imageId") UUID imageId) {
    return service.content(seller.id(), productId, imageId)
        .map(image -> Response.ok(image.bytes(), image.contentType()).build());
  }

  @DELETE
  @Path("{imageId}")
  @Operation(summary = "Remove a main image")
  @APIResponse(responseCode = "204", description = "Removed")
  public Uni<Response> deleteImage(@PathParam("productId") UUID productId, @PathParam("imageId") UUID imageId) {
    return service.delete(seller.id(), productId, imageId).map(ignored -> Response.noContent().build());
  }
}
