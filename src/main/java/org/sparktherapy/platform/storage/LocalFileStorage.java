package org.sparktherapy.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.io.FilterOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files on local disk under a root directory (by default
 * {@code SPARK_DATA_DIR/attachments}), encrypted (AES-256-GCM in 64 KiB segments with the
 * current of the {@link FileKeys}; see docs/adr/0037-encryption-at-rest.md). A file is
 * written to a temporary name first and moved into place, so a reader never sees half a
 * file. Files stored before encryption are read as they are. Several nodes need a shared
 * directory (or another {@link FileStorage}) and the same keys.
 */
public class LocalFileStorage implements FileStorage {

	private static final Logger log = LoggerFactory.getLogger(LocalFileStorage.class);

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]+(/[A-Za-z0-9-]+)*");

	private final Path root;

	private final FileEncryption encryption;

	public LocalFileStorage(Path root, FileKeys keys) {
		this.root = root.toAbsolutePath().normalize();
		this.encryption = new FileEncryption(keys);
	}

	@Override
	public void put(String key, InputStream content) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
		try {
			try (OutputStream file = Files.newOutputStream(temporary);
					OutputStream encrypted = this.encryption.encrypt(file, key)) {
				content.transferTo(encrypted);
			}
			if (Files.exists(target)) {
				throw new FileAlreadyExistsException(key);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public Optional<InputStream> open(String key) throws IOException {
		InputStream file;
		try {
			file = Files.newInputStream(resolve(key));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.encryption.decrypt(file, key));
		}
		catch (IOException | RuntimeException ex) {
			file.close();
			throw ex;
		}
	}

	@Override
	public void delete(String key) {
		Path path = resolve(key);
		try {
			// under the replacement lock: a re-encryption never puts a deleted file back
			withReplacementLock(() -> {
				Files.deleteIfExists(path);
				return null;
			});
		}
		catch (IOException ex) {
			log.warn("A stored file could not be deleted ({})", ex.getClass().getSimpleName());
		}
	}

	/** What one {@link #reencryptAll()} run found and did, file by file. */
	public record Reencryption(int fromPlaintext, int fromRetiredKey, int alreadyCurrent, int deletedMeanwhile,
			int failed) {

		/** Files rewritten under the current key. */
		public int rewritten() {
			return this.fromPlaintext + this.fromRetiredKey;
		}

	}

	/** What became of one file. */
	enum Outcome {

		FROM_PLAINTEXT, FROM_RETIRED_KEY, ALREADY_CURRENT, DELETED_MEANWHILE, FAILED

	}

	/**
	 * Re-encrypts under the current key every file stored in the clear (before
	 * encryption) or under another (retired) key. Per file: decrypted and encrypted again
	 * into a temporary file next to it (fsynced), which then replaces the file by an
	 * atomic rename — only if the file is still the one that was read, checked under the
	 * lock {@link #delete} takes, so a file deleted meanwhile stays deleted. Files under
	 * the current key are left alone, so a second run changes nothing. A damaged file is
	 * logged (by its storage key) and left as it is.
	 */
	public Reencryption reencryptAll() throws IOException {
		int[] counts = new int[Outcome.values().length];
		if (Files.isDirectory(this.root)) {
			List<Path> files;
			try (Stream<Path> walk = Files.walk(this.root)) {
				files = walk.filter((path) -> !path.getFileName().toString().startsWith("."))
					.filter(Files::isRegularFile)
					.toList();
			}
			for (Path file : files) {
				String key = this.root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
				if (KEY.matcher(key).matches()) {
					counts[reencrypt(key).ordinal()]++;
				}
			}
		}
		return new Reencryption(counts[Outcome.FROM_PLAINTEXT.ordinal()], counts[Outcome.FROM_RETIRED_KEY.ordinal()],
				counts[Outcome.ALREADY_CURRENT.ordinal()], counts[Outcome.DELETED_MEANWHILE.ordinal()],
				counts[Outcome.FAILED.ordinal()]);
	}

	/** Re-encrypts one file under the current key when it is not already. */
	Outcome reencrypt(String key) throws IOException {
		Path path = resolve(key);
		BasicFileAttributes before;
		Optional<String> keyId;
		try {
			before = Files.readAttributes(path, BasicFileAttributes.class);
			try (InputStream in = Files.newInputStream(path)) {
				keyId = FileEncryption.keyIdOf(in);
			}
		}
		catch (NoSuchFileException ex) {
			return Outcome.DELETED_MEANWHILE;
		}
		if (keyId.isPresent() && keyId.get().equals(this.encryption.currentKeyId())) {
			return Outcome.ALREADY_CURRENT;
		}
		Path temporary = Files.createTempFile(path.getParent(), ".reencrypt-", ".tmp");
		try {
			try (InputStream stored = Files.newInputStream(path);
					InputStream plain = this.encryption.decrypt(stored, key);
					FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				OutputStream encrypted = this.encryption.encrypt(new NonClosing(Channels.newOutputStream(channel)),
						key);
				plain.transferTo(encrypted);
				encrypted.close();
				channel.force(true);
			}
			catch (NoSuchFileException ex) {
				return Outcome.DELETED_MEANWHILE;
			}
			catch (StoredFileDamagedException ex) {
				// FileEncryption logged it, by storage key
				return Outcome.FAILED;
			}
			beforeReplace(key);
			boolean replaced = withReplacementLock(() -> {
				BasicFileAttributes now;
				try {
					now = Files.readAttributes(path, BasicFileAttributes.class);
				}
				catch (NoSuchFileException ex) {
					return false;
				}
				if (!Objects.equals(now.fileKey(), before.fileKey()) || now.size() != before.size()
						|| !now.lastModifiedTime().equals(before.lastModifiedTime())) {
					return false;
				}
				Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				return true;
			});
			if (!replaced) {
				return Outcome.DELETED_MEANWHILE;
			}
			return keyId.isPresent() ? Outcome.FROM_RETIRED_KEY : Outcome.FROM_PLAINTEXT;
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** For tests: runs between writing the re-encrypted copy and replacing the file. */
	void beforeReplace(String key) throws IOException {
		Runnable hook = this.beforeReplaceHook;
		if (hook != null) {
			hook.run();
		}
	}

	@Nullable
	volatile Runnable beforeReplaceHook;

	/**
	 * Runs {@code action} holding the lock that orders deletions and re-encryptions'
	 * replacements: a lock of this process and an exclusive file lock on
	 * {@code .replace.lock} in the root, for other nodes sharing the directory.
	 */
	private <T> T withReplacementLock(IoAction<T> action) throws IOException {
		synchronized (this.replacementLock) {
			Files.createDirectories(this.root);
			try (FileChannel lockFile = FileChannel.open(this.root.resolve(".replace.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
				return action.run();
			}
		}
	}

	private final Object replacementLock = new Object();

	@FunctionalInterface
	private interface IoAction<T> {

		T run() throws IOException;

	}

	/** Lets the encrypting stream finish without closing the channel before its fsync. */
	private static final class NonClosing extends FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

	private Path resolve(String key) {
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("not a storage key");
		}
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("not a storage key");
		}
		return path;
	}

}
