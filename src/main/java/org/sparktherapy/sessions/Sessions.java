package org.sparktherapy.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * What other modules may ask of the sessions module.
 */
public interface Sessions {

	/** A completed appointment whose session is to be recorded. */
	record CompletedAppointment(UUID appointmentId, UUID childId, UUID therapistId, String serviceCode, String place,
			Instant startsAt, Instant endsAt) {
	}

	/**
	 * Opens the session record of a completed appointment for its therapist, who then records data into it and
	 * submits it; the session names the appointment. The caller has decided that the appointment may be completed.
	 * Returns the session's id — the one already opened for this appointment, if any.
	 */
	UUID openFor(CompletedAppointment appointment);

}
