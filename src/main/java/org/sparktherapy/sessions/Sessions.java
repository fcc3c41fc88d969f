package org.sparktherapy.sessions;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;

/**
 * What other modules may ask of the sessions module.
 */
public interface Sessions {

	/** An appointment whose session is to be recorded. */
	record AppointmentToRecord(UUID appointmentId, UUID childId, UUID therapistId, ServiceCode serviceCode, Place place,
			Instant startsAt, Instant endsAt) {
	}

	/**
	 * When a session began and ended, as its therapist recorded it ({@code endedAt} may
	 * be {@code null}).
	 */
	record Times(Instant startedAt, Instant endedAt) {
	}

	/**
	 * Opens the session record of an appointment for its therapist, who then records data
	 * into it and submits it; the session names the appointment. The caller has decided
	 * that the appointment's time has come. Returns the session's id — the one already
	 * opened for this appointment, if any.
	 */
	UUID openFor(AppointmentToRecord appointment);

	/** The session's times as recorded so far, if it exists. */
	Optional<Times> timesOf(UUID sessionId);

}
