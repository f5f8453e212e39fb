package io.stockbridge.testing.platform.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.stockbridge.platform.alert.AlertReport;
import io.stockbridge.testing.AlertReports;
import io.stockbridge.platform.outbox.OutboxDispatcher;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.stockbridge.testing.ServiceAccountStub;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A seller's event refused for good is told to the seller's alert feed while it waits as a dead letter, once, and
 * cleared when its replay is delivered; the report itself travels through the outbox like every event.
 */
@QuarkusTest
class DeadLetterAlertTest {
  private static final String PATH = "/internal/v1/parcels";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SELLER_A = TestTokens.seller("seller-a", "seller-admin");

  @InjectDestination
  WireMockServer receiver;

  @OidcWireMock
  WireMockServer oidc;

  @Inject
  OutboxDispatcher dispatcher;

  @Inject
  Pool pool;

  @BeforeEach
  void reset() {
    receiver.resetAll();
    ServiceAccountStub.install(oidc, "platform-test");
    receiver.stubFor(post(AlertReport.PATH).willReturn(aResponse().withStatus(200)));
  }

  private static List<AlertReport> report(String deadLetterId) {
    return AlertReports.reportedOf(deadLetterId);
  }

  @Test
  void aDeadLetterIsAnAlertUntilItsReplayIsDelivered() throws Throwable {
    receiver.stubFor(post(PATH).willReturn(aResponse().withStatus(422).withHeader("Content-Type",
        "application/problem+json").withBody("{\"status\":422,\"code\":\"LABEL_FORBIDDEN\",\"detail\":\"no\"}")));
    String parcelId = as(SELLER_A).body("{\"label\":\"refused\"}").post("/v1/parcels").then().statusCode(201)
        .extract().path("id");
    dispatcher.dispatch("replica-a").await().atMost(WAIT);
    String id = pool.preparedQuery("select id from outbox_event where status = 'DEAD' and payload like $1")
        .execute(Tuple.of("%" + parcelId + "%")).await().atMost(WAIT).iterator().next().getUUID(0).toString();

    assertThat(report(id)).singleElement().satisfies(report -> {
      assertThat(report.type()).isEqualTo("DELIVERY_DEAD_LETTER");
      assertThat(report.state()).isEqualTo(AlertReport.State.RAISED);
      assertThat(report.summary()).contains("parcel.created").contains("422 LABEL_FORBIDDEN");
      assertThat(report.details()).containsEntry("receiverCode", "LABEL_FORBIDDEN").containsEntry("deadLetterId", id);
      assertThat(report.raisedBy()).isEqualTo("platform-test");
    });
    assertThat(report(id)).as("told once while it waits").isEmpty();
    long written = pool.preparedQuery("select count(*) from outbox_event where path = $1 and seller_id = 'seller-a' "
        + "and payload like $2").execute(Tuple.of(AlertReport.PATH, "%" + id + "%")).await().atMost(WAIT)
        .iterator().next().getLong(0);
    assertThat(written).isEqualTo(1);

    receiver.stubFor(post(PATH).willReturn(aResponse().withStatus(200)));
    as(SELLER_A).post("/v1/dead-letters/" + id + "/replay").then().statusCode(200);
    for (int round = 0; round < 5; round++) {
      dispatcher.dispatch("replica-a").await().atMost(WAIT);
    }
    assertThat(report(id)).singleElement()
        .satisfies(report -> assertThat(report.state()).isEqualTo(AlertReport.State.CLEARED));
  }
}
