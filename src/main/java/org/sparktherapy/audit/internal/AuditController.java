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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PHI access log for admins: read, verify and checkpoint only; no endpoint changes or
 * deletes it.
 */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Audit", description = "The PHI access log (admins)")
class AuditController {

	private final AuditSearch search;

	private final AuditVerifier verifier;

	private final AuditCheckpoints checkpoints;

	AuditController(AuditSearch search, AuditVerifier verifier, AuditCheckpoints checkpoints) {
		this.search = search;
		this.verifier = verifier;
		this.checkpoints = checkpoints;
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
	@Operation(summary = "Verify the hash chain of the whole log",
			description = "Recomputes the keyed chain and compares it with the signed checkpoints outside the database.")
	AuditVerifier.Verification verify() {
		return this.verifier.verify();
	}

	@PostMapping("/checkpoints")
	@Operation(summary = "Write a signed checkpoint of the newest entry now",
			description = "409 when the log is empty, does not extend the last checkpoint, or another node is writing one.")
	AuditCheckpoints.CheckpointResponse checkpoint() {
		return this.checkpoints.write();
	}

}
