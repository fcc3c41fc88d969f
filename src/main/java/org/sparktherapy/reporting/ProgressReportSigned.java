package org.sparktherapy.reporting;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.Nullable;

/**
 * A BCBA signed a child's progress report: from now on the child's guardians (and care
 * team) can read and download it. Raised for a correction too, which names the version it
 * {@code supersedes}. Ids only: the report's content stays in reporting.
 *
 * @param supersedes the earlier signed version this one corrects, or null
 */
public record ProgressReportSigned(UUID reportId, UUID childId, @Nullable UUID supersedes, Instant at) {
}
