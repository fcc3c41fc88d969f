package org.sparktherapy.notifications.internal;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.TestMailServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class NotificationMailsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	NotificationMails mails;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPendingMailIsSentOnceByWhicheverAttemptClaimsItFirst() {
		Clinic.Person parent = new Clinic(this.port).aParent();
		UUID mail = aPendingMail(parent, "now()");

		assertThat(this.mails.attempt(mail)).isTrue();
		assertThat(this.mails.attempt(mail)).as("already sent").isFalse();

		assertThat(status(mail)).isEqualTo("sent");
		assertThat(TestMailServer.mailsTo(parent.email())).filteredOn(m -> TestMailServer.subject(m).contains("reminders"))
			.hasSize(1)
			.allSatisfy(m -> assertThat(TestMailServer.text(m)).contains("http://localhost:5000/schedule/upcoming"));
	}

	@Test
	void aMailWaitingForItsNextAttemptIsLeftAlone() {
		Clinic.Person parent = new Clinic(this.port).aParent();
		UUID mail = aPendingMail(parent, "now() + interval '5 minutes'");

		assertThat(this.mails.attempt(mail)).isFalse();
		assertThat(status(mail)).isEqualTo("pending");
	}

	private UUID aPendingMail(Clinic.Person recipient, String nextAttempt) {
		UUID notification = UUID.randomUUID();
		this.jdbc.sql("""
				insert into notifications (id, recipient_id, kind, source_key, title, link, in_app, created_at)
				values (:id, :recipient, 'appointment_reminder', :source, 'Reminder', '/schedule/upcoming', true, :now)
				""")
			.param("id", notification)
			.param("recipient", UUID.fromString(recipient.id()))
			.param("source", UUID.randomUUID().toString())
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update();
		UUID mail = UUID.randomUUID();
		this.jdbc.sql("insert into notification_mails (id, notification_id, status, attempts, next_attempt_at, created_at) "
				+ "values (:id, :notification, 'pending', 0, " + nextAttempt + ", now())")
			.param("id", mail)
			.param("notification", notification)
			.update();
		return mail;
	}

	private String status(UUID mail) {
		return this.jdbc.sql("select status from notification_mails where id = :id").param("id", mail).query(String.class).single();
	}

}
