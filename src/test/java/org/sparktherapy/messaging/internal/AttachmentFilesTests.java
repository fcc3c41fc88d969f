package org.sparktherapy.messaging.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparktherapy.platform.storage.FileKeys;
import org.sparktherapy.platform.storage.LocalFileStorage;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentFilesTests {

	private static final FileKeys KEYS = FileKeys.parse("test:" + "A".repeat(43) + "=", null);

	@TempDir
	Path root;

	@Test
	void filesWrittenInATransactionThatRollsBackAreDeleted() throws IOException {
		LocalFileStorage storage = new LocalFileStorage(this.root, KEYS);

		writeAndComplete(storage, "c/rolled-back", TransactionSynchronization.STATUS_ROLLED_BACK);

		assertThat(stored(storage, "c/rolled-back")).isFalse();
	}

	@Test
	void filesAreKeptWhenTheOutcomeIsUnknownBecauseTheCommitMayHaveSucceeded() throws IOException {
		LocalFileStorage storage = new LocalFileStorage(this.root, KEYS);

		writeAndComplete(storage, "c/unknown", TransactionSynchronization.STATUS_UNKNOWN);

		assertThat(stored(storage, "c/unknown")).isTrue();
	}

	@Test
	void filesOfACommittedTransactionAreKept() throws IOException {
		LocalFileStorage storage = new LocalFileStorage(this.root, KEYS);

		writeAndComplete(storage, "c/committed", TransactionSynchronization.STATUS_COMMITTED);

		assertThat(stored(storage, "c/committed")).isTrue();
	}

	/**
	 * Writes a file as inside a transaction, then ends the transaction with the given
	 * outcome.
	 */
	private static void writeAndComplete(LocalFileStorage storage, String key, int status) throws IOException {
		AttachmentFiles files = new AttachmentFiles(storage);
		TransactionSynchronizationManager.initSynchronization();
		try {
			files.write(key, new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
			assertThat(stored(storage, key)).isTrue();
			for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
				synchronization.afterCompletion(status);
			}
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	private static boolean stored(LocalFileStorage storage, String key) throws IOException {
		Optional<InputStream> content = storage.open(key);
		if (content.isEmpty()) {
			return false;
		}
		content.get().close();
		return true;
	}

}
