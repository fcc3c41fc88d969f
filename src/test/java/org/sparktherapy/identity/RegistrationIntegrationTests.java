package org.sparktherapy.identity;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.TestMailServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sparktherapy.support.Api.body;

/**
 * Self-registration with a verified address (ADR 0039): the answer never tells whether an
 * address has an account, no account exists before the mailed link is followed, and the
 * account opened is the one asked for with that very link.
 */
@IntegrationTest
class RegistrationIntegrationTests {

	static final String OTHER_PASSWORD = "quartz-meadow-lantern-fjord-58";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Clinic clinic;

	Api api;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.api = this.clinic.api();
	}

	@Test
	void aParentAccountOpensOnlyWhenTheMailedLinkIsFollowedWithTheChosenPassword() {
		String email = Clinic.uniqueEmail("Parent");

		Api.Response asked = this.api.post("/api/auth/register",
				body("name", "Robin Parent", "email", email, "password", Clinic.PASSWORD, "role", "parent"));

		assertThat(asked.status()).isEqualTo(202);
		assertThat(asked.header("Location")).isNull();
		assertThat(asked.text()).doesNotContainIgnoringCase("password").doesNotContain(email.toLowerCase());
		String token = Clinic.verificationToken(email);
		assertThat(this.api.post("/api/auth/login", body("email", email, "password", Clinic.PASSWORD)).status())
			.as("no usable account before the link is followed")
			.isEqualTo(401);
		assertThat(this.jdbc.sql("select count(*) from accounts where email = :email")
			.param("email", email.toLowerCase())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("""
				select extract(epoch from expires_at - created_at) from pending_registrations where email = :email
				""").param("email", email.toLowerCase()).query(Double.class).single()).as("the link works for 24 hours")
			.isEqualTo(86400.0);

		Api.Response verified = this.api.post("/api/auth/verify-email",
				body("token", token, "password", Clinic.PASSWORD));

		assertThat(verified.status()).as(verified.text()).isEqualTo(200);
		assertThat(verified.at("/email")).isEqualTo(email.toLowerCase());
		Clinic.Person parent = this.clinic.signIn(null, email, Clinic.PASSWORD);
		Api.Response profile = parent.api().get("/api/auth/profile");
		assertThat(profile.at("/role")).isEqualTo("parent");
		assertThat(profile.at("/name")).isEqualTo("Robin Parent");
		assertThat(profile.at("/active")).isEqualTo("true");
	}

	@Test
	void anAddressWithAnAccountGetsTheSameAnswerAndItsOwnerAWarning() {
		Clinic.Person owner = this.clinic.aParent();
		String fresh = Clinic.uniqueEmail("fresh");

		Api.Response known = new Api(this.port).post("/api/auth/register",
				body("name", "Someone", "email", owner.email(), "password", OTHER_PASSWORD));
		Api.Response unknown = new Api(this.port).post("/api/auth/register",
				body("name", "Someone", "email", fresh, "password", OTHER_PASSWORD));

		assertThat(known.status()).isEqualTo(202);
		assertThat(known.text()).isEqualTo(unknown.text());
		assertThat(known.raw().headers().map().keySet()).isEqualTo(unknown.raw().headers().map().keySet());
		String warning = TestMailServer
			.text(TestMailServer.awaitMail(owner.email(), "Someone tried to register with your address"));
		assertThat(warning).contains("/forgot-password").doesNotContain("token=");
		Clinic.verificationToken(fresh);
		assertThat(TestMailServer.mailsTo(owner.email(), "Confirm your e-mail")).isEmpty();
		assertThat(this.api.post("/api/auth/login", body("email", owner.email(), "password", OTHER_PASSWORD)).status())
			.isEqualTo(401);
		this.clinic.signIn(owner.id(), owner.email(), owner.password());
	}

	@Test
	void whoRegistersSomeoneElsesAddressFirstNeverOwnsTheAccount() {
		String victim = Clinic.uniqueEmail("victim");
		Api attacker = new Api(this.port);
		assertThat(attacker
			.post("/api/auth/register", body("name", "Mallory", "email", victim, "password", OTHER_PASSWORD))
			.status()).isEqualTo(202);
		String attackersLink = Clinic.verificationToken(victim);

		Api.Response victimAsks = new Api(this.port).post("/api/auth/register",
				body("name", "Victor Victim", "email", victim, "password", Clinic.PASSWORD));
		assertThat(victimAsks.status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> TestMailServer.mailsTo(victim, "Confirm your e-mail").size() == 2);
		String victimsLink = TestMailServer.mailsTo(victim, "Confirm your e-mail")
			.stream()
			.map(mail -> TestMailServer.find(TestMailServer.text(mail), "/verify-email#token=([A-Za-z0-9_-]+)"))
			.filter(token -> !token.equals(attackersLink))
			.findFirst()
			.orElseThrow();

		Api.Response wrongLink = this.api.post("/api/auth/verify-email",
				body("token", attackersLink, "password", Clinic.PASSWORD));
		assertThat(wrongLink.status()).as("the victim cannot open the attacker's request by mistake").isEqualTo(400);
		assertThat(wrongLink.at("/errors/0/pointer")).isEqualTo("/password");
		assertThat(this.api.post("/api/auth/verify-email", body("token", victimsLink, "password", Clinic.PASSWORD))
			.status()).isEqualTo(200);

		assertThat(attacker.post("/api/auth/login", body("email", victim, "password", OTHER_PASSWORD)).status())
			.isEqualTo(401);
		Api.Response attackerVerifies = attacker.post("/api/auth/verify-email",
				body("token", attackersLink, "password", OTHER_PASSWORD));
		assertThat(attackerVerifies.status()).as("the other requests for the address died with the verification")
			.isEqualTo(400);
		assertThat(attackerVerifies.at("/type"))
			.isEqualTo("https://sparktherapy.org/problems/invalid-verification-token");
		Clinic.Person owner = this.clinic.signIn(null, victim, Clinic.PASSWORD);
		assertThat(owner.api().get("/api/auth/profile").at("/name")).isEqualTo("Victor Victim");
	}

	@Test
	void aLinkWorksOnce() {
		String email = Clinic.uniqueEmail("once");
		assertThat(this.clinic.registerAndVerify("Once", email, Clinic.PASSWORD).status()).isEqualTo(200);

		Api.Response again = this.api.post("/api/auth/verify-email",
				body("token", Clinic.verificationToken(email), "password", Clinic.PASSWORD));

		assertThat(again.status()).isEqualTo(400);
		assertThat(again.at("/type")).isEqualTo("https://sparktherapy.org/problems/invalid-verification-token");
	}

	@Test
	void anExpiredLinkOpensNothing() {
		String email = Clinic.uniqueEmail("late");
		this.api.post("/api/auth/register", body("name", "Late", "email", email, "password", Clinic.PASSWORD));
		String token = Clinic.verificationToken(email);
		this.jdbc.sql("update pending_registrations set expires_at = now() - interval '1 second' where email = :email")
			.param("email", email.toLowerCase())
			.update();

		Api.Response late = this.api.post("/api/auth/verify-email", body("token", token, "password", Clinic.PASSWORD));

		assertThat(late.status()).isEqualTo(400);
		assertThat(late.at("/type")).isEqualTo("https://sparktherapy.org/problems/invalid-verification-token");
		assertThat(this.api.post("/api/auth/login", body("email", email, "password", Clinic.PASSWORD)).status())
			.isEqualTo(401);
	}

	@Test
	void oneClientAddressRegistersAFewAddressesThenWaits() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.api
				.post("/api/auth/register",
						body("name", "Bulk", "email", Clinic.uniqueEmail("bulk"), "password", Clinic.PASSWORD))
				.status()).as("request %d", i + 1).isEqualTo(202);
		}

		Api.Response refused = this.api.post("/api/auth/register",
				body("name", "Bulk", "email", Clinic.uniqueEmail("bulk"), "password", Clinic.PASSWORD));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.at("/type")).isEqualTo("https://sparktherapy.org/problems/too-many-registrations");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		assertThat(new Api(this.port)
			.post("/api/auth/register",
					body("name", "Other", "email", Clinic.uniqueEmail("other"), "password", Clinic.PASSWORD))
			.status()).as("another client is not held up").isEqualTo(202);
	}

	@Test
	void oneAddressIsLimitedAlikeWhetherOrNotItHasAnAccount() {
		Clinic.Person owner = this.clinic.aParent();
		for (String email : List.of(owner.email(), Clinic.uniqueEmail("limited"))) {
			for (int i = 0; i < 3; i++) {
				assertThat(new Api(this.port)
					.post("/api/auth/register", body("name", "Again", "email", email, "password", OTHER_PASSWORD))
					.status()).as("request %d", i + 1).isEqualTo(202);
			}
			Api.Response refused = new Api(this.port).post("/api/auth/register",
					body("name", "Again", "email", email, "password", OTHER_PASSWORD));
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.text()).doesNotContain(email);
			assertThat(refused.header("Retry-After")).isNotNull();
		}
	}

	@Test
	void requestsVerificationsAndNewAccountsAreAudited() {
		String email = Clinic.uniqueEmail("audited");
		assertThat(this.clinic.registerAndVerify("Audited", email, Clinic.PASSWORD).status()).isEqualTo(200);
		String id = this.clinic.signIn(null, email, Clinic.PASSWORD).id();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(actions("registration_requested", null, AccountEvent.emailHash(email))).isEqualTo(1);
			assertThat(actions("account_created", id, "by registration, parent")).isEqualTo(1);
			assertThat(actions("email_verified", id, null)).isEqualTo(1);
		});
		assertThat(this.jdbc.sql("select count(*) from audit_log where detail like :email")
			.param("email", "%" + email.toLowerCase() + "%")
			.query(Integer.class)
			.single()).as("the address itself is never kept").isZero();
	}

	@Test
	void selfRegistrationOfOtherRolesIsForbidden() {
		for (String role : new String[] { "therapist", "admin" }) {
			Api.Response response = this.api.post("/api/auth/register",
					body("name", "Sam", "email", Clinic.uniqueEmail(role), "password", Clinic.PASSWORD, "role", role,
							"credential", role.equals("therapist") ? "RBT" : null));
			assertThat(response.status()).as(role).isEqualTo(403);
			assertThat(response.at("/type")).isEqualTo("https://sparktherapy.org/problems/registration-role-forbidden");
		}
	}

	@Test
	void aParentCannotRegisterStaffEither() {
		Clinic.Person parent = this.clinic.aParent();

		Api.Response response = parent.api()
			.post("/api/auth/register", body("name", "Sam", "email", Clinic.uniqueEmail("admin"), "password",
					Clinic.PASSWORD, "role", "admin"));

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void aSignedInAdminRegistersATherapistAtOnce() {
		Clinic.Person admin = this.clinic.rootAdmin();

		Api.Response created = admin.api()
			.post("/api/auth/register", body("name", "Tess Therapist", "email", Clinic.uniqueEmail("therapist"),
					"password", Clinic.PASSWORD, "role", "therapist", "credential", "BCBA"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/api/users/" + created.at("/id"));
		assertThat(created.at("/credential")).isEqualTo("BCBA");
		assertThat(created.text()).doesNotContainIgnoringCase("password");
	}

	@Test
	void emailsAreUniqueWhateverTheirCase() {
		Clinic.Person admin = this.clinic.rootAdmin();
		String email = Clinic.uniqueEmail("dup");
		admin.api().post("/api/auth/register", body("name", "One", "email", email, "password", Clinic.PASSWORD));

		Api.Response duplicate = admin.api()
			.post("/api/auth/register", body("name", "Two", "email", email.toUpperCase(), "password", Clinic.PASSWORD));

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.at("/type")).isEqualTo("https://sparktherapy.org/problems/email-taken");
		assertThat(duplicate.at("/errors/0/pointer")).as("shown at the email field").isEqualTo("/email");
		Api.Response anonymous = this.api.post("/api/auth/register",
				body("name", "Two", "email", email.toUpperCase(), "password", Clinic.PASSWORD));
		assertThat(anonymous.status()).as("anonymously, the answer tells nothing").isEqualTo(202);
	}

	@Test
	void badFieldsAreNamedOneByOne() {
		Api.Response response = this.api.post("/api/auth/register",
				body("name", "", "email", "not-an-email", "password", Clinic.PASSWORD));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/type")).isEqualTo("https://sparktherapy.org/problems/validation");
		assertThat(response.json().get("errors").findValuesAsString("pointer")).contains("/name", "/email");
	}

	@Test
	void commonOrShortPasswordsAreRefused() {
		for (String weak : new String[] { "tooshort", "password123456", "123456789012", "iloveyou1234" }) {
			Api.Response response = this.api.post("/api/auth/register",
					body("name", "Pat", "email", Clinic.uniqueEmail("weak"), "password", weak));
			assertThat(response.status()).as(weak).isEqualTo(400);
			assertThat(response.at("/errors/0/pointer")).isEqualTo("/password");
		}
	}

	@Test
	void anUnknownRoleIsABadRequest() {
		Api.Response response = this.api.post("/api/auth/register",
				body("name", "Pat", "email", Clinic.uniqueEmail("x"), "password", Clinic.PASSWORD, "role", "owner"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/errors/0/pointer")).isEqualTo("/role");
	}

	private int actions(String action, String accountId, String detail) {
		return this.jdbc.sql("""
				select count(*) from audit_log where action = :action and resource_type = 'account'
				and (cast(:id as uuid) is null or resource_id = cast(:id as uuid))
				and (cast(:detail as text) is null or detail = cast(:detail as text))
				""")
			.param("action", action)
			.param("id", accountId)
			.param("detail", detail)
			.query(Integer.class)
			.single();
	}

}
