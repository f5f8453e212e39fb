package io.stockbridge.compliance.rule.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.ComplianceProblem;
import io.stockbridge.compliance.category.service.CategoryDirectory;
import io.stockbridge.compliance.category.service.CategoryStanding;
import io.stockbridge.compliance.market.CategoryPath;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.compliance.rule.RuleDraft;
import io.stockbridge.compliance.rule.RuleSetView;
import io.stockbridge.compliance.rule.RuleView;
import io.stockbridge.compliance.rule.repository.RequirementRule;
import io.stockbridge.compliance.rule.repository.RequirementRuleRepository;
import io.stockbridge.compliance.rule.repository.RuleSetVersion;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * The requirement rule table (rule CMP-1), versioned as a whole: every change by a platform admin makes a new
 * version; a check applies the current one and records its number; old versions stay readable.
 */
@ApplicationScoped
public class RequirementRuleService {
  private final RequirementRuleRepository rules;
  private final CategoryDirectory categories;
  private final SuiteClock clock;

  public RequirementRuleService(RequirementRuleRepository rules, CategoryDirectory categories, SuiteClock clock) {
    this.rules = rules;
    this.categories = categories;
    this.clock = clock;
  }

  /** The rules of a market (null: all) in {@code version} (null: the current one). */
  @WithSession
  public Uni<RuleSetView> view(Integer version, Market market) {
    Uni<Integer> which = version == null ? rules.currentVersion() : Uni.createFrom().item(version);
    return which.chain(number -> rules.version(number).chain(found -> {
      if (found == null) {
        throw ProblemException.notFound("Rule set version", String.valueOf(number));
      }
      return rules.inForce(number, market)
          .map(list -> RuleSetView.of(found, list.stream().map(RuleView::of).toList()));
    }));
  }

  @WithSession
  public Uni<List<RuleSetView.VersionView>> versions() {
    return rules.versions().map(list -> list.stream().map(RuleSetView.VersionView::of).toList());
  }

  /** The current rules of a market, for a check; call inside a session. */
  public Uni<RuleSet> current(Market market) {
    return rules.currentVersion().chain(version -> rules.inForce(version, market)
        .map(list -> new RuleSet(version, list)));
  }

  @WithTransaction
  public Uni<RuleSetView> add(String actor, RuleDraft draft) {
    return validated(draft).chain(() -> rules.lockCurrentVersion()).chain(current -> {
      int next = current + 1;
      RequirementRule rule = newRow(UUID.randomUUID(), draft, next);
      return newVersion(next, actor, change(draft, "Added: " + draft.description()))
          .chain(() -> rules.persist(rule))
          .chain(() -> view(next, null));
    });
  }

  @WithTransaction
  public Uni<RuleSetView> replace(String actor, UUID ruleId, RuleDraft draft) {
    return validated(draft).chain(() -> rules.lockCurrentVersion()).chain(current -> existing(ruleId)
        .chain(old -> {
          int next = current + 1;
          old.toVersion = next;
          return newVersion(next, actor, change(draft, "Changed: " + draft.description()))
              .chain(() -> rules.flush())
              .chain(() -> rules.persist(newRow(ruleId, draft, next)))
              .chain(() -> view(next, null));
        }));
  }

  @WithTransaction
  public Uni<RuleSetView> remove(String actor, UUID ruleId, String note) {
    return rules.lockCurrentVersion().chain(current -> existing(ruleId).chain(old -> {
      int next = current + 1;
      old.toVersion = next;
      String change = note == null || note.isBlank() ? "Removed: " + old.description : note;
      return newVersion(next, actor, change).chain(() -> rules.flush()).chain(() -> view(next, null));
    }));
  }

  private Uni<RequirementRule> existing(UUID ruleId) {
    return rules.current(ruleId)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Requirement rule", ruleId.toString()));
  }

  /** A rule for a category the market does not have would silently never apply: refuse it. */
  private Uni<Void> validated(RuleDraft draft) {
    if (CategoryPath.EVERY_CATEGORY.equals(draft.categoryPath().trim())) {
      return Uni.createFrom().voidItem();
    }
    return categories.standing(draft.market(), draft.categoryPath()).invoke(standing -> {
      if (standing.access() == CategoryStanding.Access.UNKNOWN) {
        throw ProblemException.badRequest(ComplianceProblem.UNKNOWN_CATEGORY, "The rule names a category the market does not have",
            List.of(new FieldError("categoryPath", "unknown_category",
                "'" + draft.categoryPath() + "' is not a category of " + draft.market() + "; use * for all")));
      }
    }).replaceWithVoid();
  }

  private Uni<Void> newVersion(int number, String actor, String change) {
    RuleSetVersion version = new RuleSetVersion();
    version.version = number;
    version.createdAt = clock.now();
    version.createdBy = actor;
    version.change = change.length() > 500 ? change.substring(0, 500) : change;
    return rules.persistVersion(version);
  }

  private static RequirementRule newRow(UUID ruleId, RuleDraft draft, int version) {
    RequirementRule rule = new RequirementRule();
    rule.rowId = UUID.randomUUID();
    rule.ruleId = ruleId;
    rule.market = draft.market();
    String path = draft.categoryPath().trim();
    rule.categoryPath = CategoryPath.EVERY_CATEGORY.equals(path) ? path : CategoryPath.clean(path);
    rule.conditions = draft.conditions() == null ? Map.of() : Map.copyOf(draft.conditions());
    rule.documentTypes = draft.documentTypes().stream().distinct().toList();
    rule.description = draft.description().trim();
    rule.fromVersion = version;
    return rule;
  }

  private static String change(RuleDraft draft, String fallback) {
    return draft.changeNote() == null || draft.changeNote().isBlank() ? fallback : draft.changeNote().trim();
  }
}
