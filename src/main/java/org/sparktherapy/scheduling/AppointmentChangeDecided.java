package org.sparktherapy.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * A proposed change of an appointment was settled: approved (the appointment moved, with
 * {@link AppointmentMoved} for each occurrence), declined by an admin, or withdrawn by
 * its proposer.
 *
 * @param outcome {@code approved}, {@code declined} or {@code withdrawn}
 */
public record AppointmentChangeDecided(UUID requestId, UUID appointmentId, UUID childId, UUID requestedBy,
		String outcome, UUID decidedBy, Instant decidedAt) {
}
