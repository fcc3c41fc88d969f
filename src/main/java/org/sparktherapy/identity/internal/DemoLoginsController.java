package org.sparktherapy.identity.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo clinic's logins for its sign-in page. Exists only in the {@code demo} profile
 * (everywhere else the route is unknown: 404); public, because whoever opens a demo
 * clinic has not signed in yet, and the demo accounts are synthetic people with a
 * published password.
 */
@RestController
@Profile("demo")
@Tag(name = "Demo clinic", description = "Only in the demo profile")
class DemoLoginsController {

	/** One demo account: who it is, and how the sign-in page labels its role. */
	record DemoLogin(String name, String email, String role, String label) {
	}

	/** Every demo account and the one password they share. */
	record DemoLoginsResponse(String password, List<DemoLogin> logins) {
	}

	@GetMapping("/api/demo/logins")
	@Operation(summary = "The demo accounts and their password (demo profile only)")
	DemoLoginsResponse logins() {
		return new DemoLoginsResponse(DemoAccounts.PASSWORD,
				DemoAccounts.PEOPLE.stream()
					.map(person -> new DemoLogin(person.name(), person.email(), person.role().value(),
							DemoAccounts.label(person)))
					.toList());
	}

}
