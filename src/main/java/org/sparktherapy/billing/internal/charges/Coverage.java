package org.sparktherapy.billing.internal.charges;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A child's insurance with one payer from {@code startsOn} to {@code endsOn} (included;
 * {@code null}: open): the member and group numbers and the subscriber (the insured
 * person) as the 837's subscriber loop needs them. Priority 1 is the primary coverage.
 * PHI. A child without a coverage on a date is private pay.
 *
 * @param diagnosisCodes ICD-10-CM codes the coverage is billed with (ADR 0029)
 */
public record Coverage(UUID id, UUID childId, UUID payerId, String memberId, String groupNumber, Subscriber subscriber,
		List<String> diagnosisCodes, LocalDate startsOn, LocalDate endsOn, int priority, int version) {

	public Coverage {
		diagnosisCodes = List.copyOf(diagnosisCodes);
	}

	/**
	 * The insured person; {@code relationship} to the child is the subscriber's X12
	 * individual relationship: self, spouse, child, other. {@code address} (whole, or
	 * {@code null} when not known) is the subscriber's own, named by the 837P (2010BA
	 * N3/N4) when the subscriber is not the child, and in box 7 of the CMS-1500; the
	 * child's address is on the child's record.
	 */
	public record Subscriber(String name, String relationship, LocalDate dateOfBirth, Address address) {

		public Subscriber(String name, String relationship, LocalDate dateOfBirth) {
			this(name, relationship, dateOfBirth, null);
		}

	}

	public boolean coversOn(LocalDate date) {
		return !date.isBefore(this.startsOn) && (this.endsOn == null || !date.isAfter(this.endsOn));
	}

	/** What an admin writes of a coverage. */
	public record Terms(UUID payerId, String memberId, String groupNumber, Subscriber subscriber,
			List<String> diagnosisCodes, LocalDate startsOn, LocalDate endsOn, int priority) {

		public Terms {
			diagnosisCodes = List.copyOf(diagnosisCodes);
		}

	}

	public Terms terms() {
		return new Terms(this.payerId, this.memberId, this.groupNumber, this.subscriber, this.diagnosisCodes,
				this.startsOn, this.endsOn, this.priority);
	}

}
