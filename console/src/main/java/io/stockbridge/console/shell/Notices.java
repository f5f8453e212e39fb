package io.stockbridge.console.shell;

import java.util.Map;

/**
 * The sentences a page may show after an action redirected to it. A redirect names one by key, never carries text,
 * so a link cannot make the console say something it did not.
 */
public final class Notices {
  private static final Map<String, String> SENTENCES = Map.ofEntries(
      Map.entry("replayed", "The event is queued to be processed again; its status updates within seconds."),
      Map.entry("acknowledged", "The alert is marked as seen."),
      Map.entry("calibration-resolved", "The calibration task is resolved."),
      Map.entry("publishing", "The listing was sent for publication."),
      Map.entry("connected", "The shop is connected and active."),
      Map.entry("reauthorized", "The channel connection is authorised again."),
      Map.entry("reviewed", "The document's review status was changed."),
      Map.entry("polling", "The warehouse will be polled now."));

  private Notices() {
  }

  /** The sentence for the key, or nothing for an unknown or missing key. */
  public static String of(String key) {
    return key == null ? null : SENTENCES.get(key);
  }
}
