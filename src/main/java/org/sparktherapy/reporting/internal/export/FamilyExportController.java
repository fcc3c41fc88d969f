package org.sparktherapy.reporting.internal.export;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A family's data export (ADR 0040), streamed as a ZIP archive ({@link FamilyArchive}):
 * directly with the access token, or through a one-time link the browser follows without
 * it (the clinic export's links and download route).
 */
@RestController
@Tag(name = "Privacy", description = "A family's data export and erasure")
class FamilyExportController {

	private final FamilyExportService service;

	private final ZoneId zone;

	FamilyExportController(FamilyExportService service, SparkProperties properties) {
		this.service = service;
		this.zone = properties.clinicTimeZone();
	}

	/** A one-time download link: follow it once, before {@code expiresAt}. */
	record FamilyExportLink(String url, Instant expiresAt) {
	}

	@GetMapping("/api/children/{id}/data-export")
	@Operation(summary = "The family's data export: everything the clinic holds about the child and its guardians "
			+ "as JSON documents, the signed progress reports' PDFs and the message attachments, in one ZIP archive "
			+ "(admins; a parent for their own child)", description = "Streamed; logged as an export of PHI.")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return archive(this.service.begin(user, id));
	}

	@PostMapping("/api/children/{id}/data-export/links")
	@Operation(summary = "A one-time link to the family's data export (admins; a parent for their own child)",
			description = "The link works once, for a minute, without the access token. The export is logged when "
					+ "the link is made.")
	ResponseEntity<FamilyExportLink> link(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		ClinicExportLinks.Issued issued = this.service.link(user, id);
		String url = ClinicExportController.DOWNLOAD + "?token=" + issued.token();
		return ResponseEntity.created(URI.create(url))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new FamilyExportLink(url, issued.expiresAt()));
	}

	ResponseEntity<StreamingResponseBody> archive(FamilyArchive.Ticket ticket) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(ClinicExportController.ZIP);
		headers.setContentDisposition(ContentDisposition.attachment()
			.filename("sparktherapy-family-data-" + LocalDate.ofInstant(ticket.at(), this.zone) + ".zip")
			.build());
		headers.setCacheControl("no-store");
		return ResponseEntity.ok().headers(headers).body(out -> this.service.write(ticket, out));
	}

}
