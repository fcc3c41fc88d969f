package org.sparktherapy.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.sparktherapy.identity.AccountDeactivated;
import org.sparktherapy.platform.privacy.FamilyErased;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Identity's part of a family's erasure (ADR 0040), in the erasure's transaction: each
 * erased guardian's account gets its pseudonym as name, a non-deliverable address
 * ({@code erased-<id>@erased.invalid}, RFC 2606's reserved {@code .invalid}), a password
 * nobody knows (a hash of random bytes, thrown away), is deactivated, and loses its
 * sign-ins, refresh tokens, reset links and sign-in throttling counters.
 */
@Component
class IdentityErasure {

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	IdentityErasure(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.events = events;
	}

	@EventListener
	void on(FamilyErased erased) {
		for (Map.Entry<UUID, String> guardian : erased.guardians().entrySet()) {
			UUID id = guardian.getKey();
			String email = this.jdbc.sql("select email from accounts where id = :id for update")
				.param("id", id)
				.query(String.class)
				.optional()
				.orElse(null);
			if (email == null) {
				continue;
			}
			byte[] secret = new byte[32];
			this.random.nextBytes(secret);
			this.jdbc.sql("""
					update accounts set name = :name, email = :email, password_hash = :hash, active = false,
					    updated_at = :now, version = version + 1
					where id = :id
					""")
				.param("name", guardian.getValue())
				.param("email", "erased-" + id + "@erased.invalid")
				.param("hash", this.passwords.encode(Base64.getEncoder().encodeToString(secret)))
				.param("now", Timestamp.from(erased.at()))
				.param("id", id)
				.update();
			this.jdbc.sql("delete from refresh_tokens where account_id = :id").param("id", id).update();
			this.jdbc.sql("delete from password_reset_tokens where account_id = :id").param("id", id).update();
			this.jdbc.sql("delete from sign_ins where account_id = :id").param("id", id).update();
			// the second factor (ADR 0038) and what invited or registered this address
			// (ADR 0039)
			this.jdbc.sql("delete from second_factor_challenges where account_id = :id").param("id", id).update();
			this.jdbc.sql("delete from recovery_codes where account_id = :id").param("id", id).update();
			this.jdbc.sql("delete from second_factors where account_id = :id").param("id", id).update();
			this.jdbc.sql("delete from login_failures where key = :key").param("key", "second-factor:" + id).update();
			this.jdbc.sql("delete from pending_registrations where email = :email")
				.param("email", Account.normalizeEmail(email))
				.update();
			this.jdbc
				.sql("update invitations set name = :name, email = :erased where account_id = :id or email = :email")
				.param("name", guardian.getValue())
				.param("erased", "erased-" + id + "@erased.invalid")
				.param("id", id)
				.param("email", Account.normalizeEmail(email))
				.update();
			this.jdbc.sql("delete from login_failures where key = :key")
				.param("key", "account:" + Account.normalizeEmail(email))
				.update();
			this.events.publishEvent(new AccountDeactivated(id, erased.by(), erased.at()));
		}
	}

}
