package org.sparktherapy.reporting.internal.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.Nullable;

/**
 * A child's progress report: a draft the BCBA writes, or a signed document version. A
 * signed report never changes; a correction is a new report that {@code supersedes} it,
 * and once that is signed the first is {@link Status#SUPERSEDED}.
 *
 * @param snapshot the figures as signed, as JSON; null for a draft
 * @param supersededBy the signed report that corrects this one, if any
 */
record ProgressReport(UUID id, UUID childId, LocalDate periodStart, LocalDate periodEnd, Narrative narrative,
		UUID createdBy, Instant createdAt, Instant updatedAt, @Nullable UUID supersedes, @Nullable Signature signature,
		@Nullable String snapshot, @Nullable UUID supersededBy, int version) {

	/** Where a report stands. */
	enum Status {

		DRAFT, SIGNED, SUPERSEDED;

		@com.fasterxml.jackson.annotation.JsonValue
		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** The BCBA's words: a summary, goals for the next period, recommendations. */
	record Narrative(String summary, String goals, String recommendations) {

		static final Narrative EMPTY = new Narrative("", "", "");

		boolean isIncomplete() {
			return this.summary.isBlank() || this.goals.isBlank() || this.recommendations.isBlank();
		}

	}

	/** Who signed, and when. */
	record Signature(UUID by, String name, Instant at) {
	}

	Status status() {
		if (this.signature == null) {
			return Status.DRAFT;
		}
		return (this.supersededBy != null) ? Status.SUPERSEDED : Status.SIGNED;
	}

	boolean isSigned() {
		return this.signature != null;
	}

}
