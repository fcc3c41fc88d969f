package org.sparktherapy.reporting.internal.export;

import java.net.URI;
import java.time.Instant;
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

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The admin's full export of the clinic, streamed as a ZIP archive (see
 * {@link ClinicArchive}): directly with the access token, or through a one-time link the
 * browser follows without it ({@link ClinicExportLinks}).
 */
@RestController
@Tag(name = "Reports", description = "The clinic's reports and exports")
class ClinicExportController {

	static final MediaType ZIP = MediaType.parseMediaType("application/zip");

	static final String DOWNLOAD = "/api/reports/clinic-export/download";

	private final ClinicExportService service;

	private final ZoneId zone;

	private final FamilyExportController families;

	ClinicExportController(ClinicExportService service, SparkProperties properties, FamilyExportController families) {
		this.service = service;
		this.families = families;
		this.zone = properties.clinicTimeZone();
	}

	/**
	 * Asks for a one-time download link; {@code format} is {@code csv} (default) or
	 * {@code json}.
	 */
	record ExportLinkRequest(@Schema(allowableValues = {
			"csv", "json" }, nullable = true) @Nullable String format){
	}

	/** A one-time download link: follow it once, before {@code expiresAt}. */
	record ExportLinkResponse(String url, Instant expiresAt, String format) {
	}

	@GetMapping("/api/reports/clinic-export")
	@Operation(
			summary = "The clinic's full export: every table the clinic owns as CSV or JSON Lines, one file per "
					+ "table, the message attachments' files and a manifest, in one ZIP archive (admins)",
			description = "Streamed. Secrets (password hashes, sign-in and reset tokens, calendar-feed tokens) are "
					+ "left out; manifest.json lists the format, the tables with their row counts, the stored files "
					+ "and what was left out and why.")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal CurrentUser user,
			@Parameter(description = "csv (default) or json (JSON Lines)") @RequestParam(
					required = false) @Nullable String format) {
		ExportFormat chosen = ExportFormat.of(format, "format");
		return archive(this.service.begin(user), chosen);
	}

	@PostMapping("/api/reports/clinic-export/links")
	@Operation(summary = "A one-time link to the clinic's full export (admins)",
			description = "The link works once, for a minute, without the access token, so the browser can save "
					+ "the archive straight to disk. The export is logged when the link is made.")
	ResponseEntity<ExportLinkResponse> link(@AuthenticationPrincipal CurrentUser user,
			@RequestBody(required = false) @Nullable ExportLinkRequest request) {
		ExportFormat format = ExportFormat.of((request != null) ? request.format() : null, "/format");
		ClinicExportLinks.Issued issued = this.service.link(user, format);
		String url = DOWNLOAD + "?token=" + issued.token();
		return ResponseEntity.created(URI.create(url))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new ExportLinkResponse(url, issued.expiresAt(), format.code()));
	}

	@GetMapping(DOWNLOAD)
	@Operation(summary = "Downloads the clinic's full export through a one-time link",
			description = "No access token: the link's token is the credential. A used link answers 410, an "
					+ "expired one 410, an unknown one 404. A link made for a family's data export downloads "
					+ "that archive (ADR 0040).")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<StreamingResponseBody> download(@RequestParam String token) {
		ClinicExportService.Download download = this.service.redeem(token);
		if (download.family() != null) {
			return this.families.archive(download.family());
		}
		return archive(java.util.Objects.requireNonNull(download.ticket()), download.format());
	}

	private ResponseEntity<StreamingResponseBody> archive(ClinicArchive.Ticket ticket, ExportFormat format) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(ZIP);
		String suffix = (format == ExportFormat.CSV) ? "" : "-" + format.code();
		headers.setContentDisposition(ContentDisposition.attachment()
			.filename("sparktherapy-export-" + LocalDate.ofInstant(ticket.at(), this.zone) + suffix + ".zip")
			.build());
		headers.setCacheControl("no-store");
		return ResponseEntity.ok().headers(headers).body(out -> this.service.write(ticket, format, out));
	}

}
