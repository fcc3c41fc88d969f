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
		super("identity", dataSource, List.of("accounts"), Map.of( //
				"accounts.password_hash",
				"a secret: the password's hash would let anyone who holds the file guess " + "passwords offline",
				"refresh_tokens", "secrets and sign-in state: hashes of live refresh tokens, no clinic data",
				"password_reset_tokens", "secrets: hashes of single-use password-reset links", "login_failures",
				"sign-in throttling counters keyed by e-mail and address, kept minutes, no clinic data", "sign_ins",
				"sign-in state: each live sign-in's device and network for its owner's list, no clinic data"));
		familyRows("accounts", "id in (:guardians)");
	}

}
