package io.stockbridge.console.listings.client;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/** The seller's listings; bounded in time, a publication never retried on a click. */
@ApplicationScoped
public class ListingClient {
  private final ListingApi api;

  public ListingClient(@RestClient ListingApi api) {
    this.api = api;
  }

  /** The seller's listings (the first 200), or only those of one status. */
  @Timeout(5_000)
  public Uni<List<Listing>> listings(String status) {
    return api.list(status, 200).map(page -> page.items());
  }

  /** Asks for a publication; the channel's check runs in catalog-service, which may take a while. */
  @Timeout(30_000)
  public Uni<Listing> publish(UUID listing) {
    return api.publish(listing);
  }
}
