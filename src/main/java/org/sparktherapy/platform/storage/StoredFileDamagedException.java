package org.sparktherapy.platform.storage;

import java.io.IOException;

/**
 * A stored file that cannot be read back as it was written: changed, cut short or damaged
 * on disk, or encrypted with a key that is no longer configured. Thrown instead of
 * returning bytes that are not the file's.
 */
public class StoredFileDamagedException extends IOException {

	StoredFileDamagedException(String message, Throwable cause) {
		super(message, cause);
	}

	StoredFileDamagedException(String message) {
		super(message);
	}

}
