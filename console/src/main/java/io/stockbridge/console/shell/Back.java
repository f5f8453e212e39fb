package io.stockbridge.console.shell;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.core.Response;

/** After an action: back to the page it was taken on (one of the console's own pages only), with a notice. */
public final class Back {
  private static final Set<String> PAGES = Set.of("/", "/attention", "/warehouses", "/listings", "/channel",
      "/compliance");

  private Back() {
  }

  /** A 303 to {@code page} if it is one of the console's pages, else to {@code fallback}, naming the notice. */
  public static Response to(String page, String fallback, String notice) {
    String target = page != null && PAGES.contains(page) ? page : fallback;
    return Response.seeOther(URI.create(target + "?notice=" + notice)).build();
  }
}
