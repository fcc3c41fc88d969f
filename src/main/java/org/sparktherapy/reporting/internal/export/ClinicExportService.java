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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's full export of the clinic (ADR 0036): only admins; one access-log entry per
 * export (action {@code export}, resource {@code clinic}, the export's id, which the
 * archive's manifest repeats with the tables it holds), written when the export is asked
 * for, directly or as a one-time link ({@link ClinicExportLinks}); then
 * {@link ClinicArchive} streams it.
 */
@Service
class ClinicExportService {

	private static final String ADMINS_ONLY = "Only an admin exports the clinic's data.";

	private final ClinicArchive archive;

	private final ClinicExportLinks links;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectProvider<Flyway> flyway;

	private final FamilyExportService families;

	ClinicExportService(List<TableExport> contributions, PlatformTransactionManager transactions, JsonMapper json,
			ClinicExportLinks links, AuditTrail audit, JdbcClient jdbc, Clock clock, ObjectProvider<Flyway> flyway,
			FamilyExportService families) {
		this.families = families;
		this.archive = new ClinicArchive(contributions, transactions, json);
		this.links = links;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.flyway = flyway;
	}

	/** An export whose archive is about to be written: its ticket and format. */
	record Download(@Nullable ClinicArchive.Ticket ticket, ExportFormat format, @Nullable FamilyArchive.Ticket family) {
	}

	/** Checks that the user may export the clinic and logs the export. */
	@Transactional
	ClinicArchive.Ticket begin(CurrentUser user) {
		if (!user.isAdmin()) {
			this.audit.refused(new PhiAccess("export", "clinic", null, null), false);
			throw new Forbidden(ADMINS_ONLY);
		}
		ClinicArchive.Ticket ticket = new ClinicArchive.Ticket(UUID.randomUUID(), this.clock.instant(), user.id(),
				user.name());
		this.audit.success(new PhiAccess("export", "clinic", ticket.exportId(), null));
		return ticket;
	}

	/**
	 * Checks and logs the export as {@link #begin} does, and issues a one-time link to
	 * its archive.
	 */
	@Transactional
	ClinicExportLinks.Issued link(CurrentUser user, ExportFormat format) {
		ClinicArchive.Ticket ticket = begin(user);
		return this.links.issue(ticket.exportId(), user.id(), format);
	}

	/**
	 * Uses a one-time link: the export it was issued for, if the admin who asked for it
	 * still is an active admin. Commits the link's use before the archive is written.
	 */
	@Transactional
	Download redeem(String token) {
		ClinicExportLinks.Redeemed link = this.links.redeem(token);
		if (link.childId() != null) {
			return new Download(null, link.format(), this.families.redeemed(link));
		}
		String name = this.jdbc
			.sql("select name from account_names where account_id = :id and active and role = 'admin'")
			.param("id", link.accountId())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new Forbidden(ADMINS_ONLY));
		return new Download(new ClinicArchive.Ticket(link.exportId(), this.clock.instant(), link.accountId(), name),
				link.format(), null);
	}

	/** Streams the archive of an export begun with {@link #begin}. */
	ClinicArchive.Manifest write(ClinicArchive.Ticket ticket, ExportFormat format, OutputStream out) {
		return this.archive.write(ticket, format, schemaVersion(), out, ClinicArchive.Progress.NONE);
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
