package io.stockbridge.inventory.webhook.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.stock.service.Caller;
import io.stockbridge.inventory.webhook.WebhookDeliveryStatus;
import io.stockbridge.inventory.webhook.WebhookDeliveryView;
import io.stockbridge.inventory.webhook.WebhookReplay;
import io.stockbridge.inventory.webhook.WebhookSubscriptionRequest;
import io.stockbridge.inventory.webhook.WebhookSubscriptionView;
import io.stockbridge.inventory.webhook.service.WebhookDeliveries;
import io.stockbridge.inventory.webhook.service.WebhookSubscriptions;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.rest.EnumParameter;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;

@CompletesDespiteDisconnect
@Path("/v1/webhook-subscriptions")
@Tag(name = "Webhook subscriptions", description = "Be told instead of polling: alerts opened and resolved, available "
    + "quantities, listing statuses, expired reservations, calibrations; signed as Standard Webhooks specify")
public class WebhookSubscriptionResource {
  private final WebhookSubscriptions subscriptions;
  private final WebhookDeliveries deliveries;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;

  public WebhookSubscriptionResource(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
      CurrentSeller seller, SecurityIdentity identity) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.seller = seller;
    this.identity = identity;
  }

  @POST
  @ResponseStatus(201)
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.ERP_INTEGRATION })
  @Operation(summary = "Subscribe a URL to events; the answer carries the signing secret (whsec_...), the only time it "
      + "is shown. 422 WEBHOOK_URL_NOT_ALLOWED for private, loopback or link-local receivers, "
      + "WEBHOOK_URL_UNRESOLVABLE for a host without an address")
  public Uni<WebhookSubscriptionView> createWebhookSubscription(@NotNull @Valid WebhookSubscriptionRequest request) {
    return subscriptions.subscribe(seller.id(), Caller.of(identity).actor(), request);
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The seller's webhook subscriptions, oldest first")
  public Uni<Page<WebhookSubscriptionView>> listWebhookSubscriptions(
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return subscriptions.list(seller.id(), cursor, limit);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "One subscription (without its secret)")
  public Uni<WebhookSubscriptionView> getWebhookSubscription(@PathParam("id") UUID id) {
    return subscriptions.find(seller.id(), id);
  }

  @DELETE
  @Path("{id}")
  @ResponseStatus(204)
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.ERP_INTEGRATION })
  @Operation(summary = "Stop a subscription; what it still had to send is cancelled")
  public Uni<Void> deleteWebhookSubscription(@PathParam("id") UUID id) {
    return subscriptions.delete(seller.id(), id);
  }

  @GET
  @Path("{id}/deliveries")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "The subscription's delivery log, oldest first: each event, its attempts and the receiver's "
      + "last answer; status is PENDING, DELIVERED, DEAD or CANCELLED")
  public Uni<Page<WebhookDeliveryView>> listWebhookDeliveries(@PathParam("id") UUID id,
      @QueryParam("status") String status, @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return deliveries.log(seller.id(), id, EnumParameter.parse(WebhookDeliveryStatus.class, "status", status), cursor,
        limit);
  }

  @GET
  @Path("{id}/deliveries/{deliveryId}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "One delivery with the body sent")
  public Uni<WebhookDeliveryView> getWebhookDelivery(@PathParam("id") UUID id,
      @PathParam("deliveryId") UUID deliveryId) {
    return deliveries.find(seller.id(), id, deliveryId);
  }

  @POST
  @Path("{id}/deliveries/{deliveryId}/replay")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.ERP_INTEGRATION })
  @Operation(summary = "Send a dead (or delivered) delivery again under its own webhook-id, with a new retry window; "
      + "409 WEBHOOK_DELIVERY_NOT_REPLAYABLE while it is pending")
  public Uni<WebhookDeliveryView> replayWebhookDelivery(@PathParam("id") UUID id,
      @PathParam("deliveryId") UUID deliveryId) {
    return deliveries.replay(seller.id(), id, deliveryId);
  }

  @POST
  @Path("{id}/dead-letters/replay")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.ERP_INTEGRATION })
  @Operation(summary = "Send every dead delivery of the subscription again, e.g. after the receiver's outage")
  public Uni<WebhookReplay> replayDeadWebhookDeliveries(@PathParam("id") UUID id) {
    return deliveries.replayDead(seller.id(), id);
  }
}
