package io.stockbridge.platform.outbox;

/**
 * An event to deliver to another service, written in the same transaction as the change it reports.
 *
 * @param destination the receiving service, a key of {@code stockbridge.outbox.destinations}
 * @param path        the receiver's path, e.g. {@code /internal/v1/channel-stock}
 * @param eventType   what happened, e.g. {@code stock.available-changed}
 * @param sellerId    the seller the event belongs to, sent as the on-behalf header; null for platform events
 * @param payload     the JSON body
 * @param coalesce    null, or what the event states in whole and how new it is: a newer event with the same key and
 *                    destination supersedes this one while it waits. Only for absolute values; never for deltas.
 * @param sequenceKey null, or the key whose events are delivered strictly one after the other (see
 *                    {@link #inSequence})
 * @param subject     null, or what the event is about in the sender's books, for the sender to ask later how far
 *                    its events got (the gateway: the inbound event a snapshot came from)
 */
public record OutboxMessage(String destination, String path, String eventType, String sellerId, Object payload,
    Coalesce coalesce, String sequenceKey, String subject) {

  public OutboxMessage(String destination, String path, String eventType, String sellerId, Object payload,
      Coalesce coalesce, String sequenceKey) {
    this(destination, path, eventType, sellerId, payload, coalesce, sequenceKey, null);
  }

  /** An event that is always delivered. */
  public OutboxMessage(String destination, String path, String eventType, String sellerId, Object payload) {
    this(destination, path, eventType, sellerId, payload, null, null);
  }

  /** An event that states a whole value: a newer one of the same key supersedes it while it waits. */
  public OutboxMessage(String destination, String path, String eventType, String sellerId, Object payload,
      Coalesce coalesce) {
    this(destination, path, eventType, sellerId, payload, coalesce, null);
  }

  /**
   * A transition (an order placed, cancelled, shipped): never superseded, and delivered only after every earlier
   * event of the same {@code sequenceKey} and destination was settled, so the receiver sees them in the order they
   * were written, each once.
   */
  public static OutboxMessage inSequence(String destination, String path, String eventType, String sellerId,
      Object payload, String sequenceKey) {
    return new OutboxMessage(destination, path, eventType, sellerId, payload, null, sequenceKey);
  }

  /** The same event, recorded as being about {@code subject}. */
  public OutboxMessage about(String subject) {
    return new OutboxMessage(destination, path, eventType, sellerId, payload, coalesce, sequenceKey, subject);
  }

  /**
   * @param key   what the value is of, e.g. one item's stock in one warehouse
   * @param order the source's order of the value, comparable as text (see {@link #sequence} and {@link #time})
   */
  public record Coalesce(String key, String order) {
    /** Ordered by the source's own sequence (digits, up to 40). */
    public static Coalesce sequence(String key, String sequence) {
      return new Coalesce(key, "S" + "0".repeat(Math.max(0, 40 - sequence.length())) + sequence);
    }

    /** Ordered by when the source observed the value. */
    public static Coalesce time(String key, java.time.Instant observedAt) {
      long micros = observedAt.getEpochSecond() * 1_000_000L + observedAt.getNano() / 1_000;
      return new Coalesce(key, "T" + String.format("%020d", micros));
    }

    /** Whether this value is newer than {@code other}; values ordered differently are never compared. */
    boolean newerThan(Coalesce other) {
      return order.charAt(0) == other.order.charAt(0) && order.compareTo(other.order) > 0;
    }
  }
}
