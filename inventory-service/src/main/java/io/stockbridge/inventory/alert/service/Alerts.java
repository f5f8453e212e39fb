package io.stockbridge.inventory.alert.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.alert.AlertAcknowledgement;
import io.stockbridge.inventory.alert.AlertStatus;
import io.stockbridge.inventory.alert.AlertType;
import io.stockbridge.inventory.alert.AlertView;
import io.stockbridge.inventory.alert.repository.Alert;
import io.stockbridge.inventory.alert.repository.AlertRepository;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/** The seller's alert feed: read it, and say an alert was seen. */
@ApplicationScoped
public class Alerts {
  private final AlertRepository alerts;
  private final SuiteClock clock;

  public Alerts(AlertRepository alerts, SuiteClock clock) {
    this.alerts = alerts;
    this.clock = clock;
  }

  @WithSession
  public Uni<Page<AlertView>> list(String sellerId, AlertType type, AlertStatus status, String sellerSku,
      String warehouseId, String cursor, int limit) {
    return alerts.page(sellerId, type, status, sellerSku, warehouseId, PageCursor.decode(cursor), limit + 1)
        .map(rows -> Page.of(rows, limit, alert -> new PageCursor(alert.createdAt, alert.id), AlertView::of));
  }

  @WithSession
  public Uni<AlertView> find(String sellerId, UUID id) {
    return owned(sellerId, id).map(AlertView::of);
  }

  /**
   * Marks an open alert seen; it stays until its cause goes away. A repeat answers the first acknowledgement; an
   * alert that resolved before is a conflict (there is nothing left to acknowledge).
   */
  @WithTransaction
  public Uni<AlertView> acknowledge(String sellerId, String actor, UUID id, AlertAcknowledgement acknowledgement) {
    return alerts.findOwnedForUpdate(sellerId, id)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Alert", id.toString()))
        .map(alert -> {
          if (alert.status == AlertStatus.RESOLVED) {
            throw ProblemException.conflict(InventoryProblem.ALERT_ALREADY_RESOLVED,
                "Alert " + id + " resolved on " + alert.resolvedAt + " (" + alert.resolution + ")");
          }
          if (alert.status == AlertStatus.OPEN) {
            alert.status = AlertStatus.ACKNOWLEDGED;
            alert.acknowledgedAt = clock.now();
            alert.acknowledgedBy = actor;
            alert.acknowledgementNote = acknowledgement == null ? null : acknowledgement.note();
            alert.updatedAt = alert.acknowledgedAt;
          }
          return AlertView.of(alert);
        });
  }

  private Uni<Alert> owned(String sellerId, UUID id) {
    return alerts.findOwned(sellerId, id)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Alert", id.toString()));
  }
}
