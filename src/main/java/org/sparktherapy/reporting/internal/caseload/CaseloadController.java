package org.sparktherapy.reporting.internal.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.reporting.internal.Csv;
import org.sparktherapy.reporting.internal.ReportPeriod;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The supervisor's caseload report, as JSON and as CSV (ADR 0033's convention). Who sees
 * which children: {@link CaseloadService}.
 */
@RestController
@Tag(name = "Reports", description = "The clinic's reports and exports")
class CaseloadController {

	/** Default and bounds of the stalled rule's window. */
	static final int STALLED_SESSIONS = 3, MAX_STALLED_SESSIONS = 20;

	/** Default and bound of the days after which a target in maintenance is due. */
	static final int PROBE_DAYS = 14, MAX_PROBE_DAYS = 365;

	private final CaseloadService service;

	private final Clock clock;

	private final ZoneId zone;

	CaseloadController(CaseloadService service, Clock clock, SparkProperties properties) {
		this.service = service;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	@GetMapping("/api/reports/caseload")
	@Operation(
			summary = "The caseload report: per child, targets mastered in the period, stalled, due for a "
					+ "maintenance probe, and sessions without data for a program",
			description = "Admins: every active child; supervising therapists (BCBA, BCaBA): the active children "
					+ "they supervise; others 403. Period default: this month to today.")
	CaseloadReport caseload(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@Parameter(description = "Sessions compared for the stalled rule (1–20, default 3)") @RequestParam(
					defaultValue = "" + STALLED_SESSIONS) int stalledSessions,
			@Parameter(description = "Days without data before a target in maintenance is due for a probe "
					+ "(1–365, default 14)") @RequestParam(defaultValue = "" + PROBE_DAYS) int probeDays) {
		return report(user, from, to, stalledSessions, probeDays);
	}

	@GetMapping(path = "/api/reports/caseload/items.csv", produces = "text/csv")
	@Operation(summary = "The caseload report as CSV: one row per mastered, stalled or probe-due target and per "
			+ "program with sessions without data", description = "Same parameters and access as the JSON.")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<StreamingResponseBody> caseloadCsv(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "" + STALLED_SESSIONS) int stalledSessions,
			@RequestParam(defaultValue = "" + PROBE_DAYS) int probeDays) {
		CaseloadReport report = report(user, from, to, stalledSessions, probeDays);
		return Csv.download("caseload_" + report.from() + "_" + report.to(), csv -> {
			csv.row("child", "child_id", "item", "program", "program_id", "target", "target_id", "date", "detail");
			for (CaseloadReport.CaseloadChild child : report.children()) {
				child.mastered()
					.forEach(t -> csv.row(child.name(), child.childId(), "mastered", t.programName(), t.programId(),
							t.name(), t.targetId(), t.at(), null));
				child.stalled()
					.forEach(t -> csv.row(child.name(), child.childId(), "stalled", t.programName(), t.programId(),
							t.name(), t.targetId(), t.at(), "no improvement over " + stalledSessions + " sessions"));
				child.probesDue()
					.forEach(p -> csv.row(child.name(), child.childId(), "probe_due", p.programName(), p.programId(),
							p.name(), p.targetId(), p.lastDataAt(),
							(p.lastDataAt() != null) ? "last data" : "no data since maintenance began"));
				child.programsWithoutData()
					.forEach(g -> csv.row(child.name(), child.childId(), "sessions_without_data", g.programName(),
							g.programId(), null, null, null, g.sessionsWithoutData() + " of " + g.sessions()));
			}
		});
	}

	private CaseloadReport report(CurrentUser user, @Nullable LocalDate from, @Nullable LocalDate to,
			int stalledSessions, int probeDays) {
		if (stalledSessions < 1 || stalledSessions > MAX_STALLED_SESSIONS) {
			throw new InvalidInput("/stalledSessions", "must be between 1 and " + MAX_STALLED_SESSIONS,
					"The stalled rule compares between 1 and " + MAX_STALLED_SESSIONS + " sessions.");
		}
		if (probeDays < 1 || probeDays > MAX_PROBE_DAYS) {
			throw new InvalidInput("/probeDays", "must be between 1 and " + MAX_PROBE_DAYS,
					"A probe is due after between 1 and " + MAX_PROBE_DAYS + " days.");
		}
		ReportPeriod period = ReportPeriod.of(from, to, this.clock, this.zone);
		return this.service.report(user, period, stalledSessions, probeDays);
	}

}
