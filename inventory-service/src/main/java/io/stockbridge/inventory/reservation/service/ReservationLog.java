package io.stockbridge.inventory.reservation.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.reservation.ReservationView;
import io.stockbridge.inventory.reservation.repository.ReservationChanges;
import io.stockbridge.inventory.reservation.repository.ReservationRepository;
import io.stockbridge.inventory.reservation.repository.ReservationStatus;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;

/** The seller's reservations by when they last changed, a page at a time. */
@ApplicationScoped
public class ReservationLog {
  private final ReservationChanges changes;
  private final ReservationRepository reservations;

  public ReservationLog(ReservationChanges changes, ReservationRepository reservations) {
    this.changes = changes;
    this.reservations = reservations;
  }

  @WithSession
  public Uni<Page<ReservationView>> changedSince(String sellerId, ReservationStatus status, OffsetDateTime since,
      String cursor, int limit) {
    return changes.changedIds(sellerId, status, since, PageCursor.decode(cursor), limit + 1)
        .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ReservationView>of())
            : Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> reservations.findById(sellerId, id))
                .map(ReservationView::of).collect().asList())
        .map(views -> Page.of(views, limit, ReservationLog::cursorOf, view -> view));
  }

  private static PageCursor cursorOf(ReservationView view) {
    return new PageCursor(view.closedAt() != null ? view.closedAt() : view.createdAt(), view.id());
  }
}
