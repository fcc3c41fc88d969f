package org.sparktherapy.reporting.internal.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
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
 * Masteries per month, as JSON and as CSV (ADR 0033's convention). What counts and who
 * sees which children: {@link MasteriesService}.
 */
@RestController
@Tag(name = "Reports", description = "The clinic's reports and exports")
class MasteriesController {

	private final MasteriesService service;

	private final Clock clock;

	private final ZoneId zone;

	MasteriesController(MasteriesService service, Clock clock, SparkProperties properties) {
		this.service = service;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	@GetMapping("/api/reports/masteries")
	@Operation(summary = "Targets mastered in the period: per month and one row each",
			description = "Admins: every active child; supervising therapists (BCBA, BCaBA): the active children "
					+ "they supervise; others 403. Period default: this month to today.")
	MasteriesReport masteries(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return this.service.report(user, ReportPeriod.of(from, to, this.clock, this.zone));
	}

	@GetMapping(path = "/api/reports/masteries.csv", produces = "text/csv")
	@Operation(summary = "Targets mastered in the period as CSV, one row each",
			description = "Same parameters and access as the JSON.")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<StreamingResponseBody> masteriesCsv(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		MasteriesReport report = this.service.report(user, ReportPeriod.of(from, to, this.clock, this.zone));
		return Csv.table("masteries_" + report.from() + "_" + report.to(),
				List.of("child", "child_id", "program", "program_id", "target", "target_id", "mastered_on",
						"mastered_at"),
				report.rows(), m -> List.of(m.childName(), m.childId(), m.programName(), m.programId(), m.targetName(),
						m.targetId(), m.masteredOn(), m.masteredAt()));
	}

}
