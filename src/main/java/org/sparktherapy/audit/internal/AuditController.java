package org.sparktherapy.audit.internal;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PHI access log for admins: read and verify only; no endpoint changes or deletes it.
 */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Audit", description = "The PHI access log (admins)")
class AuditController {

	private final AuditSearch search;

	private final AuditVerifier verifier;

	AuditController(AuditSearch search, AuditVerifier verifier) {
		this.search = search;
		this.verifier = verifier;
	}

	@GetMapping
	@Operation(summary = "Search the PHI access log", description = "Newest first; filter by child, user and time.")
	PageResponse<AuditSearch.AuditEntryResponse> search(@RequestParam(required = false) UUID childId,
			@RequestParam(required = false) UUID userId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageQuery query = PageQuery.of(page, size, null, AuditSearch.SORTABLE, "at,desc");
		return this.search.page(childId, userId, from, to, query);
	}

	@GetMapping("/verify")
	@Operation(summary = "Verify the hash chain of the whole log")
	AuditVerifier.Verification verify() {
		return this.verifier.verify();
	}

}
