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
	 * A submitted session of a child and the targets it recorded data for (entries undone
	 * in the session left out).
	 */
	record RecordedSession(UUID sessionId, Instant startedAt, java.util.Set<UUID> targetIds) {
	}

	/**
	 * The child's submitted sessions that began in {@code [from, to)}, oldest first, with
	 * the targets each recorded data for: for reports, whose caller has decided that its
	 * user may see the child and writes the access log.
	 */
	java.util.List<RecordedSession> recordedSessionsOf(UUID childId, Instant from, Instant to);

	/**
	 * The child's targets in intervention whose teaching no longer moves them (the home
	 * page's stalled rule), comparing the latest {@code window} sessions with the
	 * {@code window} before them: for reports, whose caller checks access and logs.
	 */
	java.util.Set<UUID> stalledTargetsOf(UUID childId, int window);

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
