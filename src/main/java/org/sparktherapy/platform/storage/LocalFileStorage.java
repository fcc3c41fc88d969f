package org.sparktherapy.platform.storage;

import java.io.IOException;
import java.io.InputStream;
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
 * {@code SPARK_DATA_DIR/attachments}). A file is written to a temporary name first and
 * moved into place, so a reader never sees half a file. Several nodes need a shared
 * directory (or another {@link FileStorage}).
 */
public class LocalFileStorage implements FileStorage {

	private static final Logger log = LoggerFactory.getLogger(LocalFileStorage.class);

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]+(/[A-Za-z0-9-]+)*");

	private final Path root;

	public LocalFileStorage(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, InputStream content) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
		try {
			Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
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
		try {
			return Optional.of(Files.newInputStream(resolve(key)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
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
