package io.stockbridge.catalog.product.repository;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A product's ingredients in order, as stored in a JSON column (the reactive driver maps JSON to objects only). */
@RegisterForReflection
public record Ingredients(List<String> items) {
  public static final Ingredients NONE = new Ingredients(List.of());

  public static Ingredients of(List<String> names) {
    return names == null || names.isEmpty() ? NONE : new Ingredients(List.copyOf(names));
  }

  public List<String> list() {
    return items == null ? List.of() : items;
  }
}
