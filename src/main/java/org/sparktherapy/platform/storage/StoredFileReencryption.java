package org.sparktherapy.platform.storage;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings stored files under the current key once the app has started, in the background:
 * files stored before encryption and files under a retired key
 * ({@link LocalFileStorage#reencryptAll()}; ADR 0037). Every node runs it at start; two
 * nodes rewriting the same file both write a valid file under the current key, and a
 * second run finds nothing to do. Counts what it did in the log and in the metric
 * {@code spark.storage.reencrypted} (tag {@code from}: {@code plaintext},
 * {@code retired-key}; {@code failed} for damaged files, left as they are). Off with
 * {@code spark.storage.reencrypt-on-start=false}; another {@link FileStorage} than local
 * disk is left to itself.
 */
@Component
class StoredFileReencryption {

	private static final Logger log = LoggerFactory.getLogger(StoredFileReencryption.class);

	private final FileStorage storage;

	private final boolean onStart;

	private final Counter fromPlaintext;

	private final Counter fromRetiredKey;

	private final Counter failed;

	StoredFileReencryption(FileStorage storage, MeterRegistry meters,
			@Value("${spark.storage.reencrypt-on-start:true}") boolean onStart) {
		this.storage = storage;
		this.onStart = onStart;
		this.fromPlaintext = reencrypted(meters, "plaintext");
		this.fromRetiredKey = reencrypted(meters, "retired-key");
		this.failed = reencrypted(meters, "failed");
	}

	private static Counter reencrypted(MeterRegistry meters, String from) {
		return Counter.builder("spark.storage.reencrypted")
			.description("Stored files re-encrypted under the current key, by what they were before "
					+ "(failed: damaged files left as they are)")
			.tag("from", from)
			.register(meters);
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		if (this.onStart && this.storage instanceof LocalFileStorage) {
			Thread.ofVirtual().name("stored-file-reencryption").start(this::run);
		}
	}

	/** One run over every stored file; logs and counts what it did. */
	void run() {
		if (!(this.storage instanceof LocalFileStorage local)) {
			return;
		}
		try {
			LocalFileStorage.Reencryption done = local.reencryptAll();
			this.fromPlaintext.increment(done.fromPlaintext());
			this.fromRetiredKey.increment(done.fromRetiredKey());
			this.failed.increment(done.failed());
			if (done.rewritten() > 0 || done.failed() > 0) {
				log.info(
						"Stored files re-encrypted under the current key: {} stored in the clear, {} under a retired key; "
								+ "{} already current, {} deleted meanwhile, {} damaged (left as they are)",
						done.fromPlaintext(), done.fromRetiredKey(), done.alreadyCurrent(), done.deletedMeanwhile(),
						done.failed());
			}
			else {
				log.debug("Stored files: all {} under the current key", done.alreadyCurrent());
			}
		}
		catch (IOException | RuntimeException ex) {
			log.error("The re-encryption of stored files stopped: {} {}", ex.getClass().getSimpleName(),
					ex.getMessage());
		}
	}

}
