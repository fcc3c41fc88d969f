package org.sparktherapy.audit;

import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.audit.internal.AuditChains;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sparktherapy.support.Api.body;

@IntegrationTest
class AuditIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	Clinic clinic;

	Person admin;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
	}

	@Test
	void readingAChildLeavesWhoWhenWhereAndWhichEndpoint() {
		Person guardian = this.clinic.aParent();
		String childId = this.clinic.aChild(this.admin, guardian, null, null);
		Instant before = Instant.now().minusSeconds(1);

		guardian.api().get("/api/children/" + childId);

		JsonNode entry = this.admin.api()
			.get("/api/audit?childId=" + childId + "&userId=" + guardian.id() + "&from=" + before)
			.json()
			.get("content")
			.get(0);
		assertThat(entry.get("action").asString()).isEqualTo("read");
		assertThat(entry.get("resourceType").asString()).isEqualTo("child");
		assertThat(entry.get("userName").asString()).isEqualTo("Test parent");
		assertThat(entry.get("role").asString()).isEqualTo("parent");
		assertThat(entry.get("endpoint").asString()).isEqualTo("GET /api/children/{id}");
		assertThat(entry.get("address").asString()).isEqualTo(guardian.api().clientAddress());
		assertThat(entry.get("outcome").asString()).isEqualTo("success");
	}

	@Test
	void aListLeavesOneEntryPerChildShownEachWithWhoAndWhere() {
		Person guardian = this.clinic.aParent();
		String first = this.clinic.aChild(this.admin, guardian, null, null);
		String second = this.clinic.aChild(this.admin, guardian, null, null);
		Instant before = Instant.now().minusSeconds(1);

		assertThat(guardian.api().get("/api/children").json().get("content").size()).isEqualTo(2);

		for (String childId : java.util.List.of(first, second)) {
			JsonNode entries = this.admin.api()
				.get("/api/audit?childId=" + childId + "&userId=" + guardian.id() + "&from=" + before)
				.json()
				.get("content");
			assertThat(entries.size()).as("entries for " + childId).isEqualTo(1);
			JsonNode entry = entries.get(0);
			assertThat(entry.get("action").asString()).isEqualTo("list");
			assertThat(entry.get("resourceType").asString()).isEqualTo("child");
			assertThat(entry.get("resourceId").asString()).isEqualTo(childId);
			assertThat(entry.get("role").asString()).isEqualTo("parent");
			assertThat(entry.get("endpoint").asString()).isEqualTo("GET /api/children");
			assertThat(entry.get("address").asString()).isEqualTo(guardian.api().clientAddress());
			assertThat(entry.get("outcome").asString()).isEqualTo("success");
		}
	}

	@Test
	void refusedAttemptsAreLoggedToo() {
		Person guardian = this.clinic.aParent();
		Person stranger = this.clinic.aParent();
		Person technician = this.clinic.aTherapist("RBT");
		String childId = this.clinic.aChild(this.admin, guardian, null, technician);

		stranger.api().get("/api/children/" + childId);
		technician.api().put("/api/children/" + childId, body("allergies", "x"));

		assertThat(outcomeOf(childId, stranger)).isEqualTo("not_found");
		assertThat(outcomeOf(childId, technician)).isEqualTo("denied");
	}

	@Test
	void onlyAdminsReadTheLog() {
		Person therapist = this.clinic.aTherapist("BCBA");

		assertThat(therapist.api().get("/api/audit").status()).isEqualTo(403);
		assertThat(therapist.api().get("/api/audit/verify").status()).isEqualTo(403);
		assertThat(this.admin.api().get("/api/audit?from=yesterday").status()).isEqualTo(400);
	}

	@Test
	void theLogCannotBeChangedOrDeleted() {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		String childId = this.clinic.aChild(this.admin, null, null, null);

		assertThatThrownBy(() -> jdbc.sql("update audit_log set outcome = 'success' where child_id = :c")
			.param("c", java.util.UUID.fromString(childId))
			.update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_log where child_id = :c")
			.param("c", java.util.UUID.fromString(childId))
			.update()).hasMessageContaining("append-only");
	}

	@Test
	void tamperingIsDetectedByTheHashChain() {
		String childId = this.clinic.aChild(this.admin, null, null, null);
		this.admin.api().get("/api/children/" + childId);
		Api.Response before = this.admin.api().get("/api/audit/verify");
		assertThat(before.at("/valid")).as(before.text()).isEqualTo("true");
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		java.util.UUID entry = jdbc.sql("select id from audit_log where child_id = :c order by seq limit 1")
			.param("c", java.util.UUID.fromString(childId))
			.query(java.util.UUID.class)
			.single();
		String original = jdbc.sql("select address from audit_log where id = :id")
			.param("id", entry)
			.query(String.class)
			.single();
		jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
		try {
			jdbc.sql("update audit_log set address = '192.0.2.66' where id = :id").param("id", entry).update();

			Api.Response verification = this.admin.api().get("/api/audit/verify");

			assertThat(verification.at("/valid")).isEqualTo("false");
			assertThat(verification.at("/firstInvalidId")).isEqualTo(entry.toString());
		}
		finally {
			jdbc.sql("update audit_log set address = :a where id = :id")
				.param("a", original)
				.param("id", entry)
				.update();
			jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
		}
		assertThat(this.admin.api().get("/api/audit/verify").at("/valid")).isEqualTo("true");
	}

	@Test
	void rewritingTheChainWithoutTheKeyIsDetected() {
		for (boolean markPlain : new boolean[] { false, true }) {
			String childId = this.clinic.aChild(this.admin, null, null, null);
			this.admin.api().get("/api/children/" + childId);
			this.admin.api().get("/api/children/" + childId);
			// seals the entries: only sealed ones are chained
			assertThat(this.admin.api().get("/api/audit/verify").at("/valid")).isEqualTo("true");
			JdbcClient jdbc = JdbcClient.create(this.dataSource);
			long first = jdbc.sql("select min(seq) from audit_log where child_id = :c")
				.param("c", UUID.fromString(childId))
				.query(Long.class)
				.single();
			UUID entry = jdbc.sql("select id from audit_log where seq = :s")
				.param("s", first)
				.query(UUID.class)
				.single();
			assertThat(jdbc.sql("""
					select distinct hash_scheme from audit_log
					where chain_seq >= (select chain_seq from audit_log where seq = :s)""")
				.param("s", first)
				.query(String.class)
				.list()).containsExactly("hmac-sha256");
			saveFrom(jdbc, first);
			jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
			try {
				jdbc.sql("update audit_log set address = '192.0.2.66' where seq = :s").param("s", first).update();
				AuditChains.recomputeWithoutKey(jdbc, first, markPlain);

				Api.Response verification = this.admin.api().get("/api/audit/verify");

				assertThat(verification.at("/valid")).as("marked plain: %s", markPlain).isEqualTo("false");
				assertThat(verification.at("/firstInvalidId")).isEqualTo(entry.toString());
				assertThat(verification.at("/problem"))
					.contains(markPlain ? "plain hash after keyed entries" : "does not match its hash");
			}
			finally {
				restoreSaved(jdbc);
				jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
			}
			assertThat(this.admin.api().get("/api/audit/verify").at("/valid")).isEqualTo("true");
		}
	}

	@Test
	void cuttingTheLogShortBelowACheckpointIsDetected() {
		String childId = this.clinic.aChild(this.admin, null, null, null);
		this.admin.api().get("/api/children/" + childId);
		Api.Response checkpoint = this.admin.api().post("/api/audit/checkpoints", "{}");
		assertThat(checkpoint.status()).isEqualTo(200);
		long checkpointSeq = Long.parseLong(checkpoint.at("/seq"));
		assertThat(this.admin.api().get("/api/audit/verify").at("/valid")).isEqualTo("true");
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		long first = jdbc.sql("select min(seq) from audit_log where child_id = :c")
			.param("c", UUID.fromString(childId))
			.query(Long.class)
			.single();
		saveFrom(jdbc, first);
		// a superuser deleting the newest entries: what remains is a valid chain
		jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
		try {
			jdbc.sql("delete from audit_log where seq >= :s").param("s", first).update();

			Api.Response verification = this.admin.api().get("/api/audit/verify");

			assertThat(verification.at("/valid")).isEqualTo("false");
			assertThat(verification.at("/checkpointSeq")).isEqualTo(String.valueOf(checkpointSeq));
			// the verification's own audit_read entry follows the cut, so the
			// checkpoint's
			// entry is missing from the middle of the log rather than past its end
			assertThat(verification.at("/problem")).contains(checkpoint.at("/file")).contains("entries were deleted");
			assertThat(this.admin.api().post("/api/audit/checkpoints", "{}").status())
				.as("no checkpoint of a log cut short")
				.isEqualTo(409);
		}
		finally {
			restoreSaved(jdbc);
			jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
		}
		assertThat(this.admin.api().get("/api/audit/verify").at("/valid")).isEqualTo("true");
	}

	@Test
	void recomputingTheWholeChainSinceACheckpointIsDetected() {
		String childId = this.clinic.aChild(this.admin, null, null, null);
		this.admin.api().get("/api/children/" + childId);
		Api.Response checkpoint = this.admin.api().post("/api/audit/checkpoints", "{}");
		assertThat(checkpoint.status()).isEqualTo(200);
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		long start = jdbc.sql("select min(seq) from audit_log").query(Long.class).single();
		saveFrom(jdbc, start);
		jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
		try {
			// edit an entry and recompute the whole chain as plain SHA-256 from the first
			// entry: without a checkpoint this is a valid (unkeyed) chain
			jdbc.sql("update audit_log set address = '192.0.2.66' where child_id = :c")
				.param("c", UUID.fromString(childId))
				.update();
			AuditChains.recomputeWithoutKey(jdbc, start, true);

			Api.Response verification = this.admin.api().get("/api/audit/verify");

			assertThat(verification.at("/valid")).isEqualTo("false");
			assertThat(verification.at("/checkpointSeq")).isEqualTo(checkpoint.at("/seq"));
			assertThat(verification.at("/problem")).contains(checkpoint.at("/file")).contains("recomputed");
		}
		finally {
			restoreSaved(jdbc);
			jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
		}
		assertThat(this.admin.api().get("/api/audit/verify").at("/valid")).isEqualTo("true");
	}

	/** Keeps a copy of the entries from {@code seq} on, to put back after tampering. */
	private static void saveFrom(JdbcClient jdbc, long seq) {
		jdbc.sql("drop table if exists audit_log_saved").update();
		jdbc.sql("create table audit_log_saved as select * from audit_log where seq >= :s").param("s", seq).update();
	}

	/**
	 * Puts the saved entries back as they were. Reading the log while it was tampered
	 * with wrote entries of its own ({@code audit_read}), sealed onto the tampered end:
	 * they go too, or the next test would find the chain broken.
	 */
	private void restoreSaved(JdbcClient jdbc) {
		DataSource dataSource = this.dataSource;
		// one transaction: the sealer, running meanwhile, never sees the log half
		// restored
		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult((status) -> {
			JdbcClient inTransaction = JdbcClient.create(dataSource);
			inTransaction.sql("delete from audit_log where seq >= (select min(seq) from audit_log_saved)").update();
			inTransaction.sql("insert into audit_log overriding system value select * from audit_log_saved").update();
		});
		jdbc.sql("drop table audit_log_saved").update();
	}

	private String outcomeOf(String childId, Person person) {
		return this.admin.api()
			.get("/api/audit?childId=" + childId + "&userId=" + person.id())
			.at("/content/0/outcome");
	}

}
