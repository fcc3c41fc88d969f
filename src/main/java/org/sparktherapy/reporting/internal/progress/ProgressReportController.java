package org.sparktherapy.reporting.internal.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The child's progress reports: the BCBA's drafts, signed versions and corrections, and
 * their PDF. Who may do what: {@link ProgressReportAccess}.
 */
@RestController
@Tag(name = "Progress reports", description = "The child's progress report: draft, sign, correct, PDF")
class ProgressReportController {

	static final int MAX_TEXT = 20_000;

	private final ProgressReportService service;

	ProgressReportController(ProgressReportService service) {
		this.service = service;
	}

	record CreateReportRequest(
			@Nullable @Schema(description = "Default: six months before periodEnd") LocalDate periodStart,
			@Nullable @Schema(description = "Default: today in the clinic's time zone") LocalDate periodEnd) {
	}

	record UpdateReportRequest(@Nullable LocalDate periodStart, @Nullable LocalDate periodEnd,
			@Nullable @Size(max = MAX_TEXT) String summary, @Nullable @Size(max = MAX_TEXT) String goals,
			@Nullable @Size(max = MAX_TEXT) String recommendations) {
	}

	record Signer(UUID id, String name) {
	}

	record ProgressReportSummary(UUID id, UUID childId, LocalDate periodStart, LocalDate periodEnd,
			@Schema(allowableValues = {
					"draft", "signed", "superseded" }) String status,
			@Nullable Signer signedBy, @Nullable Instant signedAt, @Nullable UUID supersedes,
			@Nullable UUID supersededBy, Instant updatedAt, int version){

		static ProgressReportSummary of(ProgressReport r) {
			return new ProgressReportSummary(r.id(), r.childId(), r.periodStart(), r.periodEnd(), r.status().value(),
					(r.signature() != null) ? new Signer(r.signature().by(), r.signature().name()) : null,
					(r.signature() != null) ? r.signature().at() : null, r.supersedes(), r.supersededBy(),
					r.updatedAt(), r.version());
		}

	}

	record ProgressReportResponse(UUID id, UUID childId, LocalDate periodStart, LocalDate periodEnd,
			@Schema(allowableValues = {
					"draft", "signed", "superseded" }) String status,
			String summary, String goals, String recommendations, @Nullable Signer signedBy, @Nullable Instant signedAt,
			@Nullable UUID supersedes, @Nullable UUID supersededBy, Instant createdAt, Instant updatedAt,
			ProgressFigures figures, int version){

		static ProgressReportResponse of(ProgressReportService.ReportView view) {
			ProgressReport r = view.report();
			return new ProgressReportResponse(r.id(), r.childId(), r.periodStart(), r.periodEnd(), r.status().value(),
					r.narrative().summary(), r.narrative().goals(), r.narrative().recommendations(),
					(r.signature() != null) ? new Signer(r.signature().by(), r.signature().name()) : null,
					(r.signature() != null) ? r.signature().at() : null, r.supersedes(), r.supersededBy(),
					r.createdAt(), r.updatedAt(), view.figures(), r.version());
		}

		String etag() {
			return ETags.of(this.version);
		}

	}

	@GetMapping("/api/children/{id}/progress-reports")
	@Operation(summary = "A child's progress reports, the latest period first",
			description = "Admins and the child's supervisors see drafts too; technicians and guardians only signed "
					+ "reports.")
	PageResponse<ProgressReportSummary> listProgressReports(@PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal CurrentUser user) {
		return this.service.list(user, id, PageQuery.of(page, size)).map(ProgressReportSummary::of);
	}

	@PostMapping("/api/children/{id}/progress-reports")
	@Operation(summary = "Start a progress report (a draft) for a period",
			description = "The child's supervisors. The period is whole days in the clinic's time zone, both ends "
					+ "included, at most 12 months, ending today at the latest; six months to today by default.")
	ResponseEntity<ProgressReportResponse> createProgressReport(@PathVariable UUID id,
			@Valid @RequestBody(required = false) CreateReportRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		CreateReportRequest asked = (request != null) ? request : new CreateReportRequest(null, null);
		ProgressReportResponse body = ProgressReportResponse
			.of(this.service.create(user, id, asked.periodStart(), asked.periodEnd()));
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/api/progress-reports/{id}")
				.buildAndExpand(body.id())
				.toUri())
			.eTag(body.etag())
			.body(body);
	}

	@GetMapping("/api/progress-reports/{id}")
	@Operation(summary = "A progress report with its figures",
			description = "A draft's figures are computed now; a signed version's are those frozen at signing.")
	ResponseEntity<ProgressReportResponse> getProgressReport(@PathVariable UUID id,
			@AuthenticationPrincipal CurrentUser user) {
		ProgressReportResponse body = ProgressReportResponse.of(this.service.read(user, id));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@PutMapping("/api/progress-reports/{id}")
	@Operation(summary = "Edit a draft: period and narrative",
			description = "Fields left out stay. If-Match refuses stale changes (412); a signed report is never "
					+ "edited (409): correct it instead.")
	ResponseEntity<ProgressReportResponse> updateProgressReport(@PathVariable UUID id,
			@Valid @RequestBody UpdateReportRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		ProgressReport.Narrative narrative = new ProgressReport.Narrative(request.summary(), request.goals(),
				request.recommendations());
		ProgressReportResponse body = ProgressReportResponse.of(this.service.update(user, id, ETags.version(ifMatch),
				request.periodStart(), request.periodEnd(), narrative));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@PostMapping("/api/progress-reports/{id}/signature")
	@Operation(summary = "Sign a draft",
			description = "The child's supervisors. Freezes the figures as they are now; summary, goals and "
					+ "recommendations must be written (409 otherwise). If-Match refuses a stale draft (412).")
	ResponseEntity<ProgressReportResponse> signProgressReport(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		ProgressReportResponse body = ProgressReportResponse.of(this.service.sign(user, id, ETags.version(ifMatch)));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@PostMapping("/api/progress-reports/{id}/corrections")
	@Operation(summary = "Correct a signed report",
			description = "A new draft with the same period and narrative; once signed it supersedes the report, "
					+ "which stays as it was.")
	ResponseEntity<ProgressReportResponse> correctProgressReport(@PathVariable UUID id,
			@AuthenticationPrincipal CurrentUser user) {
		ProgressReportResponse body = ProgressReportResponse.of(this.service.correct(user, id));
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/api/progress-reports/{id}")
				.buildAndExpand(body.id())
				.toUri())
			.eTag(body.etag())
			.body(body);
	}

	@GetMapping(path = "/api/progress-reports/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "A progress report as PDF",
			description = "Text and black-and-white vector graphs; a draft prints marked as a draft.")
	ResponseEntity<byte[]> progressReportPdf(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition",
					ContentDisposition.attachment().filename("progress-report.pdf").build().toString())
			.body(this.service.pdf(user, id));
	}

}
