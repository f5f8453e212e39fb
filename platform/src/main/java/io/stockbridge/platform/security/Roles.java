package io.stockbridge.platform.security;

/**
 * The roles a token may carry (Keycloak realm roles, or the {@code groups} claim of any OIDC provider).
 */
public final class Roles {
  /** A seller's administrator: everything for that seller, including ownership and connection changes. */
  public static final String SELLER_ADMIN = "seller-admin";
  /** A seller's operator: day-to-day stock and listing work. */
  public static final String SELLER_OPERATOR = "seller-operator";
  /** An ERP or WMS integration of a seller, holding a client-credentials token. */
  public static final String ERP_INTEGRATION = "erp-integration";
  /** Reviews compliance documents of every seller. */
  public static final String COMPLIANCE_REVIEWER = "compliance-reviewer";
  /** Runs the platform: requirement rules, category access, operations. */
  public static final String PLATFORM_ADMIN = "platform-admin";
  /** A Stockbridge service's own account, for {@code /internal/v1/**} calls between services. */
  public static final String SERVICE = "service";

  private Roles() {
  }
}
