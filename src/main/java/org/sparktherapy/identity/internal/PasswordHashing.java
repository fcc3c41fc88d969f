package org.sparktherapy.identity.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id (OWASP's first choice) for new hashes; the {@code {id}} prefix lets the
 * parameters or the algorithm change later without breaking stored hashes. The cost of
 * new hashes comes from {@link PasswordHashProperties}.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	static final int SALT_BYTES = 16;

	static final int HASH_BYTES = 32;

	@Bean
	PasswordEncoder passwordEncoder(PasswordHashProperties cost) {
		return new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", argon2(cost), "bcrypt", new BCryptPasswordEncoder()));
	}

	/** What sign-in checks an unknown email's password against ({@link SignIn}). */
	@Bean
	UnknownAccountHash unknownAccountHash(PasswordHashProperties cost) {
		return UnknownAccountHash.random(cost);
	}

	private static Argon2PasswordEncoder argon2(PasswordHashProperties cost) {
		return new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, cost.parallelism(), cost.memoryKib(),
				cost.iterations());
	}

}
