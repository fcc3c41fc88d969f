package org.sparktherapy.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.security.OwnerOnlyFiles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The access log's chain key (HMAC-SHA256): from {@code SPARK_AUDIT_CHAIN_KEY} when set,
 * otherwise generated once into {@code SPARK_DATA_DIR/keys/audit-chain.key} (owner-only),
 * as the token key is. Never in the database, never logged. Each key has an id (a
 * fingerprint: the first 8 bytes of its SHA-256) stored with every row it keyed, so
 * retired keys still verify their rows after a rotation.
 */
@Component
class AuditChainKey {

	private final String currentId;

	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	@Autowired
	AuditChainKey(AuditProperties audit, SparkProperties spark) {
		this((audit.chainKey() != null && !audit.chainKey().isBlank()) ? decode(audit.chainKey())
				: OwnerOnlyFiles.readOrCreateKey(spark.dataDir().resolve("keys").resolve("audit-chain.key"),
						"the audit chain key"),
				audit.retiredChainKeys().stream().filter(k -> !k.isBlank()).map(AuditChainKey::decode).toList());
	}

	AuditChainKey(byte[] current, List<byte[]> retired) {
		if (current.length < 32) {
			throw new IllegalStateException("spark.audit.chain-key must decode to at least 32 bytes");
		}
		this.currentId = add(current);
		retired.forEach(this::add);
	}

	/** A fresh random key (tests and tools that only verify legacy rows). */
	static AuditChainKey random() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return new AuditChainKey(secret, List.of());
	}

	String currentId() {
		return this.currentId;
	}

	boolean knows(String keyId) {
		return keyId != null && this.keys.containsKey(keyId);
	}

	/** HMAC-SHA256 of {@code data} with the key of that id. */
	byte[] mac(String keyId, String data) {
		SecretKeySpec key = this.keys.get(keyId);
		if (key == null) {
			throw new IllegalArgumentException("Unknown audit chain key id " + keyId);
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "AuditChainKey[" + this.currentId + "]";
	}

	private String add(byte[] secret) {
		try {
			String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret), 0, 8);
			this.keys.putIfAbsent(id, new SecretKeySpec(secret, "HmacSHA256"));
			return id;
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
			throw new IllegalStateException("spark.audit.chain-key is not valid base64");
		}
	}

}
