package io.stockbridge.catalog.connection.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The channel's shop API (TikTok Shop 202309 versions): every call carries app_key, timestamp, shop_cipher and the
 * request's sign in the query, and the access token in a header. Bodies are sent exactly as signed.
 */
@RegisterRestClient(configKey = "channel-api")
@Produces(MediaType.APPLICATION_JSON)
interface ChannelApiRestClient {

  /** The one call without shop_cipher; its multipart body is not part of the signature. */
  @POST
  @Path("/product/202309/images/upload")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  Uni<String> uploadImage(@QueryParam("app_key") String appKey, @QueryParam("timestamp") String timestamp,
      @QueryParam("sign") String sign, @HeaderParam("x-tts-access-token") String accessToken,
      ChannelImageUpload form);

  @POST
  @Path("/product/202309/products")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<String> createProduct(@QueryParam("app_key") String appKey, @QueryParam("timestamp") String timestamp,
      @QueryParam("shop_cipher") String shopCipher, @QueryParam("sign") String sign,
      @HeaderParam("x-tts-access-token") String accessToken, String body);

  @POST
  @Path("/product/202309/products/search")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<String> searchProducts(@QueryParam("app_key") String appKey, @QueryParam("timestamp") String timestamp,
      @QueryParam("shop_cipher") String shopCipher, @QueryParam("sign") String sign,
      @HeaderParam("x-tts-access-token") String accessToken, String body);

  /** {@code action} is {@code activate} or {@code deactivate}; the body names the products. */
  @POST
  @Path("/product/202309/products/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<String> changeActivation(@PathParam("action") String action, @QueryParam("app_key") String appKey,
      @QueryParam("timestamp") String timestamp, @QueryParam("shop_cipher") String shopCipher,
      @QueryParam("sign") String sign, @HeaderParam("x-tts-access-token") String accessToken, String body);

  @GET
  @Path("/product/202309/products/{productId}")
  Uni<String> getProduct(@PathParam("productId") String productId, @QueryParam("app_key") String appKey,
      @QueryParam("timestamp") String timestamp, @QueryParam("shop_cipher") String shopCipher,
      @QueryParam("sign") String sign, @HeaderParam("x-tts-access-token") String accessToken);

  @POST
  @Path("/product/202309/products/{productId}/inventory/update")
  @Consumes(MediaType.APPLICATION_JSON)
  Uni<String> updateInventory(@PathParam("productId") String productId, @QueryParam("app_key") String appKey,
      @QueryParam("timestamp") String timestamp, @QueryParam("shop_cipher") String shopCipher,
      @QueryParam("sign") String sign, @HeaderParam("x-tts-access-token") String accessToken, String body);
}
