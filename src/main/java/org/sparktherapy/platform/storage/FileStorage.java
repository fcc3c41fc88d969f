package org.sparktherapy.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where uploaded files live, by key: local disk under the data dir by default
 * ({@link LocalFileStorage}); another implementation (an object store) can replace it as
 * a bean. Keys are chosen by the caller, made of letters, digits, {@code -} and {@code /}
 * only. Files are written whole or not at all.
 */
public interface FileStorage {

	/**
	 * Stores the stream's bytes under {@code key}, replacing nothing: a key is written
	 * once.
	 */
	void put(String key, InputStream content) throws IOException;

	/** The stored bytes, or empty when there is no file under {@code key}. */
	Optional<InputStream> open(String key) throws IOException;

	/** Deletes the file under {@code key}; no error when there is none. */
	void delete(String key);

}
