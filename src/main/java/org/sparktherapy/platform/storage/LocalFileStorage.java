package org.sparktherapy.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

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
		try {
			Files.deleteIfExists(resolve(key));
		}
		catch (IOException ex) {
			log.warn("A stored file could not be deleted ({})", ex.getClass().getSimpleName());
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
