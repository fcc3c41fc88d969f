package org.sparktherapy.reporting.internal;

import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Nullable;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;

import org.springframework.stereotype.Component;

/**
 * Who may read which report — the one place the reporting module decides it — and the
 * access log entry for every report read (ADR 0033).
 * <ul>
 * <li>Clinic-wide reports (the dashboard's figures, their rows, the clinic export):
 * admins; anyone else 403, the refusal logged.</li>
 * <li>A child's report (a progress report, a caseload row): the relations the report
 * allows; a child the caller does not know is 404, a known child with a relation the
 * report does not allow 403.</li>
 * </ul>
 * A report over many children writes one entry: action {@code report}, resource type
 * {@code report:<name>:<from>/<to>} (the report and its period, ISO 8601 interval), no
 * child; a child's report or a drill-down to one child's rows names the child. Success
 * entries join the caller's transaction, so callers run in one (read-only is fine).
 */
@Component
public class ReportAccess {

	private final AuditTrail audit;

	private final Children children;

	ReportAccess(AuditTrail audit, Children children) {
		this.audit = audit;
		this.children = children;
	}

	/**
	 * A clinic-wide report over {@code period}: admins only (403 for anyone else); logs
	 * one entry naming the report and period.
	 * @param report the report's name, kebab-case ({@code utilization})
	 */
	public void clinic(CurrentUser user, String report, ReportPeriod period) {
		PhiAccess access = new PhiAccess("report", resourceType(report, period), null, null);
		if (!user.isAdmin()) {
			this.audit.refused(access, false);
			throw new NotAllowedToReport("The clinic's reports are for admins.");
		}
		this.audit.success(access);
	}

	/**
	 * The rows of a clinic-wide report that concern one child (a drill-down): admins
	 * only; logs one entry naming the report, the period and the child.
	 */
	public void clinicRowsOfChild(CurrentUser user, String report, ReportPeriod period, UUID childId) {
		PhiAccess access = new PhiAccess("report", resourceType(report, period), null, childId);
		if (!user.isAdmin()) {
			this.audit.refused(access, false);
			throw new NotAllowedToReport("The clinic's reports are for admins.");
		}
		this.audit.success(access);
	}

	/**
	 * A report on one child: 404 when the child does not exist for the caller, 403 when
	 * the caller's relation is not in {@code allowed}; logs the read naming the child.
	 * @return the caller's relation to the child
	 */
	public Relation child(CurrentUser user, String report, @Nullable ReportPeriod period, UUID childId,
			Set<Relation> allowed) {
		PhiAccess access = new PhiAccess("report", resourceType(report, period), null, childId);
		Relation relation = this.children.relationOf(user, childId);
		if (!relation.canSee()) {
			this.audit.refused(access, true);
			throw new ReportedChildNotFound();
		}
		if (!allowed.contains(relation)) {
			this.audit.refused(access, false);
			throw new NotAllowedToReport("This report on the child is not for your role.");
		}
		this.audit.success(access);
		return relation;
	}

	/**
	 * The audit entry's resource type: {@code report:utilization:2026-11-01/2026-11-30}.
	 */
	static String resourceType(String report, @Nullable ReportPeriod period) {
		return "report:" + report + ((period != null) ? ":" + period.from() + "/" + period.to() : "");
	}

	/** The caller may not read this report. */
	public static final class NotAllowedToReport extends Forbidden {

		NotAllowedToReport(String detail) {
			super(detail);
		}

	}

	/** The child does not exist for the caller. */
	public static final class ReportedChildNotFound extends NotFound {

		ReportedChildNotFound() {
			super("child");
		}

	}

}
