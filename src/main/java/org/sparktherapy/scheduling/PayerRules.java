package org.sparktherapy.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/**
 * What a payer allows the schedule: scheduling asks, another module answers (billing,
 * from the child's insurance authorizations — ADR 0031). Scheduling owns this interface
 * so that it never depends on billing; when no implementation is present (no bean), the
 * schedule behaves as if every booking were allowed.
 * <p>
 * Booking, moving (also through an approved change request) and accepting an automatic
 * schedule call {@link #check} after writing the appointments, inside their transaction:
 * the answer counts them with everything else the child has booked. A verdict that
 * {@linkplain Verdict#block() blocks} makes scheduling refuse (409) and roll back; one
 * that does not comes back to the caller as warnings. The solver asks {@link #allowances}
 * before it plans a week and never plans beyond them.
 */
public interface PayerRules {

	/**
	 * Checks the child's authorizations after {@code proposed} were written in the
	 * caller's transaction.
	 */
	Verdict check(List<ProposedAppointment> proposed);

	/**
	 * What the payers still allow the children between {@code from} and {@code to}
	 * (clinic dates, both included): one entry per child whose services are limited by a
	 * payer (an insured child), none for a child who pays privately.
	 */
	List<ChildAllowances> allowances(Collection<UUID> childIds, LocalDate from, LocalDate to);

	/**
	 * The 15-minute units a session of {@code minutes} bills: whole units, a remainder of
	 * 8 minutes or more counts (CPT time rule; ADR 0015).
	 */
	static long units(long minutes) {
		return (minutes + 7) / 15;
	}

	/** One appointment as booked or moved. */
	record ProposedAppointment(UUID childId, String serviceCode, Instant startsAt, Instant endsAt) {
	}

	/**
	 * A warning about a booking: {@code kind} {@code over} (used and planned units run
	 * past the authorization: {@code shortfallUnits} more than it allows),
	 * {@code outside_dates} (no authorization of the code covers the day; the nearest one
	 * is named) or {@code no_authorization} (the child is insured and has none for the
	 * code). {@code message} says it in one sentence, without the child's name.
	 */
	@Schema(name = "PayerWarning")
	record Warning(@Schema(allowableValues = {
			"over", "outside_dates", "no_authorization" }) String kind, String serviceCode,
			@Nullable UUID authorizationId, @Nullable String authorizationNumber, long shortfallUnits, String message){
	}

	/**
	 * The warnings of a check, and whether the clinic has chosen to refuse such bookings
	 * ({@code block} is only true with warnings).
	 */
	record Verdict(List<Warning> warnings, boolean block) {

		public static final Verdict NONE = new Verdict(List.of(), false);

	}

	/** An insured child's authorizations as the solver needs them. */
	record ChildAllowances(UUID childId, List<Allowance> allowances) {
	}

	/**
	 * Units of one service code still allowed from {@code startsOn} to {@code endsOn}
	 * (clinic dates, both included): authorized less used and planned.
	 */
	record Allowance(UUID authorizationId, String serviceCode, LocalDate startsOn, LocalDate endsOn,
			long unitsRemaining) {

		public boolean covers(LocalDate day) {
			return !day.isBefore(this.startsOn) && !day.isAfter(this.endsOn);
		}

	}

}
