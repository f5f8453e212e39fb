package io.stockbridge.testing.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.LeasedClaim;
import io.stockbridge.platform.persistence.NamedSql;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The suite's one way of claiming shared work, against PostgreSQL: leases keep claimed rows off limits until they
 * run out, a fair claim serves every tenant in turns, and concurrent claimers never take the same row.
 */
@QuarkusTest
class LeasedClaimTest {
  private static final OffsetDateTime T0 = OffsetDateTime.of(2031, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final NamedSql LEASED = LeasedClaim.from("claim_probe", "q")
      .where("q.due_at <= :now")
      .leasedBy("leased_until")
      .set("claims = claims + 1")
      .orderBy("due_at", "id")
      .returning("id, tenant, claims")
      .build().positional();
  private static final NamedSql FAIR = LeasedClaim.from("claim_probe", "q")
      .where("q.due_at <= :now")
      .leasedBy("leased_until")
      .orderBy("due_at", "id").fairBy("tenant")
      .returning("id, tenant")
      .build().positional();
  private static final NamedSql LOCKED = LeasedClaim.from("claim_probe", "q")
      .where("q.due_at <= :now")
      .orderBy("due_at", "id")
      .returning("id, tenant")
      .build().positional();

  @Inject
  Pool pool;

  @BeforeEach
  void emptyTable() {
    pool.query("""
        create table if not exists claim_probe (
          id text primary key, tenant text, due_at timestamptz not null, leased_until timestamptz,
          claims int not null default 0)""").execute().await().indefinitely();
    pool.query("truncate claim_probe").execute().await().indefinitely();
  }

  private void queue(String tenant, int count, OffsetDateTime dueAt) {
    for (int i = 0; i < count; i++) {
      pool.preparedQuery("insert into claim_probe (id, tenant, due_at) values ($1, $2, $3)")
          .execute(Tuple.of(tenant + "-" + String.format("%03d", i), tenant, dueAt.plusSeconds(i)))
          .await().indefinitely();
    }
  }

  private List<Row> claim(NamedSql claim, OffsetDateTime now, int limit) {
    return claim(pool, claim, now, limit).await().indefinitely();
  }

  private static Uni<List<Row>> claim(io.vertx.mutiny.sqlclient.SqlClient client, NamedSql claim, OffsetDateTime now,
      int limit) {
    return client.preparedQuery(claim.sql())
        .execute(claim.tuple(Map.of("now", now, "lease", now.plus(LEASE), "limit", limit)))
        .map(rows -> {
          List<Row> claimed = new ArrayList<>();
          rows.forEach(claimed::add);
          return claimed;
        });
  }

  private static List<String> ids(List<Row> rows) {
    return rows.stream().map(row -> row.getString("id")).sorted().toList();
  }

  @Test
  void aLeasedRowIsNotClaimedAgainUntilItsLeaseRunsOut() {
    queue("a", 3, T0.minusMinutes(5));
    queue("late", 2, T0.plusMinutes(5));

    assertThat(ids(claim(LEASED, T0, 10))).containsExactly("a-000", "a-001", "a-002");
    assertThat(claim(LEASED, T0.plusSeconds(29), 10)).as("leased until T0 + 30 s").isEmpty();

    List<Row> again = claim(LEASED, T0.plus(LEASE).plusSeconds(1), 10);
    assertThat(ids(again)).containsExactly("a-000", "a-001", "a-002");
    assertThat(again).allSatisfy(row -> assertThat(row.getInteger("claims")).isEqualTo(2));
  }

  @Test
  void aFairClaimServesEveryTenantInTurnsSoOneBacklogHoldsNobodyBack() {
    queue("busy", 40, T0.minusHours(1));
    queue("quiet", 2, T0.minusMinutes(1));
    queue("third", 1, T0.minusMinutes(2));

    List<Row> round = claim(FAIR, T0, 6);

    assertThat(ids(round)).containsExactly("busy-000", "busy-001", "busy-002", "quiet-000", "quiet-001", "third-000");
    List<Row> oldestFirst = claim(LEASED, T0.plus(LEASE).plusSeconds(1), 6);
    assertThat(ids(oldestFirst)).as("without fairness the backlog takes the whole round")
        .allMatch(id -> id.startsWith("busy-"));
  }

  @Test
  void concurrentClaimersSkipEachOthersRowsInsteadOfWaitingOrSharingThem() {
    queue("a", 5, T0.minusMinutes(5));
    SqlConnection first = pool.getConnection().await().indefinitely();
    try {
      Transaction open = first.begin().await().indefinitely();
      List<Row> held = claim(first, LOCKED, T0, 2).await().indefinitely();
      // the first claimer's transaction is still open: its rows are locked, not leased
      List<Row> second = pool.withTransaction(connection -> claim(connection, LOCKED, T0, 10))
          .await().atMost(Duration.ofSeconds(5));
      assertThat(ids(held)).containsExactly("a-000", "a-001");
      assertThat(ids(second)).containsExactly("a-002", "a-003", "a-004");
      open.rollback().await().indefinitely();
    } finally {
      first.close().await().indefinitely();
    }
    assertThat(ids(claim(LOCKED, T0, 10))).as("a lock ends with its transaction").hasSize(5);
  }

  @Test
  void namedParametersBecomePositionalOnceEachAndCastsAndLiteralsStayAsTheyAre() {
    NamedSql sql = NamedSql.of("select :now::text, :limit, :now where x = 'a:b'");

    assertThat(sql.sql()).isEqualTo("select $1::text, $2, $1 where x = 'a:b'");
    assertThat(sql.names()).containsExactly("now", "limit");
    assertThatThrownBy(() -> sql.tuple(Map.of("now", T0))).hasMessageContaining(":limit");
  }

  @Test
  void aClaimStatesItsOrder() {
    assertThatThrownBy(() -> LeasedClaim.from("claim_probe", "q").where("true").build())
        .isInstanceOf(IllegalStateException.class);
    assertThat(LeasedClaim.from("claim_probe", "q").orderBy("id").build().sql())
        .contains("for update of q skip locked").doesNotContain("update claim_probe set");
  }
}
