package org.sparktherapy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.Metrics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * The operator's business metrics (issue 15, ADR 0045), read from {@code /metrics} on the
 * management port after real API calls: counters move by what happened, gauges read the
 * database's backlog and outbox, and a live stream whose client vanished stops counting.
 */
@IntegrationTest
class BusinessMetricsIntegrationTests {

	/** Gauges are read from the database at most every 10 s (QueryGauges). */
	private static final Duration GAUGE_REFRESH = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcClient jdbc;

	private Metrics scrape() {
		return Metrics.scrape(this.managementPort);
	}

	@Test
	void recordingASessionCountsItsCreationEventsByOutcomeAndSubmission() {
		Clinic clinic = new Clinic(this.port);
		Person admin = clinic.rootAdmin();
		Person supervisor = clinic.aTherapist("BCBA");
		Person technician = clinic.aTherapist("RBT");
		String childId = clinic.aChild(admin, clinic.aParent(), supervisor, technician);
		String targetId = clinic.aProgram(supervisor, childId).at("/targets/0/id");
		String id = UUID.randomUUID().toString();
		Instant start = Instant.now().minusSeconds(600);
		Object first = trial(targetId, start);
		Object second = trial(targetId, start);
		Object third = trial(targetId, start);
		Metrics before = scrape();

		assertThat(technician.api()
			.put("/api/sessions/" + id,
					body("childId", childId, "serviceCode", "97153", "place", "home", "startedAt", start.toString()))
			.status()).isEqualTo(201);
		Api.Response batch = technician.api().post("/api/sessions/" + id + "/events", body("events", List.of(first)));
		assertThat(batch.status()).as(batch.text()).isEqualTo(200);
		// a replayed offline queue: the first event again with two new ones
		Api.Response replay = technician.api()
			.post("/api/sessions/" + id + "/events", body("events", List.of(first, second, third)));
		assertThat(replay.json().get("duplicates")).hasSize(1);
		assertThat(technician.api().post("/api/sessions/" + id + "/submit", body("note", "Good")).status())
			.isEqualTo(200);
		Metrics after = scrape();

		assertThat(delta(before, after, "spark_sessions_started_total")).isEqualTo(1);
		assertThat(delta(before, after, "spark_sessions_events_total", "outcome=accepted")).isEqualTo(3);
		assertThat(delta(before, after, "spark_sessions_events_total", "outcome=duplicate")).isEqualTo(1);
		assertThat(delta(before, after, "spark_sessions_submitted_total")).isEqualTo(1);
	}

	@Test
	void postingAMessageCountsIt() {
		Clinic clinic = new Clinic(this.port);
		Person supervisor = clinic.aTherapist("BCBA");
		Person technician = clinic.aTherapist("RBT");
		Api.Response conversation = supervisor.api()
			.post("/api/conversations", body("memberIds", List.of(technician.id())));
		assertThat(conversation.status()).as(conversation.text()).isEqualTo(201);
		Metrics before = scrape();

		Api.Response posted = technician.api()
			.post("/api/conversations/" + conversation.at("/id") + "/messages", body("body", "Running late"));
		Api.Response empty = technician.api()
			.post("/api/conversations/" + conversation.at("/id") + "/messages", body("body", "   "));

		assertThat(posted.status()).as(posted.text()).isEqualTo(201);
		assertThat(empty.status()).as("refused, so not counted").isBetween(400, 499);
		assertThat(delta(before, scrape(), "spark_messages_posted_total")).isEqualTo(1);
	}

	@Test
	void theEventPublicationBacklogShowsIncompletePublicationsAndTheOldestAge() {
		UUID id = UUID.randomUUID();
		// a listener that never finished twenty minutes ago, as a crashed node leaves it
		this.jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				                               completion_attempts)
				values (:id, 'metrics-test', 'org.sparktherapy.MetricsTest', '{}', :at, 'FAILED', 1)
				""").param("id", id).param("at", Timestamp.from(Instant.now().minusSeconds(1200))).update();
		try {
			Awaitility.await()
				.atMost(GAUGE_REFRESH)
				.untilAsserted(() -> assertThat(scrape().value("spark_events_publications_oldest_age_seconds"))
					.isGreaterThanOrEqualTo(1200));
			Metrics metrics = scrape();
			assertThat(metrics.value("spark_events_publications_incomplete")).isGreaterThanOrEqualTo(1);
			assertThat(metrics.value("spark_events_publications_failed")).isGreaterThanOrEqualTo(1);
		}
		finally {
			this.jdbc.sql("delete from event_publication where id = :id").param("id", id).update();
		}
		Awaitility.await()
			.atMost(GAUGE_REFRESH)
			.untilAsserted(
					() -> assertThat(scrape().value("spark_events_publications_oldest_age_seconds")).isLessThan(1200));
	}

	@Test
	void theMailOutboxShowsWaitingAndGivenUpMails() {
		Person parent = new Clinic(this.port).aParent();
		// the first sign-in is mailed (new_sign_in): wait until the outbox sent it
		UUID mail = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("""
					select m.id from notification_mails m join notifications n on n.id = m.notification_id
					where n.recipient_id = :r and m.status = 'sent'
					""").param("r", UUID.fromString(parent.id())).query(UUID.class).optional().orElse(null),
					found -> found != null);
		double givenUpBefore = scrape().value("spark_mail_outbox_given_up");
		try {
			// the same mail as if the SMTP server had refused it for twenty minutes (the
			// retry job runs every six hours in tests)
			this.jdbc.sql("""
					update notification_mails set status = 'pending', attempts = 2, sent_at = null,
					       created_at = now() - interval '20 minutes', next_attempt_at = now() + interval '1 hour'
					where id = :id
					""").param("id", mail).update();
			Awaitility.await()
				.atMost(GAUGE_REFRESH)
				.untilAsserted(() -> assertThat(scrape().value("spark_mail_outbox_oldest_age_seconds"))
					.isGreaterThanOrEqualTo(1200));
			Metrics waiting = scrape();
			assertThat(waiting.value("spark_mail_outbox_waiting")).isGreaterThanOrEqualTo(1);
			assertThat(waiting.value("spark_mail_outbox_retrying")).isGreaterThanOrEqualTo(1);

			// …and then given up after its fifth attempt
			this.jdbc.sql("update notification_mails set status = 'failed', attempts = 5 where id = :id")
				.param("id", mail)
				.update();
			Awaitility.await()
				.atMost(GAUGE_REFRESH)
				.untilAsserted(
						() -> assertThat(scrape().value("spark_mail_outbox_given_up")).isEqualTo(givenUpBefore + 1));
		}
		finally {
			this.jdbc.sql("update notification_mails set status = 'sent', sent_at = now() where id = :id")
				.param("id", mail)
				.update();
		}
	}

	@Test
	void aStreamWhoseClientVanishedStopsCounting() throws Exception {
		Person parent = new Clinic(this.port).aParent();
		double before = scrape().value("spark_realtime_streams");
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
					+ "Authorization: Bearer " + parent.accessToken() + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.setSoTimeout(10_000);
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String line;
			do {
				line = in.readLine();
			}
			while (line != null && !line.equals("event:ready"));
			assertThat(line).as("the stream's ready event").isEqualTo("event:ready");
			assertThat(scrape().value("spark_realtime_streams")).isEqualTo(before + 1);

			// the client vanishes without a word: the connection is reset
			socket.setSoLinger(true, 0);
		}
		// found at the next heartbeat (1 s in tests)
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(scrape().value("spark_realtime_streams")).isEqualTo(before));
	}

	private static double delta(Metrics before, Metrics after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

	private static Object trial(String targetId, Instant at) {
		return body("id", UUID.randomUUID().toString(), "type", "trial", "targetId", targetId, "outcome", "correct",
				"promptLevel", "independent", "at", at.toString());
	}

}
