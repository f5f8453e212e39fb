package io.stockbridge.compliance.category.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.persistence.SqlRow;

/**
 * The per-market category trees (rule LST-2). Read through the current reactive session, as plain rows.
 */
@ApplicationScoped
public class MarketCategoryRepository {

  /** Every category of a market, parents before their children. */
  public Uni<List<MarketCategory>> of(Market market) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select path, whitelisted from market_category where market = :market order by path", Tuple.class)
        .setParameter("market", market.name())
        .getResultList())
        .map(rows -> SqlRow.of(rows).stream()
            .map(row -> new MarketCategory(row.text("path"), row.flag("whitelisted"))).toList());
  }

  /** Opens or closes a top-level category and its sub-categories; returns how many rows changed. */
  public Uni<Integer> setWhitelisted(Market market, String topLevel, boolean whitelisted) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update market_category set whitelisted = :whitelisted where market = :market "
                + "and (path = :top or path like :below)")
        .setParameter("whitelisted", whitelisted).setParameter("market", market.name())
        .setParameter("top", topLevel).setParameter("below", topLevel.replace("%", "\\%").replace("_", "\\_") + "/%")
        .executeUpdate());
  }

  /** A category of a market's tree; sub-categories carry their top-level category's flag. */
  public record MarketCategory(String path, boolean whitelisted) {
  }
}
