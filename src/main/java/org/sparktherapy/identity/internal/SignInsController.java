package org.sparktherapy.identity.internal;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.NotFound;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's active sign-ins, and ending them; an admin ends all of a user's.
 */
@RestController
@Tag(name = "Authentication")
class SignInsController {

	private final SignIns signIns;

	private final AccountService accounts;

	SignInsController(SignIns signIns, AccountService accounts) {
		this.signIns = signIns;
		this.accounts = accounts;
	}

	@GetMapping("/api/auth/sessions")
	@Operation(summary = "My active sign-ins",
			description = "Each sign-in not ended and within its lifetime: its coarse device and place (network, "
					+ "never the full address), when it started and was last used; current marks this one.")
	List<SignIns.ActiveSignIn> mine(@AuthenticationPrincipal CurrentUser user) {
		return this.signIns.of(user);
	}

	@DeleteMapping("/api/auth/sessions/{id}")
	@Operation(summary = "End one of my sign-ins",
			description = "Its refresh and access tokens stop at once. 404 for a sign-in that is not the caller's "
					+ "or already ended.")
	ResponseEntity<Void> end(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		if (!this.signIns.end(user, id)) {
			throw new NotFound("sign-in");
		}
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/users/{id}/sessions")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "End all sign-ins of a user",
			description = "Every sign-in of the account ends at once (a lost phone, a compromised account); "
					+ "the audit log keeps who did it (sessions_ended_by_admin). The account can sign in again.")
	ResponseEntity<Void> endAll(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin) {
		this.accounts.get(id);
		this.signIns.endAll(admin, id);
		return ResponseEntity.noContent().build();
	}

}
