package io.stockbridge.compliance.rule.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.market.Market;

@ApplicationScoped
public class RequirementRuleRepository implements PanacheRepositoryBase<RequirementRule, UUID> {

  /** The rules of a version, of one market or (market null) of all. */
  public Uni<List<RequirementRule>> inForce(int version, Market market) {
    String where = "fromVersion <= :version and (toVersion is null or toVersion > :version)";
    Parameters parameters = Parameters.with("version", version);
    if (market != null) {
      where += " and market = :market";
      parameters.and("market", market);
    }
    return list(where + " order by market, categoryPath, ruleId", parameters);
  }

  /** The current wording of a rule; null when it does not exist or was removed. */
  public Uni<RequirementRule> current(UUID ruleId) {
    return find("ruleId = ?1 and toVersion is null", ruleId).firstResult();
  }

  /**
   * The newest version, read under a transaction-long lock so that two rule changes never make the same version
   * number: call first in a changing transaction.
   */
  public Uni<Integer> lockCurrentVersion() {
    return Panache.getSession().chain(session -> session
        .createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext('requirement_rule_set'))) as locked",
            Integer.class)
        .getSingleResult()
        .chain(() -> currentVersion()));
  }

  public Uni<Integer> currentVersion() {
    return Panache.getSession().chain(session -> session
        .createNativeQuery("select max(version) from rule_set_version", Integer.class)
        .getSingleResult());
  }

  public Uni<List<RuleSetVersion>> versions() {
    return Panache.getSession().chain(session -> session
        .createQuery("from RuleSetVersion order by version desc", RuleSetVersion.class)
        .getResultList());
  }

  public Uni<RuleSetVersion> version(int version) {
    return Panache.getSession().chain(session -> session.find(RuleSetVersion.class, version));
  }

  public Uni<Void> persistVersion(RuleSetVersion version) {
    return Panache.getSession().chain(session -> session.persist(version));
  }
}
