package io.stockbridge.catalog.listing.repository;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A list of failures as stored in a JSON column (the reactive driver maps JSON columns to objects, not arrays). */
@RegisterForReflection
public record ListingFailures(List<ListingFailure> items) {
  public static final ListingFailures NONE = new ListingFailures(List.of());

  public static ListingFailures of(List<ListingFailure> failures) {
    return failures == null || failures.isEmpty() ? NONE : new ListingFailures(List.copyOf(failures));
  }

  public List<ListingFailure> list() {
    return items == null ? List.of() : items;
  }
}
