package org.sparktherapy.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.platform.mail.MailSettings;
import org.sparktherapy.platform.mail.Mailer;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.TestMailServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class NotificationMailsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	NotificationMails mails;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	ObjectProvider<JavaMailSender> sender;

	@Autowired
	MailSettings settings;

	@Test
	void aPendingMailIsSentOnceByWhicheverAttemptClaimsItFirst() {
		Clinic.Person parent = new Clinic(this.port).aParent();
		UUID mail = aPendingMail(parent, "now()");

		assertThat(this.mails.attempt(mail)).isTrue();
		assertThat(this.mails.attempt(mail)).as("already sent").isFalse();

		assertThat(status(mail)).isEqualTo("sent");
		assertThat(TestMailServer.mailsTo(parent.email()))
			.filteredOn(m -> TestMailServer.subject(m).contains("reminders"))
			.hasSize(1)
			.allSatisfy(m -> assertThat(TestMailServer.text(m)).contains("http://localhost:5000/schedule/upcoming"));
	}

	@Test
	void theScheduledRetryJobRunsThroughItsLockAndSendsWhatIsDue() {
		Clinic.Person parent = new Clinic(this.port).aParent();
		UUID mail = aPendingMail(parent, "now()");

		// through the Spring proxy, as the scheduler calls it: the job lock applies (and
		// must accept the method)
		this.mails.retryDueMails();

		assertThat(status(mail)).isEqualTo("sent");
		assertThat(this.jdbc.sql("select count(*) from shedlock where name = 'notification-mails'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aMailWaitingForItsNextAttemptIsLeftAlone() {
		Clinic.Person parent = new Clinic(this.port).aParent();
		UUID mail = aPendingMail(parent, "now() + interval '5 minutes'");

		assertThat(this.mails.attempt(mail)).isFalse();
		assertThat(status(mail)).isEqualTo("pending");
	}

	@Test
	void theLeaseStandsWhileSendingAndTheClaimGoesByTheDatabaseClock() {
		Clinic.Person parent = new Clinic(this.port).aParent();
		UUID mail = aPendingMail(parent, "now()");
		List<String> seenWhileSending = new ArrayList<>();
		// this node's clock is an hour behind the database's: the mail is due all the
		// same
		NotificationMails slowNode = new NotificationMails(this.jdbc, this.accounts,
				new Mailer(this.sender, this.settings) {
					@Override
					public boolean send(String to, String subject, String text) {
						seenWhileSending.add(leasedFor(mail) > 5 * 60 ? "leased" : "exposed");
						seenWhileSending.add(NotificationMailsIntegrationTests.this.mails.attempt(mail) ? "sent twice"
								: "left alone");
						return super.send(to, subject, text);
					}
				}, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));

		assertThat(slowNode.attempt(mail)).isTrue();

		assertThat(seenWhileSending).containsExactly("leased", "left alone");
		assertThat(status(mail)).isEqualTo("sent");
	}

	@Test
	void onlyAFailedSendWaitsByTheBackoff() {
		Clinic.Person parent = new Clinic(this.port).aParent();
		UUID mail = aPendingMail(parent, "now()");
		// a real SMTP client against a port where no server listens: the send fails as it
		// would in production
		JavaMailSenderImpl away = new JavaMailSenderImpl();
		away.setHost("127.0.0.1");
		away.setPort(closedPort());
		away.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		ObjectProvider<JavaMailSender> awayProvider = new StaticListableBeanFactory(Map.of("mailSender", away))
			.getBeanProvider(JavaMailSender.class);
		NotificationMails failing = new NotificationMails(this.jdbc, this.accounts,
				new Mailer(awayProvider, this.settings), Clock.systemUTC());

		assertThat(failing.attempt(mail)).isFalse();

		assertThat(status(mail)).isEqualTo("pending");
		assertThat(leasedFor(mail)).as("first backoff: a minute").isBetween(50L, 70L);
	}

	/** Seconds from the database's now to the mail's next attempt. */
	private long leasedFor(UUID mail) {
		return this.jdbc
			.sql("select extract(epoch from next_attempt_at - now())::bigint from notification_mails where id = :id")
			.param("id", mail)
			.query(Long.class)
			.single();
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
		this.jdbc
			.sql("insert into notification_mails (id, notification_id, status, attempts, next_attempt_at, created_at) "
					+ "values (:id, :notification, 'pending', 0, " + nextAttempt + ", now())")
			.param("id", mail)
			.param("notification", notification)
			.update();
		return mail;
	}

	private String status(UUID mail) {
		return this.jdbc.sql("select status from notification_mails where id = :id")
			.param("id", mail)
			.query(String.class)
			.single();
	}

	private static int closedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
