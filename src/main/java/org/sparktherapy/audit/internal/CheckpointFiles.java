package org.sparktherapy.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.problem.Problem;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the access log, outside the database: one small text file per
 * checkpoint ({@code checkpoint-<seq>.txt}: the newest entry's sequence number and hash,
 * when, the key id, and an HMAC over these with the chain key), written atomically
 * (temporary file, fsync, rename). Someone with only database access can neither forge
 * nor move them, so the verifier catches a log cut short below a checkpoint or a chain
 * recomputed since one.
 */
@Component
class CheckpointFiles {

	private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{19})\\.txt");

	/**
	 * One checkpoint; {@code problem} is set when the file is unreadable or its signature
	 * fails.
	 */
	record Checkpoint(long seq, byte[] hash, Instant at, String keyId, String file, String problem) {

		String describe() {
			return "checkpoint " + this.file + " (entry " + this.seq + ", written " + this.at + ")";
		}

	}

	/**
	 * The checkpoint directory cannot be written (missing permission, a full or read-only
	 * volume, a file in its place): 503 for the API, naming the setting but not the path;
	 * the log names the path and the cause.
	 */
	static class DirectoryUnwritable extends Problem {

		private final transient Path directory;

		private final IOException failure;

		DirectoryUnwritable(Path directory, IOException cause) {
			super(Kind.SERVICE_UNAVAILABLE, "checkpoint-directory-unwritable", "Checkpoint directory not writable",
					"No audit checkpoint could be written: the checkpoint directory (spark.audit.checkpoint-dir, "
							+ "SPARK_AUDIT_CHECKPOINT_DIR) is not writable. The operator must fix its permissions "
							+ "or free space; the server log names the directory and the cause.");
			this.directory = directory;
			this.failure = cause;
		}

		/** For the server log only. */
		String logMessage() {
			IOException cause = this.failure;
			return "the audit checkpoint directory " + this.directory
					+ " (spark.audit.checkpoint-dir, SPARK_AUDIT_CHECKPOINT_DIR) is not writable: "
					+ cause.getClass().getSimpleName() + " " + cause.getMessage();
		}

	}

	private final Path directory;

	private final AuditChainKey key;

	@Autowired
	CheckpointFiles(AuditProperties audit, SparkProperties spark, AuditChainKey key) {
		this((audit.checkpointDir() != null) ? audit.checkpointDir() : spark.dataDir().resolve("audit-checkpoints"),
				key);
	}

	CheckpointFiles(Path directory, AuditChainKey key) {
		this.directory = directory;
		this.key = key;
	}

	Path directory() {
		return this.directory;
	}

	/** Every checkpoint file, oldest first, with a problem named for any that fails. */
	List<Checkpoint> read() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		List<Checkpoint> checkpoints = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.directory)) {
			for (Path file : files.toList()) {
				var name = NAME.matcher(file.getFileName().toString());
				if (name.matches()) {
					checkpoints.add(parse(file, Long.parseLong(name.group(1))));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the audit checkpoints in " + this.directory, ex);
		}
		checkpoints.sort(Comparator.comparingLong(Checkpoint::seq));
		return checkpoints;
	}

	/** The newest checkpoint whose signature holds. */
	Optional<Checkpoint> latest() {
		return read().stream().filter(c -> c.problem() == null).reduce((a, b) -> b);
	}

	/** Writes a signed checkpoint of entry {@code seq} with hash {@code hash}. */
	Checkpoint write(long seq, byte[] hash, Instant at) {
		String keyId = this.key.currentId();
		String content = "seq=" + seq + "\nhash=" + HexFormat.of().formatHex(hash) + "\nat=" + at + "\nkey=" + keyId
				+ "\nsignature=" + HexFormat.of().formatHex(signature(seq, hash, at, keyId)) + "\n";
		String name = "checkpoint-%019d.txt".formatted(seq);
		try {
			Files.createDirectories(this.directory);
			Path temporary = Files.createTempFile(this.directory, ".checkpoint-", ".tmp");
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
				channel.force(true);
			}
			Files.move(temporary, this.directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new DirectoryUnwritable(this.directory, ex);
		}
		return new Checkpoint(seq, hash, at, keyId, name, null);
	}

	private Checkpoint parse(Path file, long seqInName) {
		String name = file.getFileName().toString();
		try {
			Map<String, String> fields = new HashMap<>();
			for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
				int equals = line.indexOf('=');
				if (equals > 0) {
					fields.put(line.substring(0, equals), line.substring(equals + 1).trim());
				}
			}
			long seq = Long.parseLong(fields.get("seq"));
			byte[] hash = HexFormat.of().parseHex(fields.get("hash"));
			Instant at = Instant.parse(fields.get("at"));
			String keyId = fields.get("key");
			byte[] signature = HexFormat.of().parseHex(fields.get("signature"));
			if (seq != seqInName) {
				return new Checkpoint(seq, hash, at, keyId, name, "its name and content disagree");
			}
			if (!this.key.knows(keyId)) {
				return new Checkpoint(seq, hash, at, keyId, name, "it is signed with an unknown key");
			}
			if (!MessageDigest.isEqual(signature, signature(seq, hash, at, keyId))) {
				return new Checkpoint(seq, hash, at, keyId, name, "its signature does not match");
			}
			return new Checkpoint(seq, hash, at, keyId, name, null);
		}
		catch (IOException | RuntimeException ex) {
			return new Checkpoint(seqInName, new byte[0], null, null, name, "it cannot be read");
		}
	}

	private byte[] signature(long seq, byte[] hash, Instant at, String keyId) {
		return this.key.mac(keyId,
				"spark-audit-checkpoint|" + seq + "|" + HexFormat.of().formatHex(hash) + "|" + at + "|" + keyId);
	}

}
