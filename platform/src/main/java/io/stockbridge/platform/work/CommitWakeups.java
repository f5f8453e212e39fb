package io.stockbridge.platform.work;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Wakes background rounds when PostgreSQL tells that work was committed, on any replica: a table's trigger calls
 * {@code pg_notify(channel, '')}, which PostgreSQL delivers only once the writing transaction commits, to every
 * connection listening on the channel. One listening connection per process carries every channel.
 * <p>
 * A notification is a hint, never the only way work is found: a lost connection is reopened (every round is woken
 * then, for what was committed meanwhile) and the rounds' own schedules stay as the safety net.
 */
@ApplicationScoped
public class CommitWakeups {
  private final Vertx vertx;
  private final PgConnectOptions options;
  private final WakeupsConfig config;
  private final Map<String, List<Runnable>> wakers = new ConcurrentHashMap<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile PgSubscriber subscriber;
  private volatile boolean closed;

  public CommitWakeups(Vertx vertx, WakeupsConfig config,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
      @ConfigProperty(name = "quarkus.datasource.username") String user,
      @ConfigProperty(name = "quarkus.datasource.password") String password) {
    this.vertx = vertx;
    this.config = config;
    // a reactive URL may list several hosts; the first is the primary, where writes and their notifications happen
    this.options = PgConnectOptions.fromUri(url.split(",")[0].trim()).setUser(user).setPassword(password);
  }

  /**
   * Runs {@code wake} whenever a transaction that notified {@code channel} commits, on this replica or another.
   * {@code wake} must be cheap and must not block (it runs on an event loop): it should start a round, not be one.
   */
  public synchronized void onCommit(String channel, Runnable wake) {
    if (!config.enabled()) {
      return;
    }
    boolean newChannel = !wakers.containsKey(channel);
    wakers.computeIfAbsent(channel, key -> new CopyOnWriteArrayList<>()).add(wake);
    boolean first = started.compareAndSet(false, true);
    if (first) {
      subscriber = PgSubscriber.subscriber(vertx, options)
          // a lost connection is reopened after the delay; a negative answer would give up, which we never do
          .reconnectPolicy(retries -> config.reconnectDelay().toMillis());
      subscriber.closeHandler(ignored -> {
        if (!closed) {
          Log.warn("The commit notification connection closed; reconnecting (rounds run on their schedules meanwhile)");
        }
      });
    }
    if (newChannel) {
      // (re)subscribing wakes every round of the channel: work may have been committed while nobody listened
      subscriber.channel(channel)
          .subscribeHandler(ignored -> wakeAll(channel))
          .handler(payload -> wakeAll(channel));
    }
    if (first) {
      connect();
    }
  }

  private void connect() {
    if (closed) {
      return;
    }
    subscriber.connect().onFailure(failure -> {
      Log.warnf("Cannot listen for commit notifications yet (%s); trying again in %s", failure.getMessage(),
          config.reconnectDelay());
      vertx.setTimer(config.reconnectDelay().toMillis(), ignored -> connect());
    });
  }

  private void wakeAll(String channel) {
    for (Runnable wake : wakers.getOrDefault(channel, List.of())) {
      try {
        wake.run();
      } catch (RuntimeException e) {
        Log.warnf("Waking a round on '%s' failed: %s", channel, e.getMessage());
      }
    }
  }

  @PreDestroy
  void close() {
    closed = true;
    PgSubscriber current = subscriber;
    if (current != null) {
      current.close();
    }
  }
}
