package org.sparktherapy.reporting.internal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Nullable;

import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.reporting.internal.ReportAccess;
import org.sparktherapy.reporting.internal.ReportPeriod;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.AppointmentRow;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.CancellationCounts;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.ChildUtilizationRow;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.SessionRow;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.TherapistDocumentationRow;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.TherapistUtilizationRow;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.WeekCancellations;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.WhoCancellations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's clinic dashboard (issue 13): utilization, cancellations and no-shows,
 * documentation, and the appointment and session rows behind them. Every read goes
 * through {@link ReportAccess} (admins; one audit entry per read) in a transaction.
 */
@Service
@Transactional
class DashboardService {

	/** How many children and therapists the cancellation figure names. */
	static final int TOP = 10;

	static final Set<String> APPOINTMENT_STATUSES = Set.of("scheduled", "checked_in", "completed", "cancelled",
			"no_show");

	static final Set<String> DOCUMENTATION_ISSUES = Set.of("late", "overdue", "unsigned");

	private final DashboardQueries queries;

	private final ReportAccess access;

	DashboardService(DashboardQueries queries, ReportAccess access) {
		this.queries = queries;
		this.access = access;
	}

	record Utilization(List<ChildUtilizationRow> children, List<TherapistUtilizationRow> therapists) {
	}

	Utilization utilization(CurrentUser user, ReportPeriod period) {
		this.access.clinic(user, "utilization", period);
		return new Utilization(this.queries.childUtilization(period), this.queries.therapistUtilization(period));
	}

	/**
	 * What became of the period's appointments; {@code lateShare} is the late ones' share
	 * of the cancellations (null without cancellations).
	 */
	record Cancellations(CancellationCounts totals, @Nullable BigDecimal lateShare, List<WeekCancellations> weeks,
			List<WhoCancellations> children, List<WhoCancellations> therapists) {
	}

	Cancellations cancellations(CurrentUser user, ReportPeriod period) {
		this.access.clinic(user, "cancellations", period);
		CancellationCounts totals = this.queries.cancellationTotals(period);
		BigDecimal lateShare = (totals.cancelled() > 0) ? BigDecimal.valueOf(totals.lateCancellations())
			.divide(BigDecimal.valueOf(totals.cancelled()), 4, RoundingMode.HALF_UP) : null;
		return new Cancellations(totals, lateShare, this.queries.cancellationWeeks(period),
				this.queries.cancellationsByChild(period, TOP), this.queries.cancellationsByTherapist(period, TOP));
	}

	List<TherapistDocumentationRow> documentation(CurrentUser user, ReportPeriod period) {
		this.access.clinic(user, "documentation", period);
		return this.queries.documentationByTherapist(period);
	}

	/** One page of the sessions behind the documentation figures. */
	PageResponse<SessionRow> documentationSessions(CurrentUser user, ReportPeriod period, @Nullable UUID therapistId,
			@Nullable String issue, PageQuery page) {
		checkDocumentationSessions(user, period, issue);
		return PageResponse.of(this.queries.documentationSessions(period, therapistId, issue, page), page,
				this.queries.countDocumentationSessions(period, therapistId, issue));
	}

	/** All the sessions behind the documentation figures (the CSV). */
	List<SessionRow> allDocumentationSessions(CurrentUser user, ReportPeriod period, @Nullable UUID therapistId,
			@Nullable String issue) {
		checkDocumentationSessions(user, period, issue);
		return this.queries.documentationSessions(period, therapistId, issue, null);
	}

	private void checkDocumentationSessions(CurrentUser user, ReportPeriod period, @Nullable String issue) {
		if (issue != null && !DOCUMENTATION_ISSUES.contains(issue)) {
			throw new InvalidInput("/issue", "must be late, overdue or unsigned");
		}
		this.access.clinic(user, "documentation-sessions", period);
	}

	/** One page of the appointments behind the utilization and cancellation figures. */
	PageResponse<AppointmentRow> appointments(CurrentUser user, ReportPeriod period, @Nullable UUID childId,
			@Nullable UUID therapistId, @Nullable String status, PageQuery page) {
		checkAppointments(user, period, childId, status);
		return PageResponse.of(this.queries.appointments(period, childId, therapistId, status, page), page,
				this.queries.countAppointments(period, childId, therapistId, status));
	}

	/** All the appointments behind the figures (the CSV). */
	List<AppointmentRow> allAppointments(CurrentUser user, ReportPeriod period, @Nullable UUID childId,
			@Nullable UUID therapistId, @Nullable String status) {
		checkAppointments(user, period, childId, status);
		return this.queries.appointments(period, childId, therapistId, status, null);
	}

	private void checkAppointments(CurrentUser user, ReportPeriod period, @Nullable UUID childId,
			@Nullable String status) {
		if (status != null && !APPOINTMENT_STATUSES.contains(status)) {
			throw new InvalidInput("/status", "must be scheduled, checked_in, completed, cancelled or no_show");
		}
		if (childId != null) {
			this.access.clinicRowsOfChild(user, "appointments", period, childId);
		}
		else {
			this.access.clinic(user, "appointments", period);
		}
	}

}
