package org.sparktherapy.reporting.internal.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A supervision contact of the log (ADR 0035): a BCBA or BCaBA met one technician
 * ({@code individual}) or several ({@code group}) on a day for some minutes, observing
 * them with a child or not. Technicians and supervisor carry their names, so the log
 * names everyone whether or not a picker lists them.
 */
record SupervisionContact(UUID id, LocalDate heldOn, int minutes, UUID supervisorId, String supervisorName,
		List<Technician> technicians, String kind, boolean withChild, UUID recordedBy, Instant recordedAt) {

	/** A technician of the contact, named from identity's {@code account_names}. */
	record Technician(UUID id, String name) {
	}

	List<UUID> technicianIds() {
		return this.technicians.stream().map(Technician::id).toList();
	}

}
