package io.stockbridge.compliance.check.repository;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.compliance.check.Finding;

/** What a check found, kept as one JSON document (read by Hibernate's JSON mapper, so registered for native). */
@RegisterForReflection
public record Findings(List<Finding> failures, List<Finding> warnings) {
}
