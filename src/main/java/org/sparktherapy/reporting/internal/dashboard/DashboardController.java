package org.sparktherapy.reporting.internal.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;

import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.reporting.internal.Csv;
import org.sparktherapy.reporting.internal.ReportPeriod;
import org.sparktherapy.reporting.internal.ReportPeriodResponse;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.AppointmentRow;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.CancellationCounts;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.ChildUtilizationRow;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.SessionRow;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.TherapistDocumentationRow;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.TherapistUtilizationRow;
import org.sparktherapy.reporting.internal.dashboard.DashboardQueries.WhoCancellations;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The clinic dashboard's figures (admins). Every report takes its period as {@code from}
 * and {@code to} (ISO days in the clinic's zone, both included; this month by default)
 * and answers JSON at {@code /api/reports/{figure}}; each table of a figure is a CSV at
 * {@code /api/reports/{figure}/{table}.csv}, and a figure that is one table at
 * {@code /api/reports/{figure}.csv}, with the same parameters (ADR 0033).
 */
@RestController
@Tag(name = "Reports", description = "The clinic dashboard: utilization, cancellations, documentation; CSV exports")
class DashboardController {

	private static final String PERIOD = " Period: from and to (ISO days in the clinic's time zone, both included; "
			+ "this month by default, at most 732 days). Admins only (403 for anyone else); the read is written "
			+ "to the access log, one entry naming the report and period.";

	private static final String PAGED = "Paged: page (from 0) and size (20 by default, at most 200), answered as "
			+ "{content, page, period}; the CSV route has every row.";

	private final DashboardService service;

	private final Clock clock;

	private final ZoneId zone;

	DashboardController(DashboardService service, Clock clock, SparkProperties properties) {
		this.service = service;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	/**
	 * One page of the rows behind a figure, with the report's period like every report
	 * (ADR 0033): {@code {content, page, period}}.
	 */
	record ReportRowsResponse<T>(List<T> content, PageResponse.PageInfo page, ReportPeriodResponse period) {

		static <T> ReportRowsResponse<T> of(PageResponse<T> rows, ReportPeriod period) {
			return new ReportRowsResponse<>(rows.content(), rows.page(), ReportPeriodResponse.of(period));
		}

	}

	record UtilizationReportResponse(ReportPeriodResponse period, List<ChildUtilizationRow> children,
			List<TherapistUtilizationRow> therapists) {
	}

	@GetMapping("/api/reports/utilization")
	@Operation(summary = "Hours per child and per therapist",
			description = "Per child: prescribed (weekly hours × days / 7), scheduled (booked time of appointments "
					+ "not cancelled, no-shows included), delivered (completed appointments' actual time, summed over "
					+ "service codes; deliveredClockHours counts overlapping time once) and authorized (units × 15 "
					+ "minutes, prorated to the days the authorization shares with the period). Per therapist: "
					+ "billable (delivered) hours against available hours (weekly availability on the period's days "
					+ "less time off); utilization = billable / available. An appointment counts in the period its "
					+ "start falls in." + PERIOD)
	UtilizationReportResponse utilization(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		DashboardService.Utilization utilization = this.service.utilization(user, period);
		return new UtilizationReportResponse(ReportPeriodResponse.of(period), utilization.children(),
				utilization.therapists());
	}

	@GetMapping("/api/reports/utilization/children.csv")
	@Operation(summary = "Hours per child as CSV",
			description = "The children table of the utilization report." + PERIOD)
	ResponseEntity<StreamingResponseBody> utilizationChildrenCsv(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return Csv.table("utilization-children_" + period.label(),
				List.of("child_id", "child", "prescribed_hours", "scheduled_hours", "delivered_hours",
						"delivered_clock_hours", "authorized_hours"),
				this.service.utilization(user, period).children(),
				r -> List.of(r.childId(), r.childName(), r.prescribedHours(), r.scheduledHours(), r.deliveredHours(),
						r.deliveredClockHours(), r.authorizedHours()));
	}

	@GetMapping("/api/reports/utilization/therapists.csv")
	@Operation(summary = "Hours per therapist as CSV",
			description = "The therapists table of the utilization report." + PERIOD)
	ResponseEntity<StreamingResponseBody> utilizationTherapistsCsv(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return Csv.table("utilization-therapists_" + period.label(),
				List.of("therapist_id", "therapist", "credential", "scheduled_hours", "billable_hours",
						"available_hours", "utilization"),
				this.service.utilization(user, period).therapists(),
				r -> Arrays.asList(r.therapistId(), r.therapistName(), r.credential(), r.scheduledHours(),
						r.billableHours(), r.availableHours(), r.utilization()));
	}

	/** Counts of one group of appointments. */
	record CancellationCountsResponse(int appointments, int cancelled, int cancelledByParent, int cancelledByAdmin,
			int noShows, int lateCancellations) {

		static CancellationCountsResponse of(CancellationCounts c) {
			return new CancellationCountsResponse(c.appointments(), c.cancelled(), c.cancelledByParent(),
					c.cancelledByAdmin(), c.noShows(), c.lateCancellations());
		}

	}

	record CancellationWeekResponse(@Schema(example = "2026-W44") String week, LocalDate starts,
			CancellationCountsResponse counts) {
	}

	record CancellationLeaderResponse(UUID id, String name, CancellationCountsResponse counts) {
	}

	record CancellationsReportResponse(ReportPeriodResponse period, CancellationCountsResponse totals,
			@Nullable @Schema(description = "late cancellations / cancellations, 0…1") BigDecimal lateShare,
			List<CancellationWeekResponse> weeks, List<CancellationLeaderResponse> children,
			List<CancellationLeaderResponse> therapists) {
	}

	@GetMapping("/api/reports/cancellations")
	@Operation(summary = "Cancellations and no-shows",
			description = "The period's appointments: cancelled by a parent or by the clinic (admin), no-shows, late "
					+ "cancellations (within 24 hours of the start) and their share; per ISO week (Monday to "
					+ "Sunday in the clinic's zone); the ten children and therapists with the most cancellations "
					+ "and no-shows." + PERIOD)
	CancellationsReportResponse cancellations(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		DashboardService.Cancellations c = this.service.cancellations(user, period);
		return new CancellationsReportResponse(ReportPeriodResponse.of(period),
				CancellationCountsResponse.of(c.totals()), c.lateShare(),
				c.weeks()
					.stream()
					.map(w -> new CancellationWeekResponse(w.week(), w.starts(),
							CancellationCountsResponse.of(w.counts())))
					.toList(),
				who(c.children()), who(c.therapists()));
	}

	@GetMapping("/api/reports/cancellations/weeks.csv")
	@Operation(summary = "Cancellations per week as CSV",
			description = "The weeks of the cancellations report." + PERIOD)
	ResponseEntity<StreamingResponseBody> cancellationWeeksCsv(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return Csv.table("cancellations-weeks_" + period.label(), header("week", "starts"),
				this.service.cancellations(user, period).weeks(),
				w -> counts(List.of(w.week(), w.starts()), w.counts()));
	}

	@GetMapping("/api/reports/cancellations/children.csv")
	@Operation(summary = "Children with the most cancellations as CSV",
			description = "The children table of the cancellations report." + PERIOD)
	ResponseEntity<StreamingResponseBody> cancellationChildrenCsv(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return Csv.table("cancellations-children_" + period.label(), header("child_id", "child"),
				this.service.cancellations(user, period).children(),
				w -> counts(List.of(w.id(), w.name()), w.counts()));
	}

	@GetMapping("/api/reports/cancellations/therapists.csv")
	@Operation(summary = "Therapists with the most cancellations as CSV",
			description = "The therapists table of the cancellations report." + PERIOD)
	ResponseEntity<StreamingResponseBody> cancellationTherapistsCsv(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return Csv.table("cancellations-therapists_" + period.label(), header("therapist_id", "therapist"),
				this.service.cancellations(user, period).therapists(),
				w -> counts(List.of(w.id(), w.name()), w.counts()));
	}

	record DocumentationReportResponse(ReportPeriodResponse period, List<TherapistDocumentationRow> therapists) {
	}

	@GetMapping("/api/reports/documentation")
	@Operation(summary = "Session documentation per therapist",
			description = "The period's sessions (by their start) per therapist: submitted within 24 hours of their "
					+ "end, submitted later, still open more than 24 hours after their end (or start, without an "
					+ "end), and submitted notes waiting for a guardian's co-signature." + PERIOD)
	DocumentationReportResponse documentation(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return new DocumentationReportResponse(ReportPeriodResponse.of(period),
				this.service.documentation(user, period));
	}

	@GetMapping("/api/reports/documentation/therapists.csv")
	@Operation(summary = "Session documentation per therapist as CSV",
			description = "The table of the documentation report." + PERIOD)
	ResponseEntity<StreamingResponseBody> documentationCsv(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return Csv.table("documentation-therapists_" + period.label(),
				List.of("therapist_id", "therapist", "sessions", "submitted_on_time", "submitted_late", "open_overdue",
						"awaiting_guardian"),
				this.service.documentation(user, period), r -> List.of(r.therapistId(), r.therapistName(), r.sessions(),
						r.submittedOnTime(), r.submittedLate(), r.openOverdue(), r.awaitingGuardian()));
	}

	record DocumentationSessionResponse(UUID sessionId, UUID childId, String childName, UUID therapistId,
			String therapistName, String serviceCode, OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt,
			@Schema(allowableValues = {
					"open", "submitted" }) String status,
			@Nullable OffsetDateTime submittedAt, @Nullable BigDecimal hoursToSubmit, boolean submittedLate,
			boolean openOverdue, boolean awaitingGuardian){
	}

	@GetMapping("/api/reports/documentation/sessions")
	@Operation(summary = "The sessions behind the documentation figures",
			description = "The period's sessions with an issue, in time order: issue late (submitted more than 24 "
					+ "hours after the end), overdue (open past 24 hours) or unsigned (waiting for a guardian); "
					+ "any of them without issue (400 at /issue for another value); therapistId: one therapist's. "
					+ PAGED + PERIOD)
	ReportRowsResponse<DocumentationSessionResponse> documentationSessions(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID therapistId,
			@RequestParam(required = false) @Schema(allowableValues = { "late", "overdue", "unsigned" }) String issue,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return ReportRowsResponse
			.of(this.service.documentationSessions(user, period, therapistId, issue, PageQuery.of(page, size))
				.map(this::sessionRow), period);
	}

	@GetMapping("/api/reports/documentation/sessions.csv")
	@Operation(summary = "The sessions behind the documentation figures as CSV",
			description = "As GET /api/reports/documentation/sessions, every row (not paged)." + PERIOD)
	ResponseEntity<StreamingResponseBody> documentationSessionsCsv(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID therapistId, @RequestParam(required = false) String issue,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return Csv.table("documentation-sessions_" + period.label(),
				List.of("session_id", "child_id", "child", "therapist_id", "therapist", "service_code", "started_at",
						"ended_at", "status", "submitted_at", "hours_to_submit", "submitted_late", "open_overdue",
						"awaiting_guardian"),
				this.service.allDocumentationSessions(user, period, therapistId, issue)
					.stream()
					.map(this::sessionRow)
					.toList(),
				r -> Arrays.asList(r.sessionId(), r.childId(), r.childName(), r.therapistId(), r.therapistName(),
						r.serviceCode(), r.startedAt(), r.endedAt(), r.status(), r.submittedAt(), r.hoursToSubmit(),
						r.submittedLate(), r.openOverdue(), r.awaitingGuardian()));
	}

	record ReportAppointmentResponse(UUID appointmentId, UUID childId, String childName, UUID therapistId,
			String therapistName, String serviceCode, OffsetDateTime start, OffsetDateTime end,
			@Schema(allowableValues = {
					"scheduled", "checked_in", "completed", "cancelled", "no_show" }) String status,
			BigDecimal bookedHours, @Nullable BigDecimal deliveredHours,
			@Nullable @Schema(allowableValues = { "admin", "parent" }) String cancelledByRole,
			@Nullable Boolean cancelledLate, @Nullable UUID sessionId){
	}

	@GetMapping("/api/reports/appointments")
	@Operation(summary = "The appointments behind the utilization and cancellation figures",
			description = "The period's appointments (by their start) in time order, optionally of one child "
					+ "(childId; the access log names the child), one therapist (therapistId) and one status "
					+ "(400 at /status for an unknown one). " + PAGED + PERIOD)
	ReportRowsResponse<ReportAppointmentResponse> appointments(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID childId, @RequestParam(required = false) UUID therapistId,
			@RequestParam(required = false) @Schema(
					allowableValues = { "scheduled", "checked_in", "completed", "cancelled", "no_show" }) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return ReportRowsResponse
			.of(this.service.appointments(user, period, childId, therapistId, status, PageQuery.of(page, size))
				.map(this::appointmentRow), period);
	}

	@GetMapping("/api/reports/appointments.csv")
	@Operation(summary = "The appointments behind the figures as CSV",
			description = "As GET /api/reports/appointments, every row (not paged)." + PERIOD)
	ResponseEntity<StreamingResponseBody> appointmentsCsv(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID childId, @RequestParam(required = false) UUID therapistId,
			@RequestParam(required = false) String status, @AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return Csv.table("appointments_" + period.label(),
				List.of("appointment_id", "child_id", "child", "therapist_id", "therapist", "service_code", "start",
						"end", "status", "booked_hours", "delivered_hours", "cancelled_by", "cancelled_late",
						"session_id"),
				this.service.allAppointments(user, period, childId, therapistId, status)
					.stream()
					.map(this::appointmentRow)
					.toList(),
				r -> Arrays.asList(r.appointmentId(), r.childId(), r.childName(), r.therapistId(), r.therapistName(),
						r.serviceCode(), r.start(), r.end(), r.status(), r.bookedHours(), r.deliveredHours(),
						r.cancelledByRole(), r.cancelledLate(), r.sessionId()));
	}

	private ReportPeriod period(@Nullable LocalDate from, @Nullable LocalDate to) {
		return ReportPeriod.of(from, to, this.clock, this.zone);
	}

	private static List<CancellationLeaderResponse> who(List<WhoCancellations> rows) {
		return rows.stream()
			.map(w -> new CancellationLeaderResponse(w.id(), w.name(), CancellationCountsResponse.of(w.counts())))
			.toList();
	}

	private static List<String> header(String... first) {
		List<String> cells = new java.util.ArrayList<>(List.of(first));
		cells.addAll(
				List.of("appointments", "cancelled_by_parent", "cancelled_by_admin", "no_shows", "late_cancellations"));
		return cells;
	}

	private static List<Object> counts(List<?> first, CancellationCounts c) {
		List<Object> cells = new java.util.ArrayList<>(first);
		cells.addAll(List.of(c.appointments(), c.cancelledByParent(), c.cancelledByAdmin(), c.noShows(),
				c.lateCancellations()));
		return cells;
	}

	private @Nullable OffsetDateTime local(@Nullable Instant instant) {
		return (instant != null) ? instant.atZone(this.zone).toOffsetDateTime() : null;
	}

	private DocumentationSessionResponse sessionRow(SessionRow r) {
		return new DocumentationSessionResponse(r.sessionId(), r.childId(), r.childName(), r.therapistId(),
				r.therapistName(), r.serviceCode(), local(r.startedAt()), local(r.endedAt()), r.status(),
				local(r.submittedAt()), r.hoursToSubmit(), r.submittedLate(), r.openOverdue(), r.awaitingGuardian());
	}

	private ReportAppointmentResponse appointmentRow(AppointmentRow r) {
		return new ReportAppointmentResponse(r.appointmentId(), r.childId(), r.childName(), r.therapistId(),
				r.therapistName(), r.serviceCode(), local(r.startsAt()), local(r.endsAt()), r.status(), r.bookedHours(),
				r.deliveredHours(), r.cancelledByRole(), r.cancelledLate(), r.sessionId());
	}

}
