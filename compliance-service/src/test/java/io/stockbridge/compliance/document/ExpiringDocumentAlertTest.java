package io.stockbridge.compliance.document;

import static io.stockbridge.compliance.Fixtures.newSeller;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.compliance.Fixtures.Seller;
import io.stockbridge.platform.alert.AlertReport;
import io.stockbridge.testing.AlertReports;
import io.stockbridge.testing.SettableClock;

/**
 * Rule CMP-2: only verified, unexpired documents count, so one about to expire is told to the seller's alert feed
 * from 30 days before its date, and past it, until a verified replacement is there.
 */
@QuarkusTest
class ExpiringDocumentAlertTest {
  @Inject
  SettableClock clock;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private static List<AlertReport> report(String documentId) {
    return AlertReports.reportedOf(documentId);
  }

  @Test
  void aDocumentAboutToExpireIsAnAlertUntilAVerifiedReplacementIsThere_CMP2() throws Throwable {
    Seller seller = newSeller();
    LocalDate expires = LocalDate.now(ZoneOffset.UTC).plusDays(40);
    String id = seller.verified("FCC_ID", "US", "expiresAt", expires.toString());
    assertThat(report(id)).isEmpty();

    clock.advance(Duration.ofDays(15));
    assertThat(report(id)).singleElement().satisfies(report -> {
      assertThat(report.type()).isEqualTo("DOCUMENT_EXPIRING");
      assertThat(report.state()).isEqualTo(AlertReport.State.RAISED);
      assertThat(report.summary()).contains("FCC_ID").contains("expires on " + expires);
      assertThat(report.details()).containsEntry("daysLeft", 25).containsEntry("market", "US");
      assertThat(report.raisedBy()).isEqualTo("compliance-service");
    });
    assertThat(report(id)).as("told once while its figures hold").isEmpty();

    // past its date it still holds, with new figures
    clock.advance(Duration.ofDays(30));
    assertThat(report(id)).singleElement().satisfies(report -> {
      assertThat(report.state()).isEqualTo(AlertReport.State.RAISED);
      assertThat(report.summary()).contains("expired on " + expires);
    });

    seller.verified("FCC_ID", "US", "expiresAt", expires.plusYears(2).toString());
    assertThat(report(id)).singleElement()
        .satisfies(report -> assertThat(report.state()).isEqualTo(AlertReport.State.CLEARED));
  }
}
