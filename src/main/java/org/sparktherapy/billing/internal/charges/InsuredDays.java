package org.sparktherapy.billing.internal.charges;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * On which days a child's services go to an insurer: the days a coverage of the child
 * covers (coverages are insurance only; a day without one is private pay). For the payer
 * rules of the schedule (ADR 0031), which need no more than the dates: no member id or
 * payer leaves this class.
 */
@Component
public class InsuredDays {

	private final CoverageRepository coverages;

	InsuredDays(CoverageRepository coverages) {
		this.coverages = coverages;
	}

	/** The periods of the child's coverages, as recorded. */
	public Periods of(UUID childId) {
		return new Periods(
				this.coverages.ofChild(childId).stream().map(c -> new Period(c.startsOn(), c.endsOn())).toList());
	}

	/** A coverage's days; {@code endsOn} null: open-ended. */
	public record Period(LocalDate startsOn, LocalDate endsOn) {

		boolean covers(LocalDate day) {
			return !day.isBefore(this.startsOn) && (this.endsOn == null || !day.isAfter(this.endsOn));
		}

		boolean overlaps(LocalDate from, LocalDate to) {
			return !this.startsOn.isAfter(to) && (this.endsOn == null || !this.endsOn.isBefore(from));
		}

	}

	/** A child's coverage periods. */
	public record Periods(List<Period> periods) {

		public Periods {
			periods = List.copyOf(periods);
		}

		/** Whether any coverage is recorded for the child at all. */
		public boolean recorded() {
			return !this.periods.isEmpty();
		}

		public boolean covers(LocalDate day) {
			return this.periods.stream().anyMatch(p -> p.covers(day));
		}

		public boolean overlaps(LocalDate from, LocalDate to) {
			return this.periods.stream().anyMatch(p -> p.overlaps(from, to));
		}

	}

}
