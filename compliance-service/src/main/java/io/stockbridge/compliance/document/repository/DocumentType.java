package io.stockbridge.compliance.document.repository;

/**
 * The kinds of compliance document the requirement rules can ask for (rule CMP-1), each with the failure code a
 * publication check reports when a product needs one and the seller has none (rule LST-1).
 */
public enum DocumentType {
  FCC_ID("missing_fcc_id", "FCC ID certificate"),
  FCC_TEST_REPORT("missing_fcc_test_report", "FCC Part 15B test report"),
  FDA_FACILITY_REGISTRATION("fda_registration_not_verified", "FDA facility registration"),
  CPI("missing_cpi", "Cosmetic Product Ingredient statement"),
  EPR_REGISTRATION("missing_epr_registration", "EPR registration"),
  CPSC_STATEMENT("missing_cpsc_statement", "CPSC compliance statement"),
  SGS_TEST_REPORT("missing_sgs_test_report", "SGS test report"),
  UKCA_DECLARATION("missing_ukca_declaration", "UKCA declaration of conformity"),
  THAI_FDA_LICENCE("missing_thai_fda_licence", "Thai FDA licence"),
  TIN("tin_required", "tax identification number (TIN) certificate");

  private final String missingCode;
  private final String label;

  DocumentType(String missingCode, String label) {
    this.missingCode = missingCode;
    this.label = label;
  }

  /** The failure code when no usable document of this type exists. */
  public String missingCode() {
    return missingCode;
  }

  /** How a seller would name it. */
  public String label() {
    return label;
  }
}
