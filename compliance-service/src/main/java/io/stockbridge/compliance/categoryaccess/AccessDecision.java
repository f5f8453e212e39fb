package io.stockbridge.compliance.categoryaccess;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A platform admin's decision on an access request")
public record AccessDecision(
    @NotNull Verdict decision,
    @Schema(description = "Required when rejecting: the seller is told why") @Size(max = 2000) String reason) {

  @Schema(name = "AccessVerdict")
  public enum Verdict {
    APPROVED, REJECTED
  }
}
