package org.sparktherapy.notifications;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.EventPublications;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.TestMailServer;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * A signed progress report tells the child's guardians — in the app and by mail, with a
 * link and no clinical content — and nobody else; a signed correction updates that notice
 * (ADR 0034).
 */
@IntegrationTest
class ProgressReportNoticesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Clinic clinic;

	Clinic.Person supervisor;

	Clinic.Person technician;

	Clinic.Person guardian;

	Clinic.Person otherParent;

	String childId;

	@BeforeEach
	void aChildWithAGuardianAndAnUnrelatedParent() {
		this.clinic = new Clinic(this.port);
		Clinic.Person admin = this.clinic.rootAdmin();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.guardian = this.clinic.aParent();
		this.otherParent = this.clinic.aParent();
		this.childId = this.clinic.aChild(admin, this.guardian, this.supervisor, this.technician);
		this.clinic.aChild(admin, this.otherParent, this.supervisor, null);
	}

	@Test
	void aSignedReportTellsTheGuardiansInTheAppAndByMailWithoutItsContent() {
		String id = aDraft();
		assertThat(ofKind(this.guardian)).as("a draft tells nobody").isEmpty();

		Api.Response signed = sign(id);

		EventPublications.awaitDelivered(this.jdbc, "ProgressReportSigned", id);
		List<JsonNode> notices = ofKind(this.guardian);
		assertThat(notices).hasSize(1);
		assertThat(notices.get(0).get("title").asString()).isEqualTo("A progress report for Avery T. is ready");
		assertThat(notices.get(0).get("link").asString()).isEqualTo("/progress-reports/" + id);
		assertThat(notices.get(0).get("read").asBoolean()).isFalse();
		assertThat(signed.at("/status")).isEqualTo("signed");

		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> !reportMails(this.guardian).isEmpty());
		assertThat(reportMails(this.guardian)).hasSize(1);
		String text = TestMailServer.text(reportMails(this.guardian).get(0));
		assertThat(text).contains("A progress report is ready for you to read")
			.contains("http://localhost:5000/progress-reports/" + id);
		assertThat(text).doesNotContain("Avery").doesNotContain("Steady progress").doesNotContain("Two-step");

		assertThat(ofKind(this.otherParent)).as("a parent of another child hears nothing").isEmpty();
		assertThat(reportMails(this.otherParent)).isEmpty();
		assertThat(ofKind(this.supervisor)).as("the signer is not told of their own signature").isEmpty();
		assertThat(ofKind(this.technician)).isEmpty();
	}

	@Test
	void aSignedCorrectionUpdatesTheGuardiansNoticeAndLinksToTheNewVersion() {
		String first = aDraft();
		sign(first);
		EventPublications.awaitDelivered(this.jdbc, "ProgressReportSigned", first);
		String notice = ofKind(this.guardian).get(0).get("id").asString();
		this.guardian.api().post("/api/notifications/read", body("ids", List.of(notice)));

		Api.Response correction = this.supervisor.api().post("/api/progress-reports/" + first + "/corrections", body());
		assertThat(correction.status()).as(correction.text()).isEqualTo(201);
		String second = correction.at("/id");
		sign(second);
		EventPublications.awaitDelivered(this.jdbc, "ProgressReportSigned", second);

		List<JsonNode> notices = ofKind(this.guardian);
		assertThat(notices).as("one standing notice per child").hasSize(1);
		assertThat(notices.get(0).get("id").asString()).isEqualTo(notice);
		assertThat(notices.get(0).get("title").asString())
			.isEqualTo("A corrected progress report for Avery T. is ready");
		assertThat(notices.get(0).get("link").asString()).isEqualTo("/progress-reports/" + second);
		assertThat(notices.get(0).get("read").asBoolean()).as("unread again").isFalse();
		assertThat(ofKind(this.otherParent)).isEmpty();
	}

	@Test
	void aGuardianWhoTurnedTheMailOffIsToldInTheAppOnly() {
		Api.Response off = this.guardian.api()
			.put("/api/notifications/preferences", body("preferences",
					List.of(body("kind", "progress_report_ready", "channel", "email", "enabled", false))));
		assertThat(off.status()).as(off.text()).isEqualTo(200);
		String id = aDraft();
		sign(id);
		EventPublications.awaitDelivered(this.jdbc, "ProgressReportSigned", id);

		assertThat(ofKind(this.guardian)).hasSize(1);
		assertThat(this.jdbc.sql("""
				select count(*) from notification_mails m join notifications n on n.id = m.notification_id
				where n.recipient_id = cast(:id as uuid) and n.kind = 'progress_report_ready'
				""").param("id", this.guardian.id()).query(Long.class).single()).isZero();
	}

	/** A written draft of the last 30 days. */
	private String aDraft() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Api.Response draft = this.supervisor.api()
			.post("/api/children/" + this.childId + "/progress-reports",
					body("periodStart", today.minusDays(30).toString(), "periodEnd", today.toString()));
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		Api.Response written = this.supervisor.api()
			.put("/api/progress-reports/" + draft.at("/id"), body("summary", "Steady progress.", "goals",
					"Two-step instructions.", "recommendations", "Continue 10 hours a week."));
		assertThat(written.status()).as(written.text()).isEqualTo(200);
		return draft.at("/id");
	}

	private Api.Response sign(String id) {
		Api.Response signed = this.supervisor.api().post("/api/progress-reports/" + id + "/signature", body());
		assertThat(signed.status()).as(signed.text()).isEqualTo(200);
		return signed;
	}

	private List<MimeMessage> reportMails(Clinic.Person person) {
		return TestMailServer.mailsTo(person.email())
			.stream()
			.filter(mail -> TestMailServer.subject(mail).contains("progress reports"))
			.toList();
	}

	private static List<JsonNode> ofKind(Clinic.Person person) {
		List<JsonNode> found = new ArrayList<>();
		person.api().get("/api/notifications?size=200").json().get("content").forEach(n -> {
			if (n.get("kind").asString().equals("progress_report_ready")) {
				found.add(n);
			}
		});
		return found;
	}

}
