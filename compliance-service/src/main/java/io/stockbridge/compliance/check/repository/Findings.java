package io.stockbridge.compliance.check.repository;

import java.util.List;

import io.stockbridge.compliance.check.rest.Finding;

/** What a check found, kept as one JSON document. */
public record Findings(List<Finding> failures, List<Finding> warnings) {
}
