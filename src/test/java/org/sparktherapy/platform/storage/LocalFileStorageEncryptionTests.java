package org.sparktherapy.platform.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparktherapy.platform.SparkProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFileStorageEncryptionTests {

	/**
	 * Tink's ciphertext header: its length byte, a 32-byte salt, a 7-byte nonce prefix.
	 */
	private static final int TINK_HEADER = 1 + 32 + 7;

	private static final int TAG = 16;

	/** Plaintext in the first segment (which also holds Tink's header) and the others. */
	private static final int FIRST = FileEncryption.CIPHERTEXT_SEGMENT - TAG - TINK_HEADER;

	private static final int SEGMENT = FileEncryption.CIPHERTEXT_SEGMENT - TAG;

	private static final String KEY_A = "a:" + key(1);

	private static final String KEY_B = "b:" + key(2);

	@TempDir
	Path root;

	@ParameterizedTest
	@ValueSource(
			ints = { 0, 1, 1000, FIRST - 1, FIRST, FIRST + 1, FIRST + SEGMENT, FIRST + SEGMENT + 1, 10 * 1024 * 1024 })
	void filesComeBackAsTheyWereWrittenAndAreNotOnDiskInTheClear(int size) throws IOException {
		LocalFileStorage storage = storage(KEY_A);
		byte[] content = text(size);

		storage.put("c/file", new ByteArrayInputStream(content));

		assertThat(read(storage, "c/file")).isEqualTo(content);
		byte[] onDisk = Files.readAllBytes(this.root.resolve("c/file"));
		assertThat(onDisk).startsWith(FileEncryption.MAGIC);
		int segments = (size <= FIRST) ? 1 : 1 + (size - FIRST + SEGMENT - 1) / SEGMENT;
		assertThat(onDisk).as("one segment more past each boundary")
			.hasSize(FileEncryption.MAGIC.length + 2 + 1 + TINK_HEADER + size + segments * TAG);
		if (size >= 32) {
			assertThat(indexOf(onDisk, Arrays.copyOfRange(content, 0, 32))).isNegative();
			assertThat(indexOf(onDisk, Arrays.copyOfRange(content, size - 32, size))).isNegative();
		}
	}

	@Test
	void theSameContentTwiceIsEncryptedDifferently() throws IOException {
		LocalFileStorage storage = storage(KEY_A);
		storage.put("c/one", new ByteArrayInputStream(text(100)));
		storage.put("c/two", new ByteArrayInputStream(text(100)));

		assertThat(Files.readAllBytes(this.root.resolve("c/one")))
			.isNotEqualTo(Files.readAllBytes(this.root.resolve("c/two")));
	}

	@Test
	void aChangedByteAnywhereIsDetected() throws IOException {
		LocalFileStorage storage = storage(KEY_A);
		storage.put("c/file", new ByteArrayInputStream(text(FIRST + SEGMENT + 500)));
		byte[] stored = Files.readAllBytes(this.root.resolve("c/file"));
		int header = FileEncryption.MAGIC.length + 2 + 1;

		for (int position : new int[] { header - 1, header + 5, header + 100,
				header + FileEncryption.CIPHERTEXT_SEGMENT + 10, stored.length - 1 }) {
			byte[] changed = stored.clone();
			changed[position] ^= 0x01;
			Files.write(this.root.resolve("c/file"), changed);

			assertThatThrownBy(() -> read(storage, "c/file")).as("byte %d changed", position)
				.isInstanceOf(StoredFileDamagedException.class)
				.hasMessageContaining("c/file");
		}
	}

	@Test
	void aFileCutShortIsDetected() throws IOException {
		LocalFileStorage storage = storage(KEY_A);
		storage.put("c/file", new ByteArrayInputStream(text(FIRST + SEGMENT + 500)));
		byte[] stored = Files.readAllBytes(this.root.resolve("c/file"));
		int header = FileEncryption.MAGIC.length + 2 + 1;
		int lastSegment = header + 2 * FileEncryption.CIPHERTEXT_SEGMENT;

		for (int length : new int[] { lastSegment, lastSegment + 1, stored.length - 1, header + 20 }) {
			Files.write(this.root.resolve("c/file"), Arrays.copyOf(stored, length));

			assertThatThrownBy(() -> read(storage, "c/file")).as("cut to %d", length)
				.isInstanceOf(StoredFileDamagedException.class)
				.hasMessageContaining("integrity check");
		}
	}

	@Test
	void bytesAppendedToAFileAreDetected() throws IOException {
		LocalFileStorage storage = storage(KEY_A);
		for (int size : new int[] { 100, FIRST, FIRST + SEGMENT }) {
			storage.put("c/file-" + size, new ByteArrayInputStream(text(size)));
			Path file = this.root.resolve("c/file-" + size);
			byte[] stored = Files.readAllBytes(file);
			byte[] longer = Arrays.copyOf(stored, stored.length + 17);
			System.arraycopy(stored, stored.length - 17, longer, stored.length, 17);
			Files.write(file, longer);

			assertThatThrownBy(() -> read(storage, "c/file-" + size)).as("%d bytes and more", size)
				.isInstanceOf(StoredFileDamagedException.class);
		}
	}

	@Test
	void swappedSegmentsAreDetected() throws IOException {
		LocalFileStorage storage = storage(KEY_A);
		storage.put("c/file", new ByteArrayInputStream(text(FIRST + 3 * SEGMENT)));
		byte[] stored = Files.readAllBytes(this.root.resolve("c/file"));
		int second = FileEncryption.MAGIC.length + 2 + 1 + FileEncryption.CIPHERTEXT_SEGMENT;
		int third = second + FileEncryption.CIPHERTEXT_SEGMENT;
		byte[] swapped = stored.clone();
		System.arraycopy(stored, second, swapped, third, FileEncryption.CIPHERTEXT_SEGMENT);
		System.arraycopy(stored, third, swapped, second, FileEncryption.CIPHERTEXT_SEGMENT);
		Files.write(this.root.resolve("c/file"), swapped);

		assertThatThrownBy(() -> read(storage, "c/file")).isInstanceOf(StoredFileDamagedException.class);
	}

	@Test
	void aFileCopiedUnderAnotherStorageKeyIsNotServed() throws IOException {
		LocalFileStorage storage = storage(KEY_A);
		storage.put("c/mine", new ByteArrayInputStream(text(100)));
		Files.copy(this.root.resolve("c/mine"), this.root.resolve("c/theirs"));

		assertThatThrownBy(() -> read(storage, "c/theirs")).isInstanceOf(StoredFileDamagedException.class);
	}

	@Test
	void filesStoredBeforeEncryptionAreReadAsTheyAre() throws IOException {
		LocalFileStorage storage = storage(KEY_A);
		Files.createDirectories(this.root.resolve("c"));
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };
		Files.write(this.root.resolve("c/old"), png);
		Files.write(this.root.resolve("c/tiny"), new byte[] { 0 });
		Files.write(this.root.resolve("c/empty"), new byte[0]);

		assertThat(read(storage, "c/old")).isEqualTo(png);
		assertThat(read(storage, "c/tiny")).containsExactly(0);
		assertThat(read(storage, "c/empty")).isEmpty();
	}

	@Test
	void afterRotationNewFilesUseTheNewKeyAndOldFilesAreStillRead() throws IOException {
		LocalFileStorage before = storage(KEY_A);
		before.put("c/old", new ByteArrayInputStream(text(FIRST + 10)));

		LocalFileStorage after = new LocalFileStorage(this.root, FileKeys.parse(KEY_A + "," + KEY_B, "b"));
		after.put("c/new", new ByteArrayInputStream(text(10)));

		assertThat(read(after, "c/old")).isEqualTo(text(FIRST + 10));
		assertThat(read(after, "c/new")).isEqualTo(text(10));
		assertThat(Files.readAllBytes(this.root.resolve("c/new"))).startsWith(header("b"));
		assertThat(Files.readAllBytes(this.root.resolve("c/old"))).startsWith(header("a"));
		assertThatThrownBy(() -> read(storage(KEY_B), "c/old")).isInstanceOf(StoredFileDamagedException.class)
			.hasMessageContaining("the key 'a', which is not in spark.storage.encryption.keys");
	}

	@Test
	void aKeyIdChangedInTheHeaderIsDetected() throws IOException {
		storage(KEY_A).put("c/file", new ByteArrayInputStream(text(100)));
		byte[] stored = Files.readAllBytes(this.root.resolve("c/file"));
		stored[FileEncryption.MAGIC.length + 2] = 'b';
		Files.write(this.root.resolve("c/file"), stored);

		LocalFileStorage both = new LocalFileStorage(this.root, FileKeys.parse(KEY_A + "," + KEY_B, null));
		assertThatThrownBy(() -> read(both, "c/file")).isInstanceOf(StoredFileDamagedException.class);
	}

	@Test
	void keysAreCheckedAndNeverShown() {
		FileKeys keys = FileKeys.parse(" a:" + key(1) + " , b:" + key(2), null);

		assertThat(keys.currentId()).isEqualTo("a");
		assertThat(keys.toString()).doesNotContain(key(1)).doesNotContain(key(2)).contains("a", "b");
		assertThat(new StorageEncryptionProperties(KEY_A, "a").toString()).doesNotContain(key(1));
		assertThatIllegalStateException().isThrownBy(() -> FileKeys.parse("a:" + key(1), "c"))
			.withMessageContaining("current-key 'c'");
		assertThatIllegalStateException().isThrownBy(() -> FileKeys.parse("a:c2hvcnQ=", null))
			.withMessageContaining("exactly 32 bytes")
			.withMessageNotContaining("c2hvcnQ");
		assertThatIllegalStateException().isThrownBy(() -> FileKeys.parse("a:" + key(1) + ",a:" + key(2), null))
			.withMessageContaining("twice");
		assertThatIllegalStateException().isThrownBy(() -> FileKeys.parse(key(1), null))
			.withMessageContaining("id:base64");
		assertThatIllegalStateException().isThrownBy(() -> FileKeys.parse("a:not base64!", null))
			.withMessageContaining("not base64");
	}

	@Test
	void aGeneratedKeyIsKeptOwnerOnlyAndReusedOnRestart() throws IOException {
		Path file = this.root.resolve("keys/storage-files.keys");

		FileKeys first = FileKeys.stored(file);
		new LocalFileStorage(this.root.resolve("attachments"), first).put("c/file",
				new ByteArrayInputStream(text(100)));
		FileKeys again = FileKeys.stored(file);

		assertThat(first.currentId()).startsWith("local-").isEqualTo(again.currentId());
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(read(new LocalFileStorage(this.root.resolve("attachments"), again), "c/file")).isEqualTo(text(100));
	}

	@Test
	void theKeysComeFromTheEnvironmentAndOtherwiseFromTheDataDir() throws IOException {
		Map<String, Object> environment = Map.of("SPARK_STORAGE_ENCRYPTION_KEYS", KEY_A + "," + KEY_B,
				"SPARK_STORAGE_ENCRYPTION_CURRENT_KEY", "b");
		StorageEncryptionProperties configured = new Binder(
				ConfigurationPropertySources.from(new SystemEnvironmentPropertySource("env", environment)))
			.bind("spark.storage.encryption", StorageEncryptionProperties.class)
			.get();
		SparkProperties spark = new SparkProperties(this.root, DataSize.ofMegabytes(1), ZoneOffset.UTC);

		new StorageConfiguration().fileStorage(spark, configured)
			.put("c/configured", new ByteArrayInputStream(text(10)));
		new StorageConfiguration().fileStorage(spark, new StorageEncryptionProperties(null, null))
			.put("c/generated", new ByteArrayInputStream(text(10)));

		assertThat(Files.readAllBytes(this.root.resolve("attachments/c/configured"))).startsWith(header("b"));
		String generated = Files.readString(this.root.resolve("keys/storage-files.keys")).trim();
		assertThat(Files.readAllBytes(this.root.resolve("attachments/c/generated")))
			.startsWith(header(generated.substring(0, generated.indexOf(':'))));
	}

	private LocalFileStorage storage(String keys) {
		return new LocalFileStorage(this.root, FileKeys.parse(keys, null));
	}

	private static byte[] read(LocalFileStorage storage, String key) throws IOException {
		try (InputStream in = storage.open(key).orElseThrow()) {
			return in.readAllBytes();
		}
	}

	private static byte[] header(String keyId) {
		byte[] header = Arrays.copyOf(FileEncryption.MAGIC, FileEncryption.MAGIC.length + 2 + keyId.length());
		header[FileEncryption.MAGIC.length] = 1;
		header[FileEncryption.MAGIC.length + 1] = (byte) keyId.length();
		System.arraycopy(keyId.getBytes(StandardCharsets.US_ASCII), 0, header, FileEncryption.MAGIC.length + 2,
				keyId.length());
		return header;
	}

	/** Readable, non-repeating text, so a leak of plaintext onto disk would be found. */
	private static byte[] text(int size) {
		Random random = new Random(size);
		byte[] text = new byte[size];
		for (int i = 0; i < size; i++) {
			text[i] = (byte) ('a' + random.nextInt(26));
		}
		return text;
	}

	private static String key(int seed) {
		byte[] key = new byte[32];
		new Random(seed).nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
