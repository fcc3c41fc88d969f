package org.sparktherapy.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sparktherapy.platform.storage.FileStorage;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Attachment bytes in the {@link FileStorage}, kept in step with the database: files
 * written in a transaction are deleted again when it rolls back, and files of deleted
 * messages are removed only once the deletion commits. So a message is stored whole or
 * not at all.
 */
@Component
class AttachmentFiles {

	private final FileStorage storage;

	AttachmentFiles(FileStorage storage) {
		this.storage = storage;
	}

	/**
	 * Writes a file inside the current transaction; it is deleted if the transaction
	 * rolls back.
	 */
	void write(String key, InputStream content) {
		List<String> written = writtenInThisTransaction();
		written.add(key);
		try (content) {
			this.storage.put(key, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("An attachment could not be stored", ex);
		}
	}

	/** Deletes the files once the current transaction commits. */
	void deleteAfterCommit(List<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				keys.forEach(AttachmentFiles.this.storage::delete);
			}
		});
	}

	Optional<InputStream> open(String key) {
		try {
			return this.storage.open(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("An attachment could not be read", ex);
		}
	}

	@SuppressWarnings("unchecked")
	private List<String> writtenInThisTransaction() {
		Object bound = TransactionSynchronizationManager.getResource(this);
		if (bound != null) {
			return (List<String>) bound;
		}
		List<String> written = new ArrayList<>();
		TransactionSynchronizationManager.bindResource(this, written);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(AttachmentFiles.this);
				// only a known rollback: with STATUS_UNKNOWN the commit may have
				// succeeded, and a message
				// without its files is worse than a file without its message
				if (status == STATUS_ROLLED_BACK) {
					written.forEach(AttachmentFiles.this.storage::delete);
				}
			}
		});
		return written;
	}

}
