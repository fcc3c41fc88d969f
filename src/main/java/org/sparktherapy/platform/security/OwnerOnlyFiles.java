package org.sparktherapy.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.LoggerFactory;

/**
 * Secrets the app keeps in its data dir (the token signing key, the audit chain key, the
 * stored files' keys, the first admin's password): each is written to a file only its
 * owner may read, created so from its first byte (no window in which another user could
 * open it), and moved into place whole, so a crash never leaves half a key.
 */
public final class OwnerOnlyFiles {

	private static final SecureRandom RANDOM = new SecureRandom();

	private OwnerOnlyFiles() {
	}

	/**
	 * Writes {@code text} (US-ASCII or UTF-8, as given) to {@code file}, replacing what
	 * was there; creates the directories it needs.
	 */
	public static void write(Path file, String text) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary;
		try {
			temporary = Files.createTempFile(directory, ".secret", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: rely on the directory's permissions
			temporary = Files.createTempFile(directory, ".secret", ".tmp");
		}
		try {
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** {@code length} random bytes from a strong source, for a new key. */
	public static byte[] randomKey(int length) {
		byte[] key = new byte[length];
		RANDOM.nextBytes(key);
		return key;
	}

	/** A key as the files keep it: base64. */
	public static String base64(byte[] key) {
		return Base64.getEncoder().encodeToString(key);
	}

	/**
	 * The 32-byte key kept base64-encoded in {@code file}, generated and written
	 * owner-only on first use; {@code what} names it in the log and in errors (e.g. "the
	 * audit chain key"). A file that is not base64 stops the start with that name.
	 */
	public static byte[] readOrCreateKey(Path file, String what) {
		try {
			if (Files.exists(file)) {
				String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
				try {
					return Base64.getDecoder().decode(text);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException("The file of " + what + " (" + file + ") is not valid base64");
				}
			}
			byte[] key = randomKey(32);
			write(file, base64(key));
			LoggerFactory.getLogger(OwnerOnlyFiles.class).info("Generated {} in {}", what, file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create " + what + " in " + file, ex);
		}
	}

}
