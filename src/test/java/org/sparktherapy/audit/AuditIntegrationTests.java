package org.sparktherapy.audit;

import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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
		assertThat(this.admin.api().get("/api/audit/verify").at("/valid")).isEqualTo("true");
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

	private String outcomeOf(String childId, Person person) {
		return this.admin.api()
			.get("/api/audit?childId=" + childId + "&userId=" + person.id())
			.at("/content/0/outcome");
	}

}
