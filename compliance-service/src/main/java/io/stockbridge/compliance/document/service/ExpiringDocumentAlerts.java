package io.stockbridge.compliance.document.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.compliance.config.ComplianceConfig;
import io.stockbridge.platform.alert.AlertSource;
import io.stockbridge.platform.alert.AlertSources;

/**
 * Verified documents about to stop counting (CMP-2: only verified and unexpired documents count), told to the seller's
 * alert feed from the warning window before their expiry date, and past it, until the seller has a verified
 * replacement of the same type, market and scope valid beyond the window. The cause is the document.
 */
@ApplicationScoped
public class ExpiringDocumentAlerts implements AlertSources {
  private static final String EXPIRING = """
      select d.seller_id, d.id::text as cause, null as seller_sku, null as warehouse_id,
        'Document ' || d.type || ' ' || d.number || ' (' || d.market || ') '
          || case when d.expires_at <= $2::date then 'expired on ' else 'expires on ' end || d.expires_at as summary,
        jsonb_build_object('documentId', d.id, 'documentType', d.type, 'number', d.number, 'market', d.market,
          'scope', d.scope, 'scopeId', d.scope_id, 'expiresAt', d.expires_at,
          'daysLeft', greatest(0, d.expires_at - $2::date)) as details
      from compliance_document d
      where d.status in ('VERIFIED', 'EXPIRED') and d.expires_at < $3::date
        and not exists (select 1 from compliance_document r where r.seller_id = d.seller_id and r.type = d.type
          and r.market = d.market and r.scope = d.scope and r.scope_id is not distinct from d.scope_id
          and r.status = 'VERIFIED' and (r.expires_at is null or r.expires_at >= $3::date))""";

  private final ComplianceConfig config;

  public ExpiringDocumentAlerts(ComplianceConfig config) {
    this.config = config;
  }

  @Override
  public List<AlertSource> alertSources(OffsetDateTime now) {
    java.time.LocalDate today = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    return List.of(new AlertSource("DOCUMENT_EXPIRING", EXPIRING, List.of(today,
        today.plusDays(config.documents().expiryWarningDays()))));
  }
}
