package org.sparktherapy.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * What sign-in checks a password against when no account has the email, so that an
 * unknown email costs one Argon2id verification like a known one and both answers take as
 * long. A well-formed hash at the cost of new hashes ({@link PasswordHashProperties})
 * with a random salt and a random digest: verifying it computes Argon2id with those
 * parameters exactly as for a stored hash, and no password matches it (a 256-bit digest
 * chosen at random). Made without hashing anything, so the start-up no longer computes an
 * Argon2id hash of a random password (issue 16: 16 MiB, two passes, on a cold JVM).
 *
 * @param value the hash as stored, {@code {argon2}} prefix included
 */
record UnknownAccountHash(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static UnknownAccountHash random(PasswordHashProperties cost) {
		byte[] salt = new byte[PasswordHashing.SALT_BYTES];
		byte[] digest = new byte[PasswordHashing.HASH_BYTES];
		RANDOM.nextBytes(salt);
		RANDOM.nextBytes(digest);
		return new UnknownAccountHash("{argon2}" + argon2id(cost, salt, digest));
	}

	/**
	 * An Argon2id hash in the PHC string format Spring Security's
	 * {@code Argon2PasswordEncoder} writes and reads
	 * ({@code $argon2id$v=19$m=…,t=…,p=…$salt$digest}, unpadded Base64).
	 */
	static String argon2id(PasswordHashProperties cost, byte[] salt, byte[] digest) {
		Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
		return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$"
				+ base64.encodeToString(salt) + "$" + base64.encodeToString(digest);
	}

}
