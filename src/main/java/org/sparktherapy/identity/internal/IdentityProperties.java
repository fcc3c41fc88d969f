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
 */
@ConfigurationProperties("spark.identity")
record IdentityProperties(@DefaultValue("3") int minPasswordScore, @DefaultValue Throttle throttle,
		String bootstrapAdminEmail, String bootstrapAdminPassword) {

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

}
