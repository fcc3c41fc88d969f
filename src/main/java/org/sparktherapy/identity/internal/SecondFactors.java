package org.sparktherapy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.sparktherapy.identity.AccountEvent;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A person's second factor (ADR 0038): a TOTP secret ({@link Totp}) kept encrypted
 * ({@link SecondFactorKey}), set up in two steps (start shows the secret, a first right
 * code turns it on), and ten one-time recovery codes kept as keyed hashes. Every code
 * tried counts against the account ({@link LoginThrottle#attemptSecondFactor}) before it
 * is checked; a TOTP code is accepted once (the highest accepted time step is kept), a
 * recovery code once.
 */
@Service
class SecondFactors {

	static final int RECOVERY_CODES = 10;

	/** Unambiguous to read aloud and type: no 0/O, 1/I/L. */
	private static final String RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final String ISSUER = "SPARKTherapy";

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	/** What the person sees of their second factor. */
	record Status(boolean enabled, @Nullable Instant enabledAt, int recoveryCodesLeft, boolean required) {
	}

	/** The secret to put into an authenticator app, as text, URI and QR code. */
	record Enrollment(String secret, String otpauthUri, QrMatrix qr) {
	}

	/** How a person proved the second factor. */
	enum Method {

		TOTP, RECOVERY_CODE

	}

	private record Stored(String keyId, byte[] secret, @Nullable Instant enabledAt) {
	}

	private final JdbcClient jdbc;

	private final SecondFactorKey key;

	private final LoginThrottle throttle;

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final SecuritySettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionOperations transactions;

	private final SignIns signIns;

	SecondFactors(JdbcClient jdbc, SecondFactorKey key, LoginThrottle throttle, AccountRepository accounts,
			PasswordEncoder passwords, SecuritySettings settings, ApplicationEventPublisher events, Clock clock,
			TransactionOperations transactions, SignIns signIns) {
		this.transactions = transactions;
		this.signIns = signIns;
		this.jdbc = jdbc;
		this.key = key;
		this.throttle = throttle;
		this.accounts = accounts;
		this.passwords = passwords;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	boolean enabled(UUID accountId) {
		return this.jdbc
			.sql("select exists (select 1 from second_factors where account_id = :account and enabled_at is not null)")
			.param("account", accountId)
			.query(Boolean.class)
			.single();
	}

	Status status(UUID accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow(IdentityProblems.AccountNotFound::new);
		Instant enabledAt = this.jdbc
			.sql("select enabled_at from second_factors where account_id = :account and enabled_at is not null")
			.param("account", accountId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
		int left = (enabledAt == null) ? 0
				: this.jdbc.sql("select count(*) from recovery_codes where account_id = :account and used_at is null")
					.param("account", accountId)
					.query(Integer.class)
					.single();
		return new Status(enabledAt != null, enabledAt, left, this.settings.secondFactorRequired(account));
	}

	/**
	 * A new secret waiting for its first code; replaces one that was waiting. Refused
	 * while a second factor is on.
	 */
	@Transactional
	Enrollment startEnrollment(UUID accountId) {
		Account account = this.accounts.findByIdForUpdate(accountId).orElseThrow(IdentityProblems.AccountNotFound::new);
		if (enabled(accountId)) {
			throw new IdentityProblems.SecondFactorAlreadyEnabled();
		}
		byte[] secret = Totp.newSecret();
		this.jdbc
			.sql("""
					insert into second_factors (account_id, key_id, secret, created_at) values (:account, :key, :secret, :now)
					on conflict (account_id) do update set key_id = excluded.key_id, secret = excluded.secret,
					    created_at = excluded.created_at, enabled_at = null, last_step = null
					""")
			.param("account", accountId)
			.param("key", this.key.id())
			.param("secret", this.key.encrypt(accountId, secret))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		String uri = Totp.uri(ISSUER, account.email(), secret);
		return new Enrollment(Totp.base32(secret), uri, QrMatrix.of(uri));
	}

	/**
	 * The first right code from the app turns the second factor on; answers the ten
	 * recovery codes, shown this once. A wrong code is counted and answered with
	 * {@link IdentityProblems.InvalidSecondFactorCode}.
	 */
	List<String> confirmEnrollment(UUID accountId, String code) {
		this.throttle.attemptSecondFactor(accountId);
		Stored stored = stored(accountId).filter(s -> s.enabledAt() == null)
			.orElseThrow(() -> enabled(accountId) ? new IdentityProblems.SecondFactorAlreadyEnabled()
					: new IdentityProblems.NoEnrollmentStarted());
		Instant now = this.clock.instant();
		OptionalLong step = Totp.matchingStep(this.key.decrypt(stored.keyId(), accountId, stored.secret()), code, now);
		if (step.isEmpty()) {
			failed(accountId, "/code", "enrollment code");
		}
		this.throttle.secondFactorSucceeded(accountId);
		return transactionally(() -> {
			int enabledRows = this.jdbc.sql("""
					update second_factors set enabled_at = :now, last_step = :step
					where account_id = :account and enabled_at is null
					""")
				.param("now", Timestamp.from(now))
				.param("step", step.getAsLong())
				.param("account", accountId)
				.update();
			if (enabledRows != 1) {
				throw new IdentityProblems.SecondFactorAlreadyEnabled();
			}
			List<String> codes = replaceRecoveryCodes(accountId);
			this.events.publishEvent(
					new AccountEvent(AccountEvent.Kind.SECOND_FACTOR_ENABLED, accountId, accountId, false, "totp"));
			return codes;
		});
	}

	/**
	 * Checks a code from the app or a recovery code for the account's second factor;
	 * answers how it was proved. Counts the attempt first; a wrong, replayed or used code
	 * is audited and answered with {@link IdentityProblems.InvalidSecondFactorCode}. A
	 * second factor stored under another key answers
	 * {@link IdentityProblems.SecondFactorKeyMismatch} (503) and counts nothing.
	 */
	Method verify(UUID accountId, @Nullable String code, @Nullable String recoveryCode) {
		// Before counting the attempt: under another key no code can be right (recovery
		// codes
		// are hashed with it too), and a person who tries again must not be locked out
		// for it.
		stored(accountId).ifPresent(stored -> this.key.requireSameKey(stored.keyId(), accountId));
		this.throttle.attemptSecondFactor(accountId);
		if (recoveryCode != null && !recoveryCode.isBlank()) {
			int left = useRecoveryCode(accountId, recoveryCode);
			if (left < 0) {
				failed(accountId, "/recoveryCode", "recovery code");
			}
			this.throttle.secondFactorSucceeded(accountId);
			this.events.publishEvent(new AccountEvent(AccountEvent.Kind.RECOVERY_CODE_USED, accountId, accountId, false,
					left + " recovery code(s) left"));
			return Method.RECOVERY_CODE;
		}
		Stored stored = stored(accountId).filter(s -> s.enabledAt() != null)
			.orElseThrow(IdentityProblems.SecondFactorNotEnabled::new);
		OptionalLong step = Totp.matchingStep(this.key.decrypt(stored.keyId(), accountId, stored.secret()), code,
				this.clock.instant());
		boolean fresh = step.isPresent() && this.jdbc.sql("""
				update second_factors set last_step = :step
				where account_id = :account and enabled_at is not null and (last_step is null or last_step < :step)
				""").param("step", step.getAsLong()).param("account", accountId).update() == 1;
		if (!fresh) {
			failed(accountId, "/code", step.isPresent() ? "code already used" : "wrong code");
		}
		this.throttle.secondFactorSucceeded(accountId);
		return Method.TOTP;
	}

	/** Ten new recovery codes for a signed-in person who gives a current code. */
	List<String> regenerateRecoveryCodes(CurrentUser user, String code) {
		if (!enabled(user.id())) {
			throw new IdentityProblems.SecondFactorNotEnabled();
		}
		verifyCodeOnly(user.id(), code);
		return transactionally(() -> {
			List<String> codes = replaceRecoveryCodes(user.id());
			this.events.publishEvent(new AccountEvent(AccountEvent.Kind.RECOVERY_CODES_REGENERATED, user.id(),
					user.id(), false, codes.size() + " new recovery codes; the old ones stopped working"));
			return codes;
		});
	}

	/**
	 * The signed-in person turns their second factor off with their password and a code;
	 * refused when the clinic requires one for their group.
	 */
	void disable(CurrentUser user, String password, String code) {
		Account account = this.accounts.findById(user.id()).orElseThrow(IdentityProblems.AccountNotFound::new);
		if (!enabled(user.id())) {
			throw new IdentityProblems.SecondFactorNotEnabled();
		}
		if (this.settings.secondFactorRequired(account)) {
			throw new IdentityProblems.SecondFactorRequired(
					SecondFactorGroup.of(account.role(), account.credential()).value());
		}
		if (password == null || !this.passwords.matches(password, account.passwordHash())) {
			this.events.publishEvent(new AccountEvent(AccountEvent.Kind.SECOND_FACTOR_FAILED, user.id(), user.id(),
					true, "wrong password to turn two-step sign-in off"));
			throw new IdentityProblems.WrongCurrentPassword("/password");
		}
		verifyCodeOnly(user.id(), code);
		transactionally(() -> {
			remove(user.id());
			this.events.publishEvent(
					new AccountEvent(AccountEvent.Kind.SECOND_FACTOR_DISABLED, user.id(), user.id(), false, "totp"));
			return null;
		});
	}

	/**
	 * An admin removes a person's second factor (a lost phone) and ends all their
	 * sign-ins, in one transaction. False when there was none.
	 */
	@Transactional
	boolean resetByAdmin(CurrentUser admin, UUID accountId) {
		this.accounts.findByIdForUpdate(accountId).orElseThrow(IdentityProblems.AccountNotFound::new);
		boolean had = enabled(accountId);
		remove(accountId);
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.SECOND_FACTOR_RESET_BY_ADMIN, admin.id(), accountId,
				false, had ? "second factor removed" : "no second factor was on"));
		this.signIns.endAll(admin, accountId);
		return had;
	}

	private void verifyCodeOnly(UUID accountId, String code) {
		verify(accountId, (code == null) ? "" : code, null);
	}

	private void remove(UUID accountId) {
		this.jdbc.sql("delete from recovery_codes where account_id = :account").param("account", accountId).update();
		this.jdbc.sql("delete from second_factors where account_id = :account").param("account", accountId).update();
		this.jdbc.sql("delete from second_factor_challenges where account_id = :account and purpose = 'verify'")
			.param("account", accountId)
			.update();
	}

	private void failed(UUID accountId, String pointer, String why) {
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.SECOND_FACTOR_FAILED, null, accountId, true, why));
		throw new IdentityProblems.InvalidSecondFactorCode(pointer);
	}

	/**
	 * Uses one recovery code up; answers how many are left, or -1 when it matched none.
	 */
	private int useRecoveryCode(UUID accountId, String typed) {
		String normalized = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		int used = this.jdbc.sql("""
				update recovery_codes set used_at = :now
				where account_id = :account and code_hash = :hash and used_at is null
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("account", accountId)
			.param("hash", this.key.hash(normalized))
			.update();
		if (used != 1) {
			return -1;
		}
		return this.jdbc.sql("select count(*) from recovery_codes where account_id = :account and used_at is null")
			.param("account", accountId)
			.query(Integer.class)
			.single();
	}

	private List<String> replaceRecoveryCodes(UUID accountId) {
		this.jdbc.sql("delete from recovery_codes where account_id = :account").param("account", accountId).update();
		Instant now = this.clock.instant();
		List<String> codes = new ArrayList<>(RECOVERY_CODES);
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = newRecoveryCode();
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
			this.jdbc.sql("""
					insert into recovery_codes (id, account_id, code_hash, created_at)
					values (:id, :account, :hash, :now)
					""")
				.param("id", UUID.randomUUID())
				.param("account", accountId)
				.param("hash", this.key.hash(code))
				.param("now", Timestamp.from(now))
				.update();
		}
		return List.copyOf(codes);
	}

	/** 10 characters of a 31-letter alphabet: about 49 random bits. */
	private static String newRecoveryCode() {
		StringBuilder code = new StringBuilder(10);
		for (int i = 0; i < 10; i++) {
			code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	private java.util.Optional<Stored> stored(UUID accountId) {
		return this.jdbc.sql("select key_id, secret, enabled_at from second_factors where account_id = :account")
			.param("account", accountId)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getBytes(2),
					(rs.getTimestamp(3) != null) ? rs.getTimestamp(3).toInstant() : null))
			.optional();
	}

	private <T> T transactionally(java.util.function.Supplier<T> work) {
		return this.transactions.execute(status -> work.get());
	}

}
