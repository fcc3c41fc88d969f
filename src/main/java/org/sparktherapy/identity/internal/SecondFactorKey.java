package org.sparktherapy.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.security.OwnerOnlyFiles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The key that keeps second factors out of reach of a database copy (ADR 0038): TOTP
 * secrets are encrypted with it (AES-256-GCM, the account id as associated data, so a
 * secret copied onto another account does not decrypt), and recovery codes are stored as
 * its HMAC-SHA256. From {@code SPARK_IDENTITY_SECOND_FACTOR_KEY} (base64 of 32 bytes)
 * when set, otherwise generated once into {@code SPARK_DATA_DIR/keys/second-factor.key}
 * (owner-only), as the token and audit chain keys are. Never in the database, never
 * logged; rows name it by its id, the first 8 bytes of its SHA-256.
 * <p>
 * A row of another key (the key was changed or lost) is answered with
 * {@link IdentityProblems.SecondFactorKeyMismatch}, 503, and logged at ERROR once per
 * foreign key id (then as a warning), with both ids and where this key came from.
 */
@Component
class SecondFactorKey {

	private static final Logger log = LoggerFactory.getLogger(SecondFactorKey.class);

	private static final int NONCE_BYTES = 12;

	private static final String SETTING = "SPARK_IDENTITY_SECOND_FACTOR_KEY";

	private final SecretKeySpec encryption;

	private final SecretKeySpec hashing;

	private final String id;

	/** Where the key came from, for the log: the setting or the file. */
	private final String source;

	/** The foreign key ids already logged at ERROR. */
	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	@Autowired
	SecondFactorKey(IdentityProperties identity, SparkProperties spark) {
		this(identity.secondFactor().key(), spark.dataDir().resolve("keys").resolve("second-factor.key"));
	}

	private SecondFactorKey(String configured, java.nio.file.Path file) {
		this(isSet(configured) ? decode(configured) : OwnerOnlyFiles.readOrCreateKey(file, "the second-factor key"),
				isSet(configured) ? SETTING : "the file " + file + " (" + SETTING + " unset)");
	}

	private static boolean isSet(String configured) {
		return configured != null && !configured.isBlank();
	}

	SecondFactorKey(byte[] key) {
		this(key, "a key given in code");
	}

	private SecondFactorKey(byte[] key, String source) {
		this.source = source;
		if (key.length != 32) {
			throw new IllegalStateException("spark.identity.second-factor.key must decode to exactly 32 bytes");
		}
		this.encryption = new SecretKeySpec(derive(key, "totp-secret-encryption"), "AES");
		this.hashing = new SecretKeySpec(derive(key, "recovery-code-hash"), "HmacSHA256");
		try {
			this.id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String id() {
		return this.id;
	}

	/** {@code nonce ‖ ciphertext+tag}. */
	byte[] encrypt(UUID accountId, byte[] secret) {
		try {
			byte[] nonce = OwnerOnlyFiles.randomKey(NONCE_BYTES);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryption, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(accountId.toString().getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(secret);
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Throws {@link IdentityProblems.SecondFactorKeyMismatch} when the account's second
	 * factor was stored under another key than this one.
	 */
	void requireSameKey(String keyId, UUID accountId) {
		if (this.id.equals(keyId)) {
			return;
		}
		String message = "The second factor of account {} was set up with second-factor key {}, but this server's key "
				+ "is {} (from {}): two-step sign-in fails with 503 for every account of that key until the key is "
				+ "restored (ADR 0038)";
		if (this.reported.add(keyId)) {
			log.error(message, accountId, keyId, this.id, this.source);
		}
		else {
			log.warn(message, accountId, keyId, this.id, this.source);
		}
		throw new IdentityProblems.SecondFactorKeyMismatch();
	}

	byte[] decrypt(String keyId, UUID accountId, byte[] stored) {
		requireSameKey(keyId, accountId);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.encryption, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
			cipher.updateAAD(accountId.toString().getBytes(StandardCharsets.US_ASCII));
			return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The second factor of account " + accountId + " does not decrypt", ex);
		}
	}

	/** The stored form of a recovery code. */
	byte[] hash(String recoveryCode) {
		return mac(this.hashing, recoveryCode.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "SecondFactorKey[" + this.id + "]";
	}

	private static byte[] derive(byte[] key, String purpose) {
		return mac(new SecretKeySpec(key, "HmacSHA256"), purpose.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] mac(SecretKeySpec key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("spark.identity.second-factor.key is not valid base64");
		}
	}

}
