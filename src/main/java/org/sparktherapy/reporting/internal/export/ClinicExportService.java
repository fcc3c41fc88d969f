package org.sparktherapy.reporting.internal.export;

import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.flywaydb.core.Flyway;
import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.export.TableExport;
import org.sparktherapy.platform.problem.Forbidden;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's full export of the clinic (ADR 0036): only admins; one access-log entry per
 * export (action {@code export}, resource {@code clinic}, the export's id, which the
 * archive's manifest repeats with the tables it holds), written when the export is asked
 * for; then {@link ClinicArchive} streams it.
 */
@Service
class ClinicExportService {

	private final ClinicArchive archive;

	private final AuditTrail audit;

	private final Clock clock;

	private final ObjectProvider<Flyway> flyway;

	ClinicExportService(List<TableExport> contributions, PlatformTransactionManager transactions, JsonMapper json,
			AuditTrail audit, Clock clock, ObjectProvider<Flyway> flyway) {
		this.archive = new ClinicArchive(contributions, transactions, json);
		this.audit = audit;
		this.clock = clock;
		this.flyway = flyway;
	}

	/** Checks that the user may export the clinic and logs the export. */
	@Transactional
	ClinicArchive.Ticket begin(CurrentUser user) {
		if (!user.isAdmin()) {
			this.audit.refused(new PhiAccess("export", "clinic", null, null), false);
			throw new Forbidden("Only an admin exports the clinic's data.");
		}
		ClinicArchive.Ticket ticket = new ClinicArchive.Ticket(UUID.randomUUID(), this.clock.instant(), user.id(),
				user.name());
		this.audit.success(new PhiAccess("export", "clinic", ticket.exportId(), null));
		return ticket;
	}

	/** Streams the archive of an export begun with {@link #begin}. */
	ClinicArchive.Manifest write(ClinicArchive.Ticket ticket, OutputStream out) {
		return this.archive.write(ticket, schemaVersion(), out, ClinicArchive.Progress.NONE);
	}

	ClinicArchive archive() {
		return this.archive;
	}

	private @Nullable String schemaVersion() {
		Flyway migrations = this.flyway.getIfAvailable();
		if (migrations == null) {
			return null;
		}
		var current = migrations.info().current();
		return (current != null && current.getVersion() != null) ? current.getVersion().getVersion() : null;
	}

}
