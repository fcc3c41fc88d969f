package org.sparktherapy.scheduling.internal.changes;

import org.sparktherapy.scheduling.internal.appointments.Appointment;
import org.sparktherapy.scheduling.internal.appointments.AppointmentService;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A therapist's proposal to move one of their appointments — new times, optionally
 * another therapist of the child's care team, alone or with its series
 * ({@link Appointment.Scope}) — pending until an admin approves or declines it or its
 * proposer withdraws it.
 *
 * @param appointmentVersion the appointment's version when proposed
 * @param therapist the proposed therapist, {@code null} to keep the appointment's
 * @param appointment the appointment as it is now
 */
public record AppointmentChangeRequest(UUID id, UUID appointmentId, int appointmentVersion, UUID childId,
		Appointment.Scope scope, Instant startsAt, Instant endsAt, Appointment.Person therapist, String note,
		Status status, Appointment.Person requestedBy, Instant requestedAt, Appointment.Person decidedBy,
		Instant decidedAt, String decisionReason, int version, Current appointment) {

	/**
	 * The appointment now: where it is, with whom, and whether it still is what the
	 * request was made on.
	 */
	record Current(Instant startsAt, Instant endsAt, Appointment.Person therapist, Appointment.Status status,
			int version) {
	}

	enum Status {

		PENDING, APPROVED, DECLINED, WITHDRAWN;

		@com.fasterxml.jackson.annotation.JsonValue
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Status of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * A pending request whose appointment changed since it was proposed (moved, checked
	 * in, cancelled…): it can no longer be approved, only declined or withdrawn.
	 */
	boolean stale() {
		return this.status == Status.PENDING && (this.appointment.status() != Appointment.Status.SCHEDULED
				|| this.appointment.version() != this.appointmentVersion);
	}

}
