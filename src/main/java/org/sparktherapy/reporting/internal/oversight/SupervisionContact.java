package org.sparktherapy.reporting.internal.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A supervision contact of the log (ADR 0035): a BCBA or BCaBA met one technician
 * ({@code individual}) or several ({@code group}) on a day for some minutes, observing
 * them with a child or not.
 */
record SupervisionContact(UUID id, LocalDate heldOn, int minutes, UUID supervisorId, String supervisorName,
		List<UUID> technicianIds, String kind, boolean withChild, UUID recordedBy, Instant recordedAt) {
}
