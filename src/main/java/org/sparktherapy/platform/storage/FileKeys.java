package org.sparktherapy.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.platform.security.OwnerOnlyFiles;

/**
 * The keys stored files are encrypted with, by id: new files with the current key, old
 * ones with whichever key their header names. Written as {@code id:base64,id:base64}
 * ({@code SPARK_STORAGE_ENCRYPTION_KEYS}); each key is 32 random bytes
 * ({@code openssl rand -base64 32}). Never logged: {@link #toString()} names the ids
 * only.
 */
public final class FileKeys {

	private static final Logger log = LoggerFactory.getLogger(FileKeys.class);

	static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

	private static final int KEY_BYTES = 32;

	private final Map<String, byte[]> keys;

	private final String currentId;

	private FileKeys(Map<String, byte[]> keys, String currentId) {
		this.keys = keys;
		this.currentId = currentId;
	}

	/**
	 * Keys from their written form, {@code id:base64[,id:base64…]}; new files use
	 * {@code currentId}, or the first key listed when it is empty.
	 */
	public static FileKeys parse(String written, @Nullable String currentId) {
		Map<String, byte[]> keys = new LinkedHashMap<>();
		for (String entry : written.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			int colon = entry.indexOf(':');
			String id = (colon < 0) ? "" : entry.substring(0, colon).trim();
			if (!KEY_ID.matcher(id).matches()) {
				throw new IllegalStateException("spark.storage.encryption.keys: each entry is id:base64, the id made of"
						+ " letters, digits, '.', '_' and '-' (at most 32)");
			}
			byte[] key;
			try {
				key = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("spark.storage.encryption.keys: the key '" + id + "' is not base64");
			}
			if (key.length != KEY_BYTES) {
				throw new IllegalStateException(
						"spark.storage.encryption.keys: the key '" + id + "' must decode to exactly 32 bytes");
			}
			if (keys.put(id, key) != null) {
				throw new IllegalStateException("spark.storage.encryption.keys: the key '" + id + "' is listed twice");
			}
		}
		if (keys.isEmpty()) {
			throw new IllegalStateException("spark.storage.encryption.keys names no key");
		}
		String current = (currentId == null || currentId.isBlank()) ? keys.keySet().iterator().next()
				: currentId.trim();
		if (!keys.containsKey(current)) {
			throw new IllegalStateException(
					"spark.storage.encryption.current-key '" + current + "' is not in spark.storage.encryption.keys");
		}
		return new FileKeys(keys, current);
	}

	/**
	 * The key kept in {@code file} (written as {@link #parse} reads), generated there
	 * once, owner-only, when the file does not exist yet.
	 */
	public static FileKeys stored(Path file) {
		try {
			if (Files.exists(file)) {
				return parse(Files.readString(file, StandardCharsets.US_ASCII).trim(), null);
			}
			byte[] key = OwnerOnlyFiles.randomKey(KEY_BYTES);
			String written = "local-" + HexFormat.of().formatHex(OwnerOnlyFiles.randomKey(4)) + ":"
					+ OwnerOnlyFiles.base64(key);
			OwnerOnlyFiles.write(file, written + "\n");
			log.info("Generated a new stored-file encryption key in {}", file);
			return parse(written, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the stored-file encryption key " + file, ex);
		}
	}

	/** The id of the key new files are encrypted with. */
	public String currentId() {
		return this.currentId;
	}

	byte[] current() {
		return this.keys.get(this.currentId);
	}

	Optional<byte[]> key(String id) {
		return Optional.ofNullable(this.keys.get(id));
	}

	@Override
	public String toString() {
		return "FileKeys" + this.keys.keySet() + " (current " + this.currentId + ")";
	}

}
