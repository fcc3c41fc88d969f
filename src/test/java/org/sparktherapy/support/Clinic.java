package org.sparktherapy.support;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intention-revealing fixtures made through the public API, each with a unique email.
 */
public final class Clinic {

	public static final String ADMIN_EMAIL = "root.admin@tests.sparktherapy.org";

	public static final String ADMIN_PASSWORD = "correct-horse-battery-staple-77";

	/** A password that passes the policy. */
	public static final String PASSWORD = "lantern-orchid-velvet-42";

	private static final AtomicInteger sequence = new AtomicInteger();

	/**
	 * How long a root admin sign-in is handed out again: well inside the access token's
	 * 15 minutes, so a test class that keeps it from its set-up still has minutes left.
	 */
	private static final Duration ROOT_SIGN_IN_REUSE = Duration.ofMinutes(3);

	/** The root admin's latest sign-in by server address (ADR 0025). */
	private static final Map<String, RootSignIn> rootSignIns = new ConcurrentHashMap<>();

	private record RootSignIn(Person person, Instant at) {
	}

	private final Api api;

	public Clinic(int port) {
		this.api = new Api(port);
	}

	public Api api() {
		return this.api;
	}

	/** A person's account and one sign-in of it. */
	public record Person(String id, String email, String password, String accessToken, String refreshToken, Api api) {
	}

	/**
	 * The bootstrap admin, signed in. A sign-in of the last few minutes on the same
	 * server is reused when its token still works (each sign-in is an Argon2 check and a
	 * database write, and fixtures ask for the admin for every person they make); a test
	 * that needs a sign-in of its own calls {@link #signIn} with {@link #ADMIN_EMAIL}.
	 */
	public Person rootAdmin() {
		RootSignIn latest = rootSignIns.get(this.api.baseUrl());
		if (latest != null && latest.at().plus(ROOT_SIGN_IN_REUSE).isAfter(Instant.now())) {
			Person admin = latest.person();
			Api api = this.api.as(admin.accessToken());
			if (api.get("/api/auth/profile").status() == 200) {
				return new Person(admin.id(), admin.email(), admin.password(), admin.accessToken(),
						admin.refreshToken(), api);
			}
		}
		Instant at = Instant.now();
		Person admin = signIn(null, ADMIN_EMAIL, ADMIN_PASSWORD);
		rootSignIns.put(this.api.baseUrl(), new RootSignIn(admin, at));
		return admin;
	}

	/**
	 * The Monday of a week about three weeks ahead (clear of today's bookings and of time
	 * off set up for "now"), at 15:00 in the test clinic's time zone (UTC).
	 */
	public static Instant aMondayAfternoonAhead() {
		return aMondayAhead().atTime(LocalTime.of(15, 0)).toInstant(ZoneOffset.UTC);
	}

	/** The Monday of a week about three weeks ahead. */
	public static LocalDate aMondayAhead() {
		return LocalDate.now(ZoneOffset.UTC).plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
	}

	public Person aParent() {
		return aPerson("parent", null);
	}

	public Person aTherapist(String credential) {
		return aPerson("therapist", credential);
	}

	public Person anAdmin() {
		return aPerson("admin", null);
	}

	public Person aPerson(String role, String credential) {
		String email = uniqueEmail(role);
		Api.Response created = this.api.as(rootAdmin().accessToken())
			.post("/api/users", Api.body("name", "Test " + role, "email", email, "password", PASSWORD, "role", role,
					"credential", credential));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return signIn(created.at("/id"), email, PASSWORD);
	}

	/**
	 * Self-registration as a person does it (ADR 0039): asks for an account (202),
	 * follows the link mailed to the address and confirms it with the password. Returns
	 * the verification's answer.
	 */
	public Api.Response registerAndVerify(String name, String email, String password) {
		Api.Response asked = this.api.post("/api/auth/register",
				Api.body("name", name, "email", email, "password", password));
		assertThat(asked.status()).as(asked.text()).isEqualTo(202);
		return this.api.post("/api/auth/verify-email",
				Api.body("token", verificationToken(email), "password", password));
	}

	/** The token of the (first) verification link mailed to the address. */
	public static String verificationToken(String email) {
		return TestMailServer.find(TestMailServer.text(TestMailServer.awaitMail(email, "Confirm your e-mail")),
				"/verify-email#token=([A-Za-z0-9_-]+)");
	}

	public Person signIn(String id, String email, String password) {
		Api.Response login = this.api.post("/api/auth/login", Api.body("email", email, "password", password));
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		assertThat(login.at("/accessToken"))
			.as("tokens, not a second-factor challenge: a test that makes the clinic require a second factor "
					+ "(PUT /api/security-settings) must put the setting back — %s", login.text())
			.isNotNull();
		return new Person((id != null) ? id : login.at("/user/id"), email, password, login.at("/accessToken"),
				login.at("/refreshToken"), this.api.as(login.at("/accessToken")));
	}

	/**
	 * An active child opened by the admin, with the given guardian and care team. Returns
	 * the child's id.
	 */
	public String aChild(Person admin, Person guardian, Person supervisor, Person technician) {
		Api.Response child = admin.api()
			.post("/api/children", Api.body("firstName", "Avery", "lastName", "Test" + sequence.incrementAndGet(),
					"dateOfBirth", "2019-05-14", "diagnosisCodes", java.util.List.of("F84.0")));
		assertThat(child.status()).as(child.text()).isEqualTo(201);
		String id = child.at("/id");
		Api.Response active = admin.api().put("/api/children/" + id, Api.body("status", "active"));
		assertThat(active.status()).as(active.text()).isEqualTo(200);
		if (guardian != null) {
			link(admin, id, "guardians", Api.body("userId", guardian.id(), "relationship", "mother", "canSign", true));
		}
		if (supervisor != null) {
			link(admin, id, "care-team", Api.body("userId", supervisor.id(), "role", "supervisor"));
		}
		if (technician != null) {
			link(admin, id, "care-team", Api.body("userId", technician.id(), "role", "technician"));
		}
		return id;
	}

	/**
	 * A skill program with two targets ("dog", "cat") for the child, made by the given
	 * designer.
	 */
	public Api.Response aProgram(Person designer, String childId) {
		Api.Response program = designer.api()
			.post("/api/programs",
					Api.body("childId", childId, "name", "Receptive ID", "domain", "communication", "kind", "skill",
							"measurement", "percent_correct", "masteryCriterion",
							Api.body("percent", 80, "consecutiveSessions", 3, "minTrials", 5), "targets",
							java.util.List.of(Api.body("name", "dog"), Api.body("name", "cat"))));
		assertThat(program.status()).as(program.text()).isEqualTo(201);
		return program;
	}

	/**
	 * A session of the therapist with the given trials on the target
	 * ("correct"/"incorrect"); optionally submitted. It took place in the last half hour
	 * (today, UTC) and has ended, so a guardian may co-sign it.
	 */
	public String aSession(Person therapist, String childId, String targetId, List<String> outcomes, boolean submit) {
		String id = UUID.randomUUID().toString();
		java.time.Instant now = java.time.Instant.now();
		java.time.Instant halfAnHourAgo = now.minusSeconds(1800);
		java.time.Instant midnight = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
		java.time.Instant start = halfAnHourAgo.isBefore(midnight) ? midnight : halfAnHourAgo;
		java.time.Instant end = now.isAfter(start) ? now : start.plusMillis(1);
		Api.Response session = therapist.api()
			.put("/api/sessions/" + id, Api.body("childId", childId, "serviceCode", "97153", "place", "clinic",
					"startedAt", start.toString(), "endedAt", end.toString()));
		assertThat(session.status()).as(session.text()).isEqualTo(201);
		if (!outcomes.isEmpty()) {
			List<Object> events = new java.util.ArrayList<>();
			for (int i = 0; i < outcomes.size(); i++) {
				events
					.add(Api.body("id", UUID.randomUUID().toString(), "type", "trial", "targetId", targetId, "outcome",
							outcomes.get(i), "promptLevel", "independent", "at", start.plusMillis(10L * i).toString()));
			}
			Api.Response recorded = therapist.api().post("/api/sessions/" + id + "/events", Api.body("events", events));
			assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
		}
		if (submit) {
			Api.Response submitted = therapist.api()
				.post("/api/sessions/" + id + "/submit", Api.body("note", "Worked well."));
			assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		}
		return id;
	}

	/**
	 * A one-hour scheduled appointment booked by the admin for the child with the
	 * therapist. Returns its id.
	 */
	public String anAppointment(Person admin, String childId, Person therapist, java.time.Instant start) {
		Api.Response booked = admin.api()
			.post("/api/appointments", Api.body("childId", childId, "therapistId", therapist.id(), "serviceCode",
					"97153", "place", "clinic", "start", start.toString(), "end", start.plusSeconds(3600).toString()));
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		return booked.at("/occurrences/0/id");
	}

	private static void link(Person admin, String childId, String what, Object body) {
		Api.Response response = admin.api().post("/api/children/" + childId + "/" + what, body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
	}

	public static String uniqueEmail(String prefix) {
		return prefix + "." + sequence.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8)
				+ "@tests.sparktherapy.org";
	}

}
