package io.stockbridge.console.shell;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of a service's list, as every list endpoint of the suite answers it. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Listed<T>(List<T> items, String nextCursor) {
  public Listed {
    items = items == null ? List.of() : items;
  }
}
