package org.sparktherapy.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * A therapist proposed to move one of their appointments (alone or with its series); an
 * admin decides.
 *
 * @param therapistId the proposed therapist, the appointment's own when no other was
 * proposed
 */
public record AppointmentChangeRequested(UUID requestId, UUID appointmentId, UUID childId, UUID requestedBy,
		UUID therapistId, Instant startsAt, Instant endsAt, Instant requestedAt) {
}
