package org.sparktherapy.children;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.platform.storage.FileStorage;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.Messages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Erasing a family (ADR 0040): every identifying field of the child and its guardian,
 * across modules, becomes a pseudonym or goes; the clinical record, billing and the audit
 * log stay; a failure half-way erases nothing; a second erasure changes nothing; only
 * admins erase, and only with the child's name typed.
 */
@IntegrationTest
class FamilyErasureIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStorage storage;

	Clinic clinic;

	Person admin;

	Person supervisor;

	Person parent;

	Person otherParent;

	String child;

	String otherChild;

	String name;

	String session;

	String report;

	String attachmentKey;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.supervisor = this.clinic.aTherapist("BCBA");
		Person technician = this.clinic.aTherapist("RBT");
		this.parent = this.clinic.aParent();
		this.otherParent = this.clinic.aParent();
		this.child = this.clinic.aChild(this.admin, this.parent, this.supervisor, technician);
		this.otherChild = this.clinic.aChild(this.admin, this.otherParent, this.supervisor, technician);
		Api.Response details = this.admin.api()
			.put("/api/children/" + this.child, body("preferredName", "Avy", "school", "Maple Elementary",
					"emergencyContacts",
					List.of(body("name", "Grandma Jo", "relationship", "grandmother", "phone", "555-0100")), "address",
					body("line1", "12 Oak Street", "city", "Springfield", "state", "IL", "postalCode", "62701")));
		assertThat(details.status()).as(details.text()).isEqualTo(200);
		this.name = details.at("/firstName") + " " + details.at("/lastName");
		String target = this.clinic.aProgram(this.supervisor, this.child).at("/targets/0/id");
		this.session = this.clinic.aSession(technician, this.child, target, List.of("correct"), true);
		Api.Response signed = this.parent.api()
			.post("/api/sessions/" + this.session + "/guardian-signature",
					body("name", "Pat Guardian", "signature", "data:image/png;base64,iVBORw0KGgo="));
		assertThat(signed.status()).as(signed.text()).isEqualTo(200);
		this.report = aSignedReport();
		String conversation = Messages.childConversation(this.supervisor, this.child);
		assertThat(Messages.postWithPng(this.port, this.parent, conversation, "Our week").status()).isEqualTo(201);
		this.attachmentKey = this.jdbc
			.sql("select storage_key from message_attachments where conversation_id = cast(:c as uuid)")
			.param("c", conversation)
			.query(String.class)
			.single();
		Api.Response payment = this.admin.api()
			.post("/api/children/" + this.child + "/payments",
					body("amount", "25.00", "method", "cash", "receivedOn", LocalDate.now().toString()),
					"Idempotency-Key", java.util.UUID.randomUUID().toString());
		assertThat(payment.status()).as(payment.text()).isEqualTo(201);
		// the parent has preferences and notifications of their own (the report was
		// signed)
		Api.Response preferences = this.parent.api()
			.put("/api/notifications/preferences", body("preferences",
					List.of(body("kind", "appointment_moved", "channel", "email", "enabled", false))));
		assertThat(preferences.status()).as(preferences.text()).isIn(200, 204);
	}

	private String aSignedReport() {
		LocalDate today = LocalDate.now();
		Api.Response draft = this.supervisor.api()
			.post("/api/children/" + this.child + "/progress-reports",
					body("periodStart", today.minusMonths(1).toString(), "periodEnd", today.toString()));
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		Api.Response written = this.supervisor.api()
			.put("/api/progress-reports/" + draft.at("/id"),
					body("summary", "Steady progress.", "goals", "Two steps.", "recommendations", "Continue."),
					"If-Match", draft.header("ETag"));
		assertThat(written.status()).as(written.text()).isEqualTo(200);
		Api.Response signed = this.supervisor.api()
			.post("/api/progress-reports/" + draft.at("/id") + "/signature", body(), "If-Match",
					written.header("ETag"));
		assertThat(signed.status()).as(signed.text()).isEqualTo(200);
		return draft.at("/id");
	}

	private Api.Response erase(Person person, String child, String confirmation) {
		return person.api().post("/api/children/" + child + "/erasure", body("confirmation", confirmation));
	}

	@Test
	void pseudonymisesEveryIdentifyingFieldAndKeepsTheClinicalRecord() throws Exception {
		long sessionsBefore = count("select count(*) from session_events where child_id = cast(:id as uuid)");
		String shortName = "Avy " + this.name.split(" ")[1].charAt(0) + ".";
		String aboutThisChild = aNotice(this.supervisor, "Session of " + shortName + " submitted", this.session);
		String aboutAnother = aNotice(this.supervisor, "Session of " + shortName + " submitted",
				java.util.UUID.randomUUID().toString());
		// the guardian's second factor (ADR 0038), as its enrollment leaves it
		this.jdbc.sql("""
				insert into second_factors (account_id, key_id, secret, created_at, enabled_at)
				values (cast(:id as uuid), 'k1', '\\x00'::bytea, now(), now())
				""").param("id", this.parent.id()).update();
		this.jdbc.sql("""
				insert into recovery_codes (id, account_id, code_hash, created_at)
				values (gen_random_uuid(), cast(:id as uuid), '\\x01'::bytea, now())
				""").param("id", this.parent.id()).update();
		Api.Response erased = erase(this.admin, this.child, "  " + this.name.toUpperCase() + " ");
		assertThat(erased.status()).as(erased.text()).isEqualTo(200);
		assertThat(count("select count(*) from second_factors where account_id = cast(:id as uuid)", this.parent.id()))
			.as("no second factor of an erased guardian")
			.isZero();
		assertThat(count("select count(*) from recovery_codes where account_id = cast(:id as uuid)", this.parent.id()))
			.isZero();
		String display = erased.at("/displayName");
		assertThat(display).matches("Child-[0-9A-F]{6} Erased");
		assertThat(erased.json().get("guardiansErased")).hasSize(1);

		// the child: a pseudonym everywhere, identifying fields gone, clinical fields
		// kept
		Map<String, Object> row = this.jdbc.sql("select * from children where id = cast(:id as uuid)")
			.param("id", this.child)
			.query()
			.singleRow();
		assertThat(row.get("first_name") + " " + row.get("last_name")).isEqualTo(display);
		assertThat(row).containsEntry("preferred_name", null)
			.containsEntry("school", null)
			.containsEntry("address_line1", null)
			.containsEntry("address_postal_code", null)
			.containsEntry("status", "archived");
		assertThat(row.get("emergency_contacts").toString()).isEqualTo("[]");
		assertThat(row.get("date_of_birth")).isNotNull();
		assertThat(row.get("erased_at")).isNotNull();
		Api.Response record = this.admin.api().get("/api/children/" + this.child);
		assertThat(record.text()).doesNotContain(this.name.split(" ")[1]).doesNotContain("Avy").doesNotContain("Oak");
		assertThat(record.at("/erasedAt")).as("the record says it was erased").isNotBlank();
		Api.Response history = this.admin.api().get("/api/children/" + this.child + "/history?size=100");
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.text()).doesNotContain("Avy").doesNotContain("Maple").doesNotContain("Grandma");

		// the guardian's account: pseudonym, undeliverable address, no way in, nothing of
		// their own left
		Map<String, Object> account = this.jdbc.sql("select * from accounts where id = cast(:id as uuid)")
			.param("id", this.parent.id())
			.query()
			.singleRow();
		assertThat((String) account.get("name")).matches("Guardian-[0-9A-F]{6}");
		assertThat(account.get("email")).isEqualTo("erased-" + this.parent.id() + "@erased.invalid");
		assertThat(account.get("active")).isEqualTo(false);
		for (String table : List.of("refresh_tokens", "sign_ins", "password_reset_tokens",
				"notification_preferences")) {
			assertThat(
					count("select count(*) from " + table + " where account_id = cast(:id as uuid)", this.parent.id()))
				.as(table)
				.isZero();
		}
		assertThat(count("select count(*) from notifications where recipient_id = cast(:id as uuid)", this.parent.id()))
			.isZero();
		assertThat(this.clinic.api()
			.post("/api/auth/login", body("email", this.parent.email(), "password", this.parent.password()))
			.status()).isEqualTo(401);
		assertThat(this.parent.api().get("/api/auth/profile").status()).as("the access token they held").isEqualTo(401);

		// the clinical record and billing stay, the session's signature under the
		// pseudonym
		assertThat(count("select count(*) from session_events where child_id = cast(:id as uuid)"))
			.isEqualTo(sessionsBefore);
		Map<String, Object> session = this.jdbc
			.sql("select note, guardian_name, guardian_signature from therapy_sessions where id = cast(:id as uuid)")
			.param("id", this.session)
			.query()
			.singleRow();
		assertThat(session.get("note")).isEqualTo("Worked well.");
		assertThat(session.get("guardian_name")).isEqualTo(account.get("name"));
		assertThat(count("select count(*) from programs where child_id = cast(:id as uuid)")).isOne();
		assertThat(count("select count(*) from payments where child_id = cast(:id as uuid)")).isOne();
		assertThat(count("select count(*) from ledger_entries where child_id = cast(:id as uuid)")).isPositive();
		String snapshotName = this.jdbc
			.sql("select snapshot ->> 'childName' from progress_reports where id = cast(:id as uuid)")
			.param("id", this.report)
			.query(String.class)
			.single();
		assertThat(snapshotName).isEqualTo(display);
		// the signed report is otherwise as final as before
		for (String change : List.of("summary = 'Changed'",
				"snapshot = jsonb_set(snapshot, '{childName}', to_jsonb('Someone Else'::text))")) {
			assertThat(org.assertj.core.api.Assertions.catchThrowable(
					() -> this.jdbc.sql("update progress_reports set " + change + " where id = cast(:id as uuid)")
						.param("id", this.report)
						.update()))
				.as(change)
				.hasMessageContaining("is signed and cannot be changed");
		}
		// the notice about the child's session names the pseudonym; a notice about
		// another child
		// with the same short name keeps it
		assertThat(title(aboutThisChild)).isEqualTo("Session of " + display + " submitted");
		assertThat(title(aboutAnother)).isEqualTo("Session of " + shortName + " submitted");

		// the attachment, not clinical, is gone with its file; the message text stays
		assertThat(count("select count(*) from message_attachments where storage_key = :id", this.attachmentKey))
			.isZero();
		assertThat(this.storage.open(this.attachmentKey)).isEmpty();
		assertThat(count("select count(*) from messages where body = 'Our week' and child_id = cast(:id as uuid)"))
			.isOne();

		// audited; the other family untouched
		assertThat(count("""
				select count(*) from audit_log where action = 'erase' and resource_type = 'child'
				  and child_id = cast(:id as uuid) and outcome = 'success'
				""")).isOne();
		assertThat(this.admin.api().get("/api/children/" + this.otherChild).at("/firstName")).isEqualTo("Avery");
		assertThat(this.admin.api().get("/api/children/" + this.otherChild).json().get("erasedAt").isNull()).isTrue();
		assertThat(
				count("select count(*) from accounts where id = cast(:id as uuid) and active", this.otherParent.id()))
			.isOne();
	}

	@Test
	void aSecondErasureIsRefusedAndChangesNothing() {
		assertThat(erase(this.admin, this.child, this.name).status()).isEqualTo(200);
		String before = record();
		String pseudonym = this.admin.api().get("/api/children/" + this.child).at("/firstName") + " Erased";
		for (String confirmation : List.of(this.name, pseudonym)) {
			Api.Response again = erase(this.admin, this.child, confirmation);
			assertThat(again.status()).isEqualTo(409);
			assertThat(again.contentType()).startsWith("application/problem+json");
			assertThat(again.at("/type")).endsWith("/family-already-erased");
		}
		assertThat(record()).isEqualTo(before);
	}

	/** The child's row and the guardian's account, as text. */
	private String record() {
		return this.jdbc.sql("""
				select to_jsonb(c)::text || to_jsonb(a)::text from children c, accounts a
				where c.id = cast(:id as uuid) and a.id = cast(:account as uuid)
				""").param("id", this.child).param("account", this.parent.id()).query(String.class).single();
	}

	@Test
	void aFailureHalfWayErasesNothing() throws Exception {
		// the guardian's account cannot be changed: identity's part of the erasure fails
		this.jdbc.sql("""
				create or replace function refuse_erasure_probe() returns trigger language plpgsql as
				$$ begin raise exception 'probe: erasure refused'; end $$
				""").update();
		this.jdbc.sql("""
				create trigger refuse_erasure_probe before update on accounts for each row
				when (new.email like 'erased-%@erased.invalid') execute function refuse_erasure_probe()
				""").update();
		Api.Response failed;
		try {
			failed = erase(this.admin, this.child, this.name);
		}
		finally {
			this.jdbc.sql("drop trigger refuse_erasure_probe on accounts").update();
			this.jdbc.sql("drop function refuse_erasure_probe()").update();
		}
		assertThat(failed.status()).isGreaterThanOrEqualTo(500);
		assertThat(this.admin.api().get("/api/children/" + this.child).at("/preferredName")).isEqualTo("Avy");
		assertThat(count("select count(*) from children where id = cast(:id as uuid) and erased_at is null")).isOne();
		assertThat(count("select count(*) from accounts where id = cast(:id as uuid) and active", this.parent.id()))
			.isOne();
		assertThat(count("select count(*) from notification_preferences where account_id = cast(:id as uuid)",
				this.parent.id()))
			.isPositive();
		assertThat(count("select count(*) from message_attachments where storage_key = :id", this.attachmentKey))
			.isOne();
		assertThat(this.storage.open(this.attachmentKey)).isPresent();
		assertThat(count("""
				select count(*) from audit_log where action = 'erase' and child_id = cast(:id as uuid)
				  and outcome = 'success'
				""")).isZero();
		// and afterwards it works
		assertThat(erase(this.admin, this.child, this.name).status()).isEqualTo(200);
	}

	@Test
	void onlyAnAdminErasesAndOnlyWithTheChildsName() {
		Api.Response wrong = erase(this.admin, this.child, "Someone Else");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.at("/errors/0/pointer")).isEqualTo("/confirmation");
		Api.Response missing = this.admin.api().post("/api/children/" + this.child + "/erasure", body());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(erase(this.parent, this.child, this.name).status()).isEqualTo(403);
		assertThat(erase(this.supervisor, this.child, this.name).status()).isEqualTo(403);
		assertThat(erase(this.otherParent, this.child, this.name).status()).isEqualTo(404);
		assertThat(count("select count(*) from children where id = cast(:id as uuid) and erased_at is null")).isOne();
		assertThat(count("""
				select count(*) from audit_log where action = 'erase' and child_id = cast(:id as uuid)
				  and outcome <> 'success'
				""")).isEqualTo(3);
	}

	@Test
	void aGuardianOfAnotherChildKeepsTheirAccount() {
		Api.Response linked = this.admin.api()
			.post("/api/children/" + this.otherChild + "/guardians",
					body("userId", this.parent.id(), "relationship", "mother", "canSign", true));
		assertThat(linked.status()).isEqualTo(201);
		Api.Response erased = erase(this.admin, this.child, this.name);
		assertThat(erased.status()).as(erased.text()).isEqualTo(200);
		assertThat(erased.json().get("guardiansErased")).isEmpty();
		assertThat(erased.json().get("guardiansKept").get(0).asString()).isEqualTo(this.parent.id());
		assertThat(count("select count(*) from accounts where id = cast(:id as uuid) and active", this.parent.id()))
			.isOne();
	}

	/**
	 * A notice for the person about the session, as the notifications module writes them.
	 */
	private String aNotice(Person recipient, String title, String session) {
		String id = java.util.UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into notifications (id, recipient_id, kind, source_key, title, link, in_app, created_at,
				    subject_type, subject_id)
				values (cast(:id as uuid), cast(:recipient as uuid), 'session_submitted', :id, :title, '/sessions/x',
				    true, now(), 'session', cast(:session as uuid))
				""")
			.param("id", id)
			.param("recipient", recipient.id())
			.param("title", title)
			.param("session", session)
			.update();
		return id;
	}

	private String title(String notice) {
		return this.jdbc.sql("select title from notifications where id = cast(:id as uuid)")
			.param("id", notice)
			.query(String.class)
			.single();
	}

	private long count(String sql) {
		return count(sql, this.child);
	}

	private long count(String sql, String id) {
		return this.jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

}
