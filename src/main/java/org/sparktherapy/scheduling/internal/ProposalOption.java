package org.sparktherapy.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One way to hold a session: with this therapist at this time. Only options inside the child's available hours and
 * the therapist's weekly availability, clear of existing appointments and time off, are ever offered to the solver.
 *
 * @param location where the therapist has to be: the place, and for a home session the child's home
 */
record ProposalOption(UUID therapistId, Instant start, Instant end, LocalDate day, String location) {
}
