package org.sparktherapy.identity;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.TestMailServer;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sparktherapy.support.Api.body;

/**
 * Admins invite guardians and staff by e-mail (ADR 0039): the invitee sees who invited
 * them to which clinic as what, chooses a password and signs in; admins list, resend and
 * revoke open invitations.
 */
@IntegrationTest
class InvitationIntegrationTests {

	static final String SUBJECT = "You are invited to";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Clinic clinic;

	Clinic.Person admin;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.anAdmin();
	}

	@Test
	void anInvitedTherapistSeesTheInvitationChoosesAPasswordAndSignsIn() {
		String email = Clinic.uniqueEmail("invited");
		Api.Response invited = invite("Tara Invited", email, "therapist", "RBT");
		assertThat(invited.status()).as(invited.text()).isEqualTo(201);
		assertThat(invited.header("Location")).endsWith("/api/invitations/" + invited.at("/id"));
		assertThat(invited.at("/status")).isEqualTo("pending");
		assertThat(listed(invited.at("/id"))).isNotNull();
		assertThat(
				this.clinic.api().post("/api/auth/login", body("email", email, "password", Clinic.PASSWORD)).status())
			.as("no account before the invitation is accepted")
			.isEqualTo(401);
		String token = token(email);
		Api anonymous = new Api(this.port);

		Api.Response shown = anonymous.post("/api/auth/invitation", body("token", token));
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.at("/name")).isEqualTo("Tara Invited");
		assertThat(shown.at("/email")).isEqualTo(email.toLowerCase());
		assertThat(shown.at("/role")).isEqualTo("therapist");
		assertThat(shown.at("/credential")).isEqualTo("RBT");
		assertThat(shown.at("/invitedByName")).isEqualTo("Test admin");
		assertThat(shown.at("/clinicName")).isNotBlank();
		Api.Response weak = anonymous.post("/api/auth/accept-invitation",
				body("token", token, "password", "password12345"));
		assertThat(weak.at("/errors/0/pointer")).as("a weak password is refused and the link still works")
			.isEqualTo("/password");
		Api.Response accepted = anonymous.post("/api/auth/accept-invitation",
				body("token", token, "password", Clinic.PASSWORD));
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(accepted.at("/email")).isEqualTo(email.toLowerCase());

		Clinic.Person therapist = this.clinic.signIn(null, email, Clinic.PASSWORD);
		Api.Response profile = therapist.api().get("/api/auth/profile");
		assertThat(profile.at("/role")).isEqualTo("therapist");
		assertThat(profile.at("/credential")).isEqualTo("RBT");
		assertThat(listed(invited.at("/id"))).as("an accepted invitation is no longer open").isNull();
		Api.Response again = anonymous.post("/api/auth/accept-invitation",
				body("token", token, "password", Clinic.PASSWORD));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.at("/type")).isEqualTo("https://sparktherapy.org/problems/invalid-invitation-token");
	}

	@Test
	void aRevokedInvitationsLinkStopsWorking() {
		String email = Clinic.uniqueEmail("revoked");
		String id = invite("Rae Revoked", email, "parent", null).at("/id");
		String token = token(email);

		assertThat(this.admin.api().delete("/api/invitations/" + id).status()).isEqualTo(204);

		Api.Response shown = new Api(this.port).post("/api/auth/invitation", body("token", token));
		assertThat(shown.status()).isEqualTo(400);
		assertThat(shown.at("/type")).isEqualTo("https://sparktherapy.org/problems/invalid-invitation-token");
		assertThat(new Api(this.port)
			.post("/api/auth/accept-invitation", body("token", token, "password", Clinic.PASSWORD))
			.status()).isEqualTo(400);
		assertThat(listed(id)).isNull();
		assertThat(this.admin.api().delete("/api/invitations/" + id).status()).isEqualTo(404);
		assertThat(this.admin.api().delete("/api/invitations/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void anExpiredInvitationIsListedAsSuchAndAResentLinkReplacesTheOldOne() {
		String email = Clinic.uniqueEmail("expired");
		String id = invite("Eli Expired", email, "parent", null).at("/id");
		String old = token(email);
		assertThat(this.jdbc.sql("select extract(epoch from expires_at - created_at) from invitations where id = :id")
			.param("id", UUID.fromString(id))
			.query(Double.class)
			.single()).as("an invitation works for seven days").isEqualTo(7 * 86400.0);
		this.jdbc.sql("update invitations set expires_at = now() - interval '1 second' where id = :id")
			.param("id", UUID.fromString(id))
			.update();

		assertThat(listed(id).get("status").asString()).isEqualTo("expired");
		assertThat(
				new Api(this.port).post("/api/auth/accept-invitation", body("token", old, "password", Clinic.PASSWORD))
					.status())
			.isEqualTo(400);

		Api.Response resent = this.admin.api().post("/api/invitations/" + id + "/resend", null);
		assertThat(resent.status()).isEqualTo(200);
		assertThat(resent.at("/status")).isEqualTo("pending");
		await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.mailsTo(email, SUBJECT).size() == 2);
		String fresh = TestMailServer.mailsTo(email, SUBJECT)
			.stream()
			.map(mail -> TestMailServer.find(TestMailServer.text(mail), "/accept-invitation#token=([A-Za-z0-9_-]+)"))
			.filter(token -> !token.equals(old))
			.findFirst()
			.orElseThrow();
		assertThat(new Api(this.port)
			.post("/api/auth/accept-invitation", body("token", fresh, "password", Clinic.PASSWORD))
			.status()).isEqualTo(200);
		assertThat(this.admin.api().post("/api/invitations/" + id + "/resend", null).status())
			.as("an accepted invitation is not resent")
			.isEqualTo(404);
	}

	@Test
	void anAddressWithAnAccountIsNotInvited() {
		Clinic.Person parent = this.clinic.aParent();

		Api.Response refused = invite("Twice", parent.email().toUpperCase(), "parent", null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.at("/type")).isEqualTo("https://sparktherapy.org/problems/email-taken");
	}

	@Test
	void badInvitationsAreNamedField() {
		Api.Response noCredential = invite("No Credential", Clinic.uniqueEmail("nocred"), "therapist", null);
		assertThat(noCredential.status()).isEqualTo(400);
		assertThat(noCredential.at("/errors/0/pointer")).isEqualTo("/credential");

		Api.Response bad = invite("", "not-an-email", null, null);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("pointer")).contains("/name", "/email", "/role");
	}

	@Test
	void aNewInvitationForTheSameAddressRevokesTheOlderOne() {
		String email = Clinic.uniqueEmail("twice");
		String first = invite("First", email, "parent", null).at("/id");
		String firstToken = token(email);

		String second = invite("Second", email, "parent", null).at("/id");

		assertThat(listed(first)).isNull();
		assertThat(listed(second)).isNotNull();
		assertThat(new Api(this.port).post("/api/auth/invitation", body("token", firstToken)).status()).isEqualTo(400);
	}

	@Test
	void invitationsTheirAcceptanceAndRevocationAreAudited() {
		String email = Clinic.uniqueEmail("audit-invite");
		String id = invite("Audit Invite", email, "parent", null).at("/id");
		new Api(this.port).post("/api/auth/accept-invitation",
				body("token", token(email), "password", Clinic.PASSWORD));
		String accountId = this.clinic.signIn(null, email, Clinic.PASSWORD).id();
		String revokedEmail = Clinic.uniqueEmail("audit-revoke");
		String revoked = invite("Audit Revoke", revokedEmail, "parent", null).at("/id");
		this.admin.api().delete("/api/invitations/" + revoked);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(count("invitation_sent", this.admin.id(), "sent invitation " + id + "%")).isEqualTo(1);
			assertThat(count("invitation_accepted", accountId, "invited by " + this.admin.id())).isEqualTo(1);
			assertThat(count("account_created", this.admin.id(), "by invitation, parent")).isEqualTo(1);
			assertThat(count("invitation_revoked", this.admin.id(), "revoked invitation " + revoked + "%"))
				.isEqualTo(1);
		});
	}

	private Api.Response invite(String name, String email, String role, String credential) {
		return this.admin.api()
			.post("/api/invitations", body("name", name, "email", email, "role", role, "credential", credential));
	}

	private static String token(String email) {
		return TestMailServer.find(TestMailServer.text(TestMailServer.awaitMail(email, SUBJECT)),
				"/accept-invitation#token=([A-Za-z0-9_-]+)");
	}

	/** The open invitation with the id as the admins' list shows it, or null. */
	private JsonNode listed(String id) {
		for (JsonNode invitation : this.admin.api().get("/api/invitations").json()) {
			if (invitation.get("id").asString().equals(id)) {
				return invitation;
			}
		}
		return null;
	}

	private int count(String action, String actorId, String detailPattern) {
		return this.jdbc.sql("""
				select count(*) from audit_log where action = :action and resource_type = 'account'
				and account_id = cast(:actor as uuid) and detail like :detail
				""")
			.param("action", action)
			.param("actor", actorId)
			.param("detail", detailPattern)
			.query(Integer.class)
			.single();
	}

}
