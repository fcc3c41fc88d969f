package org.sparktherapy.platform.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-encrypting stored files under the current key (ADR 0037): files stored in the clear
 * and under a retired key, atomically per file, never bringing back a file deleted
 * meanwhile, and a second run changes nothing.
 */
class StoredFileReencryptionTests {

	private static final String KEY_A = "a:" + key(1);

	private static final String KEY_B = "b:" + key(2);

	@TempDir
	Path root;

	@Test
	void aFileStoredInTheClearIsEncryptedAndReadsBackIdentically() throws IOException {
		byte[] content = text(200_000);
		write("m/1/plain", content);
		LocalFileStorage storage = storage(KEY_A, null);

		LocalFileStorage.Reencryption done = storage.reencryptAll();

		assertThat(done).isEqualTo(new LocalFileStorage.Reencryption(1, 0, 0, 0, 0));
		byte[] onDisk = Files.readAllBytes(this.root.resolve("m/1/plain"));
		assertThat(Arrays.copyOf(onDisk, FileEncryption.MAGIC.length + 3)).isEqualTo(header("a"));
		assertThat(new String(onDisk, StandardCharsets.ISO_8859_1))
			.doesNotContain(new String(content, 0, 64, StandardCharsets.ISO_8859_1));
		assertThat(read(storage, "m/1/plain")).isEqualTo(content);
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aFileUnderARetiredKeyMovesToTheCurrentKey() throws IOException {
		byte[] content = text(70_000);
		storage(KEY_A, null).put("m/2/old", new ByteArrayInputStream(content));
		LocalFileStorage rotated = storage(KEY_B + "," + KEY_A, "b");

		LocalFileStorage.Reencryption done = rotated.reencryptAll();

		assertThat(done).isEqualTo(new LocalFileStorage.Reencryption(0, 1, 0, 0, 0));
		assertThat(Arrays.copyOf(Files.readAllBytes(this.root.resolve("m/2/old")), FileEncryption.MAGIC.length + 3))
			.isEqualTo(header("b"));
		assertThat(read(rotated, "m/2/old")).isEqualTo(content);
		assertThat(read(storage(KEY_B, null), "m/2/old")).as("readable without the retired key").isEqualTo(content);
	}

	@Test
	void aFileDeletedDuringTheRunStaysDeleted() throws IOException {
		write("m/3/gone", text(1000));
		write("m/3/kept", text(2000));
		LocalFileStorage storage = storage(KEY_A, null);
		storage.beforeReplaceHook = () -> storage.delete("m/3/gone");

		LocalFileStorage.Reencryption done = storage.reencryptAll();

		assertThat(done).isEqualTo(new LocalFileStorage.Reencryption(1, 0, 0, 1, 0));
		assertThat(storage.open("m/3/gone")).isEmpty();
		assertThat(Files.exists(this.root.resolve("m/3/gone"))).isFalse();
		assertThat(read(storage, "m/3/kept")).isEqualTo(text(2000));
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aDeletionWhileTheCopyIsWrittenWinsOverTheReplacement() throws IOException {
		write("m/4/gone", text(1000));
		LocalFileStorage storage = storage(KEY_A, null);
		storage.beforeReplaceHook = () -> storage.delete("m/4/gone");

		assertThat(storage.reencrypt("m/4/gone")).isEqualTo(LocalFileStorage.Outcome.DELETED_MEANWHILE);
		assertThat(Files.exists(this.root.resolve("m/4/gone"))).isFalse();
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aSecondRunChangesNothing() throws IOException {
		write("m/5/plain", text(5000));
		storage(KEY_A, null).put("m/5/old", new ByteArrayInputStream(text(6000)));
		LocalFileStorage rotated = storage(KEY_B + "," + KEY_A, "b");
		assertThat(rotated.reencryptAll()).isEqualTo(new LocalFileStorage.Reencryption(1, 1, 0, 0, 0));
		byte[] plainAfterFirst = Files.readAllBytes(this.root.resolve("m/5/plain"));
		byte[] oldAfterFirst = Files.readAllBytes(this.root.resolve("m/5/old"));

		assertThat(rotated.reencryptAll()).isEqualTo(new LocalFileStorage.Reencryption(0, 0, 2, 0, 0));

		assertThat(Files.readAllBytes(this.root.resolve("m/5/plain"))).isEqualTo(plainAfterFirst);
		assertThat(Files.readAllBytes(this.root.resolve("m/5/old"))).isEqualTo(oldAfterFirst);
	}

	@Test
	void aDamagedFileIsCountedAndLeftAsItIs() throws IOException {
		LocalFileStorage storage = storage(KEY_A, null);
		storage.put("m/6/damaged", new ByteArrayInputStream(text(3000)));
		Path file = this.root.resolve("m/6/damaged");
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length - 1] ^= 1;
		Files.write(file, bytes);
		LocalFileStorage rotated = storage(KEY_B + "," + KEY_A, "b");

		assertThat(rotated.reencryptAll()).isEqualTo(new LocalFileStorage.Reencryption(0, 0, 0, 0, 1));
		assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void theJobCountsWhatItDidInTheMetric() throws IOException {
		write("m/7/plain", text(100));
		storage(KEY_A, null).put("m/7/old", new ByteArrayInputStream(text(100)));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		StoredFileReencryption job = new StoredFileReencryption(storage(KEY_B + "," + KEY_A, "b"), meters, true);

		job.run();
		job.run();

		assertThat(meters.get("spark.storage.reencrypted").tag("from", "plaintext").counter().count()).isEqualTo(1);
		assertThat(meters.get("spark.storage.reencrypted").tag("from", "retired-key").counter().count()).isEqualTo(1);
		assertThat(meters.get("spark.storage.reencrypted").tag("from", "failed").counter().count()).isZero();
	}

	private void write(String key, byte[] content) throws IOException {
		Path file = this.root.resolve(key);
		Files.createDirectories(file.getParent());
		Files.write(file, content);
	}

	/** Temporary files left behind (the lock file is meant to stay). */
	private Stream<Path> leftovers() throws IOException {
		return Files.walk(this.root)
			.filter(Files::isRegularFile)
			.filter((path) -> path.getFileName().toString().startsWith(".reencrypt-"))
			.toList()
			.stream();
	}

	private LocalFileStorage storage(String keys, String current) {
		return new LocalFileStorage(this.root, FileKeys.parse(keys, current));
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

}
