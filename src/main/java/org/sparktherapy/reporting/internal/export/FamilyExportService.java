package org.sparktherapy.reporting.internal.export;

import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.flywaydb.core.Flyway;
import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.export.TableExport;
import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.reporting.internal.progress.SignedReportPdfs;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family's data export (ADR 0040): an admin for any child, a parent for a child they
 * are the guardian of; a therapist who sees the child is refused (403), anyone else does
 * not see it (404); refusals are logged. One access-log entry per export (action
 * {@code export}, resource {@code family}, the export's id, the child), written when the
 * export is asked for, directly or as a one-time link; then {@link FamilyArchive} streams
 * it.
 */
@Service
class FamilyExportService {

	static final String RESOURCE = "family";

	private final FamilyArchive archive;

	private final Children children;

	private final ClinicExportLinks links;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectProvider<Flyway> flyway;

	FamilyExportService(List<TableExport> contributions, SignedReportPdfs pdfs, JdbcClient jdbc,
			PlatformTransactionManager transactions, JsonMapper json, Children children, ClinicExportLinks links,
			AuditTrail audit, Clock clock, ObjectProvider<Flyway> flyway) {
		this.archive = new FamilyArchive(contributions, pdfs, jdbc, transactions, json);
		this.children = children;
		this.links = links;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.flyway = flyway;
	}

	/** Checks that the user may export the child's family and logs the export. */
	@Transactional
	FamilyArchive.Ticket begin(CurrentUser user, UUID childId) {
		Relation relation = this.children.relationOf(user, childId);
		if (relation == Relation.NONE) {
			this.audit.refused(new PhiAccess("export", RESOURCE, null, childId), true);
			throw new NotFound("child");
		}
		if (relation != Relation.ADMIN && relation != Relation.GUARDIAN) {
			this.audit.refused(new PhiAccess("export", RESOURCE, null, childId), false);
			throw new Forbidden("Only an admin or the child's guardian downloads the family's data.");
		}
		FamilyArchive.Ticket ticket = ticket(UUID.randomUUID(), user.id(), user.name(), childId);
		this.audit.success(new PhiAccess("export", RESOURCE, ticket.exportId(), childId));
		return ticket;
	}

	/** Checks and logs as {@link #begin} does, and issues a one-time link. */
	@Transactional
	ClinicExportLinks.Issued link(CurrentUser user, UUID childId) {
		FamilyArchive.Ticket ticket = begin(user, childId);
		return this.links.issue(ticket.exportId(), user.id(), ExportFormat.JSON, childId);
	}

	/**
	 * The export a one-time link was issued for, if the account that asked still may
	 * export the family: an active admin, or an active parent who still is the child's
	 * guardian. In the link's redeeming transaction.
	 */
	FamilyArchive.Ticket redeemed(ClinicExportLinks.Redeemed link) {
		UUID childId = link.childId();
		String name = this.jdbc.sql("""
				select a.name from account_names a
				where a.account_id = :id and a.active and (a.role = 'admin' or exists (
				    select 1 from child_visibility v
				    where v.child_id = :child and v.account_id = a.account_id and v.relation = 'guardian'))
				""")
			.param("id", link.accountId())
			.param("child", childId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new Forbidden("Only an admin or the child's guardian downloads the family's data."));
		return ticket(link.exportId(), link.accountId(), name, childId);
	}

	/** Streams the archive of an export begun with {@link #begin}. */
	FamilyArchive.Manifest write(FamilyArchive.Ticket ticket, OutputStream out) {
		return this.archive.write(ticket, schemaVersion(), out);
	}

	private FamilyArchive.Ticket ticket(UUID exportId, UUID byId, String byName, UUID childId) {
		List<UUID> guardians = List.copyOf(this.children.peopleOf(childId).guardians());
		return new FamilyArchive.Ticket(exportId, this.clock.instant(), byId, byName, childId, guardians);
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
