package io.stockbridge.catalog.channelwebhook.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The channel's notifications as received: the id is the dedupe key, the body is kept for the record. */
@ApplicationScoped
public class ChannelNotificationRepository {

  /** Records the notification; false when its id was seen before (the channel retries and repeats). */
  public Uni<Boolean> recordFirst(String notificationId, UUID connectionId, int type, String body,
      OffsetDateTime receivedAt) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into channel_notification (notification_id, connection_id, type, body, received_at) "
                + "values (:id, :connection, :type, cast(:body as jsonb), :at) on conflict do nothing")
        .setParameter("id", notificationId).setParameter("connection", connectionId).setParameter("type", type)
        .setParameter("body", body).setParameter("at", receivedAt).executeUpdate())
        .map(inserted -> inserted > 0);
  }
}
