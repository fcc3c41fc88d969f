package org.sparktherapy.children.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Erasing a child's family (ADR 0040). */
@RestController
@Tag(name = "Privacy", description = "A family's data export and erasure")
class FamilyErasureController {

	private final FamilyErasure erasure;

	FamilyErasureController(FamilyErasure erasure) {
		this.erasure = erasure;
	}

	/** The confirmation: the child's first and last name, typed. */
	record ErasureRequest(@Nullable String confirmation) {
	}

	/** What was erased. */
	record ErasureResponse(UUID childId, String displayName, Instant erasedAt, List<UUID> guardiansErased,
			List<UUID> guardiansKept) {
	}

	@PostMapping("/api/children/{id}/erasure")
	@Operation(summary = "Erases the child's family: pseudonymises the child and its guardians' accounts (admins)",
			description = "Irreversible. The body's confirmation must be the child's first and last name. The "
					+ "clinical record, billing and the audit log are kept for their retention periods (docs/privacy.md).")
	ErasureResponse erase(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable ErasureRequest request) {
		FamilyErasure.Erased erased = this.erasure.erase(user, id, (request != null) ? request.confirmation() : null);
		return new ErasureResponse(erased.childId(), erased.displayName(), erased.erasedAt(), erased.guardiansErased(),
				erased.guardiansKept());
	}

}
