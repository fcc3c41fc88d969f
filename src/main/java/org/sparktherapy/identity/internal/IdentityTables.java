package org.sparktherapy.identity.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The identity module's tables in the clinic's full export (ADR 0036): accounts without
 * their password hashes; sign-in secrets and sign-in state left out.
 */
@Component
class IdentityTables extends TableExport {

	IdentityTables(DataSource dataSource) {
		super("identity", dataSource, List.of("accounts", "invitations"), Map.ofEntries( //
				Map.entry("accounts.password_hash",
						"a secret: the password's hash would let anyone who holds the file guess "
								+ "passwords offline"),
				Map.entry("refresh_tokens", "secrets and sign-in state: hashes of live refresh tokens, no clinic data"),
				Map.entry("password_reset_tokens", "secrets: hashes of single-use password-reset links"),
				Map.entry("login_failures",
						"sign-in throttling counters keyed by e-mail and address, kept minutes, no clinic data"),
				Map.entry("sign_ins",
						"sign-in state: each live sign-in's device and network for its owner's list, no clinic data"),
				Map.entry("second_factors", "secrets: encrypted TOTP secrets (ADR 0038)"),
				Map.entry("recovery_codes", "secrets: keyed hashes of one-time recovery codes"),
				Map.entry("second_factor_challenges", "sign-in state: hashes of short-lived second-factor challenges"),
				Map.entry("security_settings",
						"the clinic's sign-in setting, not clinic data; each change is in the audit log"),
				Map.entry("invitations.token_hash", "a secret: the hash of an invitation link's single-use token"),
				Map.entry("pending_registrations",
						"secrets and unverified requests: password and token hashes of registrations nobody confirmed yet")));
		familyRows("accounts", "id in (:guardians)");
	}

}
