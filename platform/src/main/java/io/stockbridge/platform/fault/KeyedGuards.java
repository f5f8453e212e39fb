package io.stockbridge.platform.fault;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * Fault-tolerance guards (timeout, retry, circuit breaker) kept one per key: per seller, or per receiver and seller.
 * A breaker annotated on a client method is one for every seller, so a single seller whose calls keep failing (a
 * broken item, a shop the channel chokes on) would open it for all of them; here it opens for that key alone.
 * <p>
 * At most {@code kept} guards are held; the least recently used beyond that are forgotten (a forgotten breaker starts
 * closed again, which errs on the side of trying).
 *
 * @param <T> what the guarded call answers
 */
public final class KeyedGuards<T> {
  /** How many guards a client keeps unless it says otherwise: more sellers than one replica serves at once. */
  public static final int DEFAULT_KEPT = 10_000;

  private final Supplier<TypedGuard<Uni<T>>> factory;
  private final Map<String, TypedGuard<Uni<T>>> guards;

  private KeyedGuards(TypeLiteral<Uni<T>> type, GuardShape shape, int kept) {
    this.factory = () -> shape.build(type);
    this.guards = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, TypedGuard<Uni<T>>> eldest) {
        return size() > kept;
      }
    };
  }

  /**
   * @param type  what the guarded call answers, as a type literal ({@code new TypeLiteral<Uni<X>>() {}})
   * @param shape how each key's calls are guarded
   * @param kept  how many keys' guards are held at most
   */
  public static <T> KeyedGuards<T> of(TypeLiteral<Uni<T>> type, GuardShape shape, int kept) {
    return new KeyedGuards<>(type, shape, kept);
  }

  /** The same, holding {@link #DEFAULT_KEPT} keys' guards at most. */
  public static <T> KeyedGuards<T> of(TypeLiteral<Uni<T>> type, GuardShape shape) {
    return of(type, shape, DEFAULT_KEPT);
  }

  /** Runs the call under the guard of its key (created on first use). */
  public Uni<T> call(String key, Supplier<Uni<T>> call) {
    TypedGuard<Uni<T>> guard;
    synchronized (guards) {
      guard = guards.computeIfAbsent(key == null ? "" : key, k -> factory.get());
    }
    return guard.get(call);
  }
}
