package org.sparktherapy.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings ({@code spark.identity.*}).
 *
 * @param minPasswordScore the least zxcvbn score (0–4) a new password needs; 3 refuses
 * common and guessable ones
 * @param throttle brute-force limits for sign-in
 * @param bootstrapAdminEmail first admin's email ({@code SPARK_BOOTSTRAP_ADMIN_EMAIL})
 * @param bootstrapAdminPassword first admin's password
 * ({@code SPARK_BOOTSTRAP_ADMIN_PASSWORD})
 * @param secondFactor the second factor (ADR 0038)
 */
@ConfigurationProperties("spark.identity")
record IdentityProperties(@DefaultValue("3") int minPasswordScore, @DefaultValue Throttle throttle,
		String bootstrapAdminEmail, String bootstrapAdminPassword, @DefaultValue SecondFactor secondFactor) {

	/**
	 * @param accountFailures failures for one email within the window that lock it
	 * @param addressFailures failures from one client address within the window that lock
	 * it
	 * @param window how far back failures count
	 * @param lockout how long a lock lasts
	 */
	record Throttle(@DefaultValue("5") int accountFailures, @DefaultValue("30") int addressFailures,
			@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockout) {
	}

	/**
	 * @param requiredRoles who must use a second factor until an admin saves the clinic's
	 * own setting: comma-separated groups of {@link SecondFactorGroup} ({@code admin},
	 * {@code bcba}, {@code bcaba}, {@code rbt}, {@code other-therapist}, {@code parent}),
	 * or {@code none}
	 * @param key base64 of 32 bytes that encrypts TOTP secrets and keys recovery-code
	 * hashes ({@code SPARK_IDENTITY_SECOND_FACTOR_KEY}); generated into the data dir when
	 * unset
	 * @param challengeTtl how long a sign-in's second-factor challenge lasts
	 * @param enrollmentTtl how long a sign-in's enrollment challenge lasts
	 * @param challengeFailures wrong codes one challenge takes before it is used up
	 */
	record SecondFactor(@DefaultValue("admin,bcba") String requiredRoles, String key,
			@DefaultValue("5m") Duration challengeTtl, @DefaultValue("15m") Duration enrollmentTtl,
			@DefaultValue("3") int challengeFailures) {
	}

}
