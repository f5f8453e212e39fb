package io.stockbridge.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one way this suite claims queued work that several replicas share: rows are picked with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas never wait on each other nor take the same row, and either stamped with
 * a lease (the row stays off limits to everyone else until the lease runs out, even after the transaction ends) or
 * only locked for the claiming transaction.
 *
 * <p>The statement uses the named parameters {@code :now}, {@code :limit} and, when leased, {@code :lease}, plus any
 * the caller's conditions add; {@link NamedSql} turns it into the SQL client's positional form.
 *
 * <p>{@link Builder#fairBy(String)} shares a round between tenants: each tenant's due rows are taken in turns (every
 * tenant's first, then every tenant's second, ...), so one seller's backlog never holds another's work back.
 */
public final class LeasedClaim {
  private final String sql;

  private LeasedClaim(String sql) {
    this.sql = sql;
  }

  /** Starts a claim over {@code table}, read under {@code alias} in the conditions. */
  public static Builder from(String table, String alias) {
    return new Builder(table, alias);
  }

  /** The statement with named parameters (Hibernate native queries). */
  public String sql() {
    return sql;
  }

  /** The statement in the SQL client's positional form. */
  public NamedSql positional() {
    return NamedSql.of(sql);
  }

  @Override
  public String toString() {
    return sql;
  }

  /** Describes one claim; every clause is SQL over the table's alias. */
  public static final class Builder {
    private final String table;
    private final String alias;
    private final List<String> joins = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> order = new ArrayList<>();
    private String leaseColumn;
    private String tenantColumn;
    private String perTenantLimit = ":limit";
    private String returning = "id";

    private Builder(String table, String alias) {
      this.table = Objects.requireNonNull(table);
      this.alias = Objects.requireNonNull(alias);
    }

    /** Adds a join (e.g. {@code join channel_connection c on c.id = p.connection_id}); only the table's rows lock. */
    public Builder join(String join) {
      joins.add(join);
      return this;
    }

    /** Adds a condition a row must meet to be due. */
    public Builder where(String condition) {
      conditions.add("(" + condition + ")");
      return this;
    }

    /**
     * Leases claimed rows through {@code column}: a row whose lease has not run out by {@code :now} is not due, and a
     * claim sets it to {@code :lease}.
     */
    public Builder leasedBy(String column) {
      this.leaseColumn = column;
      return this;
    }

    /** Also sets {@code assignment} on each claimed row (e.g. {@code attempts = attempts + 1}). */
    public Builder set(String assignment) {
      sets.add(assignment);
      return this;
    }

    /** Takes due rows in this order: columns of the table, each optionally followed by direction and nulls order. */
    public Builder orderBy(String... columns) {
      order.addAll(List.of(columns));
      return this;
    }

    /** Shares each round between the tenants named by {@code column}, in turns. */
    public Builder fairBy(String column) {
      this.tenantColumn = column;
      return this;
    }

    /**
     * Shares each round between the tenants named by {@code column}, in turns, taking at most the named parameter
     * {@code perTenantLimit} (e.g. {@code :per_subscription}) of each tenant's rows.
     */
    public Builder fairBy(String column, String perTenantLimit) {
      this.tenantColumn = column;
      this.perTenantLimit = Objects.requireNonNull(perTenantLimit);
      return this;
    }

    /** The columns the claim answers (the table's, unqualified); {@code id} unless set. */
    public Builder returning(String columns) {
      this.returning = columns;
      return this;
    }

    /** Renders the claim. */
    public LeasedClaim build() {
      if (order.isEmpty()) {
        throw new IllegalStateException("a claim takes rows in a stated order");
      }
      List<String> due = new ArrayList<>(conditions);
      if (leaseColumn != null) {
        due.add(leaseFree(alias + "."));
      }
      String picked = tenantColumn == null ? lockedRows(due) : fairRows(due);
      if (sets.isEmpty() && leaseColumn == null) {
        // locked only: the rows stay ours until the claiming transaction ends
        return new LeasedClaim("select " + returning + " from " + table + " where id in (" + picked + ")"
            + " order by " + String.join(", ", order));
      }
      List<String> assignments = new ArrayList<>();
      if (leaseColumn != null) {
        assignments.add(leaseColumn + " = :lease");
      }
      assignments.addAll(sets);
      // the outer re-check keeps a row whose lease another replica renewed meanwhile from being claimed twice
      return new LeasedClaim("update " + table + " set " + String.join(", ", assignments) + " where id in (" + picked
          + ")" + (leaseColumn == null ? "" : " and " + leaseFree("")) + " returning " + returning);
    }

    private String leaseFree(String qualifier) {
      return "(" + qualifier + leaseColumn + " is null or " + qualifier + leaseColumn + " < :now)";
    }

    private String source() {
      return table + " " + alias + joins.stream().map(join -> " " + join).collect(Collectors.joining());
    }

    private String lockedRows(List<String> due) {
      return "select " + alias + ".id from " + source() + where(due) + " order by " + qualified(alias)
          + " limit :limit for update of " + alias + " skip locked";
    }

    private String fairRows(List<String> due) {
      String tenant = alias + "." + tenantColumn;
      String carried = order.stream().map(Builder::column).distinct().filter(column -> !column.equals("id"))
          .map(column -> ", " + alias + "." + column).collect(Collectors.joining());
      List<String> ofTenant = new ArrayList<>(due);
      ofTenant.add(tenant + " is not distinct from s.tenant");
      return "select t.id from (select f.*, row_number() over (partition by s.tenant order by " + qualified("f")
          + ") as turn from (select distinct " + tenant + " as tenant from " + source() + where(due) + ") s"
          + " cross join lateral (select " + alias + ".id" + carried + " from " + source() + where(ofTenant)
          + " order by " + qualified(alias) + " limit " + perTenantLimit + " for update of " + alias + " skip locked) f) t"
          + " order by t.turn, " + qualified("t") + " limit :limit";
    }

    private String qualified(String qualifier) {
      return order.stream().map(entry -> qualifier + "." + entry).collect(Collectors.joining(", "));
    }

    private static String where(List<String> due) {
      return due.isEmpty() ? "" : " where " + String.join(" and ", due);
    }

    private static String column(String orderEntry) {
      return orderEntry.strip().split("\\s+")[0];
    }
  }
}
