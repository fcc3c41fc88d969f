package org.sparktherapy.platform.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encryption of stored files, streaming: AES-256-GCM in segments of 64 KiB (Tink's
 * {@code AesGcmHkdfStreaming}: a key derived per file with HKDF-SHA256 from a random
 * salt, each segment's nonce holding its index and whether it is the last, so segments
 * cannot be changed, reordered, dropped or cut off unnoticed). Only one segment is in
 * memory at a time.
 * <p>
 * A file is our header, then Tink's ciphertext. The header is a magic number
 * ({@code 00 'SPKENC'}), the format version (1), the length of the key id and the key id
 * (ASCII). The header and the file's storage key are the associated data, so a file
 * cannot be passed off under another key id or another storage key. A file without the
 * magic number was stored before encryption and is read as it is.
 */
final class FileEncryption {

	private static final Logger log = LoggerFactory.getLogger(FileEncryption.class);

	static final byte[] MAGIC = { 0x00, 'S', 'P', 'K', 'E', 'N', 'C' };

	static final int VERSION = 1;

	static final int CIPHERTEXT_SEGMENT = 64 * 1024;

	private final FileKeys keys;

	private final Map<String, StreamingAead> aeads = new ConcurrentHashMap<>();

	FileEncryption(FileKeys keys) {
		this.keys = keys;
	}

	/**
	 * A stream that encrypts what is written to it with the current key into {@code out};
	 * closing it writes the last segment and closes {@code out}.
	 */
	OutputStream encrypt(OutputStream out, String storageKey) throws IOException {
		String keyId = this.keys.currentId();
		byte[] header = header(keyId);
		out.write(header);
		try {
			return aead(keyId, this.keys.current()).newEncryptingStream(out, associatedData(header, storageKey));
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("The stored file could not be encrypted", ex);
		}
	}

	/** The id of the key new files are encrypted with. */
	String currentKeyId() {
		return this.keys.currentId();
	}

	/**
	 * The key id in the header of the stored file {@code in} (read from its start), or
	 * empty for a file stored before encryption (no magic number). A damaged header reads
	 * as an id that no key has.
	 */
	static Optional<String> keyIdOf(InputStream in) throws IOException {
		byte[] magic = in.readNBytes(MAGIC.length);
		if (!Arrays.equals(magic, MAGIC)) {
			return Optional.empty();
		}
		int version = in.read();
		int idLength = in.read();
		if (version != VERSION || idLength < 1 || idLength > 32) {
			return Optional.of("");
		}
		return Optional.of(new String(in.readNBytes(idLength), StandardCharsets.US_ASCII));
	}

	/**
	 * The plaintext of the stored file {@code in}: decrypted as it is read when it has
	 * our header, as it is otherwise (stored before encryption). A read that meets a
	 * changed or damaged file throws {@link StoredFileDamagedException}.
	 */
	InputStream decrypt(InputStream in, String storageKey) throws IOException {
		Raw raw = new Raw(new BufferedInputStream(in, 8192));
		raw.mark(MAGIC.length);
		byte[] magic = raw.readNBytes(MAGIC.length);
		if (!Arrays.equals(magic, MAGIC)) {
			raw.reset();
			return raw;
		}
		int version = raw.read();
		int idLength = raw.read();
		if (version != VERSION || idLength < 1 || idLength > 32) {
			throw damaged(storageKey, "has an unknown header (format version " + version + ")", null);
		}
		byte[] id = raw.readNBytes(idLength);
		String keyId = new String(id, StandardCharsets.US_ASCII);
		if (id.length != idLength || !FileKeys.KEY_ID.matcher(keyId).matches()) {
			throw damaged(storageKey, "has a damaged header", null);
		}
		byte[] key = this.keys.key(keyId)
			.orElseThrow(() -> damaged(storageKey,
					"is encrypted with the key '" + keyId
							+ "', which is not in spark.storage.encryption.keys (SPARK_STORAGE_ENCRYPTION_KEYS)",
					null));
		byte[] header = header(keyId);
		try {
			InputStream plain = aead(keyId, key).newDecryptingStream(raw, associatedData(header, storageKey));
			return new Checked(plain, raw, storageKey);
		}
		catch (GeneralSecurityException ex) {
			throw damaged(storageKey, "could not be decrypted", ex);
		}
	}

	private StreamingAead aead(String keyId, byte[] key) {
		return this.aeads.computeIfAbsent(keyId, (id) -> {
			try {
				return new AesGcmHkdfStreaming(key, "HmacSha256", 32, CIPHERTEXT_SEGMENT, 0);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("AES-GCM streaming is not available", ex);
			}
		});
	}

	private static byte[] header(String keyId) {
		byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
		byte[] header = Arrays.copyOf(MAGIC, MAGIC.length + 2 + id.length);
		header[MAGIC.length] = VERSION;
		header[MAGIC.length + 1] = (byte) id.length;
		System.arraycopy(id, 0, header, MAGIC.length + 2, id.length);
		return header;
	}

	private static byte[] associatedData(byte[] header, String storageKey) {
		byte[] key = storageKey.getBytes(StandardCharsets.UTF_8);
		byte[] data = Arrays.copyOf(header, header.length + key.length);
		System.arraycopy(key, 0, data, header.length, key.length);
		return data;
	}

	private static StoredFileDamagedException damaged(String storageKey, String what, Throwable cause) {
		// the storage key is an opaque id; nothing of the file's content is logged
		log.warn("The stored file {} {}; it is not served", storageKey, what);
		return new StoredFileDamagedException("The stored file " + storageKey + " " + what, cause);
	}

	/**
	 * The file's own bytes; remembers whether reading them failed (not a damaged file).
	 */
	private static final class Raw extends InputStream {

		private final BufferedInputStream in;

		private boolean failed;

		Raw(BufferedInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			try {
				return this.in.read();
			}
			catch (IOException ex) {
				this.failed = true;
				throw ex;
			}
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			try {
				return this.in.read(b, off, len);
			}
			catch (IOException ex) {
				this.failed = true;
				throw ex;
			}
		}

		@Override
		public int available() throws IOException {
			return this.in.available();
		}

		@Override
		public synchronized void mark(int limit) {
			this.in.mark(limit);
		}

		@Override
		public synchronized void reset() throws IOException {
			this.in.reset();
		}

		@Override
		public boolean markSupported() {
			return true;
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

	/**
	 * The decrypted stream; a failed decryption becomes a
	 * {@link StoredFileDamagedException}.
	 */
	private static final class Checked extends InputStream {

		private final InputStream plain;

		private final Raw raw;

		private final String storageKey;

		Checked(InputStream plain, Raw raw, String storageKey) {
			this.plain = plain;
			this.raw = raw;
			this.storageKey = storageKey;
		}

		@Override
		public int read() throws IOException {
			try {
				return this.plain.read();
			}
			catch (IOException ex) {
				throw translated(ex);
			}
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			try {
				return this.plain.read(b, off, len);
			}
			catch (IOException ex) {
				throw translated(ex);
			}
		}

		@Override
		public int available() throws IOException {
			return this.plain.available();
		}

		@Override
		public void close() throws IOException {
			this.plain.close();
		}

		private IOException translated(IOException ex) {
			if (this.raw.failed || ex instanceof StoredFileDamagedException) {
				return ex;
			}
			return damaged(this.storageKey, "failed its integrity check (changed or damaged after it was written)", ex);
		}

	}

}
