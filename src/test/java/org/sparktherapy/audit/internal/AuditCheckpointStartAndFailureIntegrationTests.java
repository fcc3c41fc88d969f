package org.sparktherapy.audit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkpoint written at start-up, and what a checkpoint directory that cannot be
 * written answers (503 problem+json naming the setting, not the path) and logs (the path
 * and the cause).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AuditCheckpointStartAndFailureIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	CheckpointFiles files;

	Clinic clinic;

	Person admin;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
	}

	@Test
	void theStartUpRoundCheckpointsTheEntriesSinceTheNewestCheckpoint(CapturedOutput output) {
		String childId = this.clinic.aChild(this.admin, null, null, null);
		this.admin.api().get("/api/children/" + childId);
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		String placeOfTheRead = "select chain_seq from audit_log where child_id = cast(:c as uuid) order by seq desc limit 1";
		Long before = jdbc.sql(placeOfTheRead).param("c", childId).query(Long.class).optional().orElse(null);
		long checkpointed = this.files.latest().map(CheckpointFiles.Checkpoint::seq).orElse(0L);
		assertThat(before == null || before > checkpointed).as("no checkpoint covers the read yet").isTrue();

		this.checkpoints.checkpointAtStartUp();

		long newest = jdbc.sql("select max(chain_seq) from audit_log").query(Long.class).single();
		assertThat(this.files.latest()).hasValueSatisfying((c) -> assertThat(c.seq()).isEqualTo(newest));
		assertThat(jdbc.sql(placeOfTheRead).param("c", childId).query(Long.class).single())
			.as("sealed first, then checkpointed")
			.isLessThanOrEqualTo(newest);
		assertThat(output).doesNotContain("No audit checkpoint");
	}

	@Test
	void anUnwritableCheckpointDirectoryAnswers503NamingTheSettingAndTheJobLogsThePath(CapturedOutput output)
			throws IOException {
		String childId = this.clinic.aChild(this.admin, null, null, null);
		this.admin.api().get("/api/children/" + childId);
		Path directory = this.files.directory();
		Path aside = directory.resolveSibling(directory.getFileName() + ".aside");
		boolean existed = Files.isDirectory(directory);
		if (existed) {
			Files.move(directory, aside);
		}
		// a file where the directory should be: not writable even for root
		Files.createDirectories(directory.getParent());
		Files.writeString(directory, "not a directory");
		try {
			Api.Response response = this.admin.api().post("/api/audit/checkpoints", "{}");

			assertThat(response.status()).isEqualTo(503);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.at("/type")).endsWith("/checkpoint-directory-unwritable");
			assertThat(response.at("/detail")).contains("SPARK_AUDIT_CHECKPOINT_DIR")
				.doesNotContain(directory.toString())
				.doesNotContain(directory.getFileName().toString());
			assertThat(output).contains("No audit checkpoint written: the audit checkpoint directory " + directory)
				.contains("is not writable: FileAlreadyExistsException");

			this.checkpoints.scheduled();

			assertThat(output.toString().split("No audit checkpoint written: the audit checkpoint directory", -1))
				.as("the scheduled round logs the error too")
				.hasSize(3);
		}
		finally {
			Files.delete(directory);
			if (existed) {
				Files.move(aside, directory);
			}
		}
		assertThat(this.admin.api().post("/api/audit/checkpoints", "{}").status()).isEqualTo(200);
	}

}
