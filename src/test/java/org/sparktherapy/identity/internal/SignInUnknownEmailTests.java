package org.sparktherapy.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * An unknown email costs one Argon2id verification, like a wrong password: the password
 * is checked against {@link UnknownAccountHash}, which the encoder verifies by computing
 * Argon2id at the configured cost (its format is checked in
 * {@link PasswordHashingTests}).
 */
class SignInUnknownEmailTests {

	private static final PasswordHashProperties COST = new PasswordHashProperties(64, 1, 1);

	@Test
	void anUnknownEmailIsCheckedAgainstTheUnknownAccountHash() {
		var unknown = UnknownAccountHash.random(COST);
		var verifier = new RecordingEncoder(new DelegatingPasswordEncoder("argon2", Map.of("argon2",
				new Argon2PasswordEncoder(16, 32, COST.parallelism(), COST.memoryKib(), COST.iterations()))));
		var accounts = mock(AccountRepository.class);
		given(accounts.findByEmail(anyString())).willReturn(Optional.empty());
		var signIn = new SignIn(accounts, verifier, mock(LoginThrottle.class), mock(RefreshTokens.class),
				mock(AccessTokens.class), mock(ApplicationEventPublisher.class), mock(TransactionOperations.class),
				Clock.systemUTC(), mock(SignIns.class), mock(SecondFactors.class), mock(SecondFactorChallenges.class),
				mock(SecuritySettings.class), mock(SignInMetrics.class), unknown);

		assertThatExceptionOfType(IdentityProblems.InvalidCredentials.class)
			.isThrownBy(() -> signIn.login("nobody@example.org", "lantern-orchid-velvet-42", "198.51.100.7", "curl"));

		assertThat(verifier.checked).containsExactly(unknown.value());
		assertThat(verifier.results).containsExactly(false);
	}

	/** Passes every call on and records which hashes were verified. */
	private static final class RecordingEncoder implements PasswordEncoder {

		private final PasswordEncoder delegate;

		final List<String> checked = new ArrayList<>();

		final List<Boolean> results = new ArrayList<>();

		RecordingEncoder(PasswordEncoder delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return this.delegate.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checked.add(encodedPassword);
			boolean matches = this.delegate.matches(rawPassword, encodedPassword);
			this.results.add(matches);
			return matches;
		}

	}

}
