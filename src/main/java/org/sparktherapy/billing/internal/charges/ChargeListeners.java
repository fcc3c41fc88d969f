package org.sparktherapy.billing.internal.charges;

import org.sparktherapy.children.ChildPeopleChanged;
import org.sparktherapy.children.ChildRecordChanged;
import org.sparktherapy.platform.database.RetryOnConcurrencyFailure;
import org.sparktherapy.scheduling.AppointmentCompleted;
import org.sparktherapy.sessions.SessionCoSigned;
import org.sparktherapy.sessions.SessionSubmitted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns completed appointments into charges and checks them again when their session's
 * note is signed, the child's care team changes or the child's record is edited.
 * Asynchronous, after the publishing transaction committed (Spring Modulith's registry
 * redelivers on failure); idempotent: one charge per appointment, and a re-check of an
 * unchanged charge changes nothing. Listeners lock several charges (a new charge
 * re-checks those it overlaps with), so two of them can deadlock: the loser runs again at
 * once rather than waiting for the registry's next round of retries.
 */
@Component
@RetryOnConcurrencyFailure
class ChargeListeners {

	private final ChargeBook book;

	ChargeListeners(ChargeBook book) {
		this.book = book;
	}

	@ApplicationModuleListener
	void on(AppointmentCompleted completed) {
		this.book.chargeFor(completed);
	}

	/**
	 * A note signed after its appointment was completed lifts the hold; a submission that
	 * completes the appointment arrives with its {@link AppointmentCompleted}.
	 */
	@ApplicationModuleListener
	void on(SessionSubmitted submitted) {
		this.book.recheckSession(submitted.sessionId());
	}

	@ApplicationModuleListener
	void on(SessionCoSigned coSigned) {
		this.book.recheckSession(coSigned.sessionId());
	}

	/** A supervising BCBA joined or left the care team. */
	@ApplicationModuleListener
	void on(ChildPeopleChanged changed) {
		this.book.recheckChild(changed.childId());
	}

	/**
	 * The child's record was edited: its sex, address or diagnoses may be there now (or
	 * gone).
	 */
	@ApplicationModuleListener
	void on(ChildRecordChanged changed) {
		this.book.recheckChild(changed.childId());
	}

}
