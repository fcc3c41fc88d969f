package org.sparktherapy.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Argon2id cost of new password hashes ({@code spark.identity.password-hash.*}). The
 * defaults are Spring Security's 5.8 defaults (16 MiB, two passes, one lane), which every
 * stored hash so far uses; {@code PasswordHashingTests} holds them. Stored hashes carry
 * their own parameters, so a change applies to new passwords only. Only the test profile
 * lowers the cost (ADR 0025).
 *
 * @param memoryKib memory per hash in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 * @see <a href=
 * "https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id">OWASP
 * Password Storage Cheat Sheet</a>
 */
@ConfigurationProperties("spark.identity.password-hash")
record PasswordHashProperties(@DefaultValue("16384") int memoryKib, @DefaultValue("2") int iterations,
		@DefaultValue("1") int parallelism) {

}
