package org.sparktherapy.scheduling.internal.autoschedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.sparktherapy.identity.Credential;

/**
 * One way to hold a session: with this therapist at this time. Only options inside the
 * child's available hours and the therapist's weekly availability, clear of existing
 * appointments and time off, are ever offered to the solver.
 *
 * @param credential the therapist's, which may deliver the session's service (options are
 * filtered by it, and {@link ScheduleConstraints} penalizes a breach as hard in case one
 * slips through)
 * @param location where the therapist has to be: the place, and for a home session the
 * child's home
 */
record ProposalOption(UUID therapistId, Credential credential, Instant start, Instant end, LocalDate day,
		String location) {
}
