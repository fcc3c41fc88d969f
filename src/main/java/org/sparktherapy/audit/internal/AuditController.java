package org.sparktherapy.audit.internal;

import java.time.Instant;
import java.util.StringJoiner;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.InvalidInput;
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

	private final AuditLog log;

	private final AuditSealer sealer;

	AuditController(AuditSearch search, AuditVerifier verifier, AuditCheckpoints checkpoints, AuditLog log,
			AuditSealer sealer) {
		this.search = search;
		this.sealer = sealer;
		this.verifier = verifier;
		this.checkpoints = checkpoints;
		this.log = log;
	}

	@GetMapping
	@Operation(summary = "Search the PHI access log",
			description = "Newest first; filter by child, user, time, kind (account: account events and reads of "
					+ "this log; phi: accesses to records) and action (e.g. sign_in_failed). Each search is "
					+ "itself logged (audit_read, with its filters).")
	PageResponse<AuditSearch.AuditEntryResponse> search(@RequestParam(required = false) UUID childId,
			@RequestParam(required = false) UUID userId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String action,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageQuery query = PageQuery.of(page, size, null, AuditSearch.SORTABLE, "at,desc");
		if (kind != null && !AuditSearch.KINDS.contains(kind)) {
			throw new InvalidInput("kind", "must be account or phi");
		}
		if (action != null && !action.matches("[a-z_]{1,40}")) {
			throw new InvalidInput("action", "must be an action name such as sign_in_failed");
		}
		StringJoiner filters = new StringJoiner(" ");
		filter(filters, "childId", childId);
		filter(filters, "userId", userId);
		filter(filters, "from", from);
		filter(filters, "to", to);
		filter(filters, "kind", kind);
		filter(filters, "action", action);
		filter(filters, "page", query.page());
		read(filters.length() > 0 ? filters.toString() : null);
		return this.search.page(childId, userId, from, to, kind, action, query);
	}

	@GetMapping("/verify")
	@Operation(summary = "Verify the hash chain of the whole log",
			description = "Seals the entries committed so far, recomputes the keyed chain and compares it with the "
					+ "signed checkpoints outside the database. Entries committed meanwhile and not sealed yet "
					+ "are counted (unsealed, oldestUnsealedAt), not verified. Logged as an audit_read.")
	AuditVerifier.Verification verify() {
		read("verify");
		this.sealer.sealNow();
		return this.verifier.verify();
	}

	@PostMapping("/checkpoints")
	@Operation(summary = "Seal the entries committed so far and write a signed checkpoint of the newest one now",
			description = "409 when the log is empty, does not extend the last checkpoint, or another node is writing one; "
					+ "503 (checkpoint-directory-unwritable) when the checkpoint directory cannot be written.")
	AuditCheckpoints.CheckpointResponse checkpoint() {
		return this.checkpoints.write();
	}

	/** Reading the log is itself logged, in a transaction of its own, before the read. */
	private void read(String detail) {
		this.log.record(new PhiAccess("audit_read", "audit_log", null, null, detail), false,
				CurrentUser.signedIn().orElse(null));
	}

	private static void filter(StringJoiner filters, String name, Object value) {
		if (value != null) {
			filters.add(name + "=" + value);
		}
	}

}
