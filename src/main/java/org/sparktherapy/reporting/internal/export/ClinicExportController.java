package org.sparktherapy.reporting.internal.export;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The admin's full export of the clinic, streamed as a ZIP archive: see
 * {@link ClinicArchive}.
 */
@RestController
@Tag(name = "Reports", description = "The clinic's reports and exports")
class ClinicExportController {

	static final MediaType ZIP = MediaType.parseMediaType("application/zip");

	private final ClinicExportService service;

	private final java.time.ZoneId zone;

	ClinicExportController(ClinicExportService service, SparkProperties properties) {
		this.service = service;
		this.zone = properties.clinicTimeZone();
	}

	@GetMapping("/api/reports/clinic-export")
	@Operation(
			summary = "The clinic's full export: every table the clinic owns as CSV, one file per table, and a "
					+ "manifest, in one ZIP archive (admins)",
			description = "Streamed. Secrets (password hashes, sign-in and reset tokens, calendar-feed tokens) are "
					+ "left out; manifest.json lists the tables with their row counts and what was left out and why.")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal CurrentUser user) {
		ClinicArchive.Ticket ticket = this.service.begin(user);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(ZIP);
		headers.setContentDisposition(ContentDisposition.attachment()
			.filename("sparktherapy-export-" + LocalDate.ofInstant(ticket.at(), this.zone) + ".zip")
			.build());
		headers.setCacheControl("no-store");
		return ResponseEntity.ok().headers(headers).body(out -> this.service.write(ticket, out));
	}

}
