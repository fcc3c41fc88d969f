package org.sparktherapy.reporting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * The child's progress report against a small world with hand-computed figures (the test
 * clinic's time zone is UTC; daylight-saving days are in {@code ProgressFiguresTests}).
 * The period is the last 30 days. The target "dog" has five sessions in it, at 20, 40,
 * 60, 80 and 100 % correct (five trials each), and one before it at 0 %: its baseline is
 * the mean of the first three, 40 %, its current level the mean of the last three, 80 %.
 * Appointments in the period: two completed (105 and 90 actual minutes: 3.25 hours
 * delivered), one cancelled by the guardian, one no-show: attendance 2 of 4, 50 %; a
 * completed one before the period does not count. Authorized: 40 units (600 minutes)
 * overlapping the period; an authorization that ended before it does not count.
 */
@IntegrationTest
class ProgressReportsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Clinic clinic;

	Person admin;

	Person supervisor;

	Person technician;

	Person guardian;

	Person otherParent;

	String childId;

	String dog;

	LocalDate today = LocalDate.now(ZoneOffset.UTC);

	LocalDate periodStart = this.today.minusDays(30);

	@BeforeEach
	void aSmallWorld() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.guardian = this.clinic.aParent();
		this.otherParent = this.clinic.aParent();
		this.childId = this.clinic.aChild(this.admin, this.guardian, this.supervisor, this.technician);
		this.dog = this.clinic.aProgram(this.supervisor, this.childId).at("/targets/0/id");
		aSessionDaysAgo(40, 0);
		aSessionDaysAgo(20, 1);
		aSessionDaysAgo(15, 2);
		aSessionDaysAgo(10, 3);
		aSessionDaysAgo(5, 4);
		aSessionDaysAgo(2, 5);
		anAppointment(45, "completed", 60, null);
		anAppointment(10, "completed", 105, null);
		anAppointment(5, "completed", 90, null);
		anAppointment(3, "cancelled", 0, this.guardian);
		anAppointment(8, "no_show", 0, null);
		anAuthorization("A-1", "97153", this.today.minusDays(100), this.today.plusDays(80), 40);
		anAuthorization("A-0", "97153", this.today.minusDays(300), this.today.minusDays(101), 99);
	}

	@Test
	void aDraftShowsTheHandComputedFigures() {
		Api.Response draft = create(this.periodStart, this.today);
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		assertThat(draft.header("Location")).endsWith("/api/progress-reports/" + draft.at("/id"));
		assertThat(draft.at("/status")).isEqualTo("draft");
		assertThat(draft.at("/figures/targets/0/name")).isEqualTo("dog");
		assertThat(draft.json().at("/figures/targets/0/points").size()).isEqualTo(5);
		assertThat(draft.json().at("/figures/targets/0/baseline").asDouble()).isEqualTo(40.0);
		assertThat(draft.json().at("/figures/targets/0/current").asDouble()).isEqualTo(80.0);
		assertThat(draft.json().at("/figures/targets/0/criterion/percent").asInt()).isEqualTo(80);
		assertThat(draft.json().at("/figures/targets/1/points").size()).isZero();
		assertThat(draft.json().at("/figures/hours/deliveredMinutes").asInt()).isEqualTo(195);
		assertThat(draft.json().at("/figures/hours/authorizedMinutes").asInt()).isEqualTo(600);
		assertThat(draft.json().at("/figures/attendance/appointments").asInt()).isEqualTo(4);
		assertThat(draft.json().at("/figures/attendance/completed").asInt()).isEqualTo(2);
		assertThat(draft.json().at("/figures/attendance/cancelledByFamily").asInt()).isEqualTo(1);
		assertThat(draft.json().at("/figures/attendance/cancelledByClinic").asInt()).isZero();
		assertThat(draft.json().at("/figures/attendance/noShows").asInt()).isEqualTo(1);
		assertThat(draft.json().at("/figures/attendance/rate").asDouble()).isEqualTo(50.0);
	}

	@Test
	void aDraftsPeriodChangesAndItsFiguresFollow() {
		Api.Response draft = create(this.periodStart, this.today);
		String id = draft.at("/id");
		Api.Response shorter = this.supervisor.api()
			.put("/api/progress-reports/" + id, body("periodStart", this.today.minusDays(12).toString()), "If-Match",
					draft.header("ETag"));
		assertThat(shorter.status()).as(shorter.text()).isEqualTo(200);
		assertThat(shorter.at("/periodStart")).isEqualTo(this.today.minusDays(12).toString());
		assertThat(shorter.json().at("/figures/targets/0/points").size()).as("sessions 10, 5 and 2 days ago")
			.isEqualTo(3);
		assertThat(shorter.json().at("/figures/hours/deliveredMinutes").asInt()).isEqualTo(195);
		Api.Response backwards = this.supervisor.api()
			.put("/api/progress-reports/" + id, body("periodEnd", this.today.minusDays(13).toString()));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.contentType()).startsWith("application/problem+json");
		assertThat(backwards.at("/errors/0/pointer")).isEqualTo("/periodEnd");
	}

	@Test
	void theDefaultPeriodIsSixMonthsEndingToday() {
		Api.Response draft = this.supervisor.api().post("/api/children/" + this.childId + "/progress-reports", body());
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		assertThat(draft.at("/periodEnd")).isEqualTo(this.today.toString());
		assertThat(draft.at("/periodStart")).isEqualTo(this.today.minusMonths(6).plusDays(1).toString());
	}

	@Test
	void signingFreezesTheFiguresAndTheNarrative() {
		String id = aSignedReport();
		Api.Response signed = this.guardian.api().get("/api/progress-reports/" + id);
		assertThat(signed.status()).as(signed.text()).isEqualTo(200);
		assertThat(signed.at("/status")).isEqualTo("signed");
		assertThat(signed.at("/signedBy/name")).contains(", BCBA");
		// a later session in the period, and a new authorization, change nothing signed
		aSessionDaysAgo(1, 0);
		anAuthorization("A-2", "97155", this.today.minusDays(10), this.today.plusDays(10), 8);
		Api.Response later = this.guardian.api().get("/api/progress-reports/" + id);
		assertThat(later.json().at("/figures")).isEqualTo(signed.json().at("/figures"));
		assertThat(later.json().at("/figures/targets/0/current").asDouble()).isEqualTo(80.0);
		// while a new draft for the same period sees them
		Api.Response fresh = create(this.periodStart, this.today);
		assertThat(fresh.json().at("/figures/targets/0/points").size()).isEqualTo(6);
		assertThat(fresh.json().at("/figures/targets/0/current").asDouble()).isEqualTo(60.0);
		assertThat(fresh.json().at("/figures/hours/authorizedMinutes").asInt()).isEqualTo(720);
	}

	@Test
	void aSignedReportIsNeverEditedButCorrectedByANewVersion() {
		String id = aSignedReport();
		Api.Response edit = this.supervisor.api().put("/api/progress-reports/" + id, body("summary", "Changed"));
		assertThat(edit.status()).isEqualTo(409);
		assertThat(edit.contentType()).startsWith("application/problem+json");
		assertThat(edit.at("/type")).endsWith("/progress-report-signed");
		Api.Response period = this.supervisor.api()
			.put("/api/progress-reports/" + id, body("periodStart", this.periodStart.plusDays(1).toString()));
		assertThat(period.status()).as("a signed report's period is fixed").isEqualTo(409);
		assertThat(period.contentType()).startsWith("application/problem+json");
		assertThat(period.at("/type")).endsWith("/progress-report-signed");
		assertThat(this.supervisor.api().post("/api/progress-reports/" + id + "/signature", body()).status())
			.isEqualTo(409);

		Api.Response correction = this.supervisor.api().post("/api/progress-reports/" + id + "/corrections", body());
		assertThat(correction.status()).as(correction.text()).isEqualTo(201);
		String next = correction.at("/id");
		assertThat(correction.at("/supersedes")).isEqualTo(id);
		assertThat(correction.at("/summary")).isEqualTo("Steady progress.");
		assertThat(this.guardian.api().get("/api/progress-reports/" + next).status()).isEqualTo(404);
		assertThat(this.guardian.api().get("/api/progress-reports/" + id).at("/status")).isEqualTo("signed");

		Api.Response changed = this.supervisor.api()
			.put("/api/progress-reports/" + next, body("summary", "Steady progress, corrected."), "If-Match",
					correction.header("ETag"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		Api.Response signed = this.supervisor.api()
			.post("/api/progress-reports/" + next + "/signature", body(), "If-Match", changed.header("ETag"));
		assertThat(signed.status()).as(signed.text()).isEqualTo(200);

		Api.Response first = this.guardian.api().get("/api/progress-reports/" + id);
		assertThat(first.at("/status")).isEqualTo("superseded");
		assertThat(first.at("/supersededBy")).isEqualTo(next);
		assertThat(first.at("/summary")).isEqualTo("Steady progress.");
		assertThat(this.supervisor.api().post("/api/progress-reports/" + id + "/corrections", body()).status())
			.isEqualTo(409);
		// the database refuses to change a signed row whoever asks
		assertThat(org.assertj.core.api.Assertions.catchThrowable(
				() -> this.jdbc.sql("update progress_reports set summary = 'x' where id = cast(:id as uuid)")
					.param("id", id)
					.update()))
			.isNotNull();
	}

	@Test
	void badInputIsAProblem() {
		Api.Response backwards = create(this.today, this.today.minusDays(1));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.contentType()).startsWith("application/problem+json");
		assertThat(backwards.at("/errors/0/pointer")).isEqualTo("/periodEnd");
		Api.Response tooLong = create(this.today.minusMonths(12), this.today);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.at("/errors/0/pointer")).isEqualTo("/periodStart");
		assertThat(create(this.today.minusMonths(12).plusDays(1), this.today).status()).isEqualTo(201);
		assertThat(create(this.today, this.today.plusDays(1)).status()).isEqualTo(400);
		assertThat(this.supervisor.api()
			.post("/api/children/" + this.childId + "/progress-reports", body("periodEnd", "yesterday"))
			.status()).isEqualTo(400);

		Api.Response draft = create(this.periodStart, this.today);
		String id = draft.at("/id");
		Api.Response unsigned = this.supervisor.api().post("/api/progress-reports/" + id + "/signature", body());
		assertThat(unsigned.status()).isEqualTo(409);
		assertThat(unsigned.at("/type")).endsWith("/progress-report-incomplete");
		assertThat(unsigned.json().at("/errors").size()).isEqualTo(3);
		Api.Response tooMuch = this.supervisor.api()
			.put("/api/progress-reports/" + id, body("summary", "x".repeat(20_001)));
		assertThat(tooMuch.status()).isEqualTo(400);
		Api.Response stale = this.supervisor.api()
			.put("/api/progress-reports/" + id, body("summary", "A"), "If-Match", "\"7\"");
		assertThat(stale.status()).isEqualTo(412);
	}

	@Test
	void whoSeesWhat() {
		String signed = aSignedReport();
		String draft = create(this.periodStart, this.today).at("/id");
		String list = "/api/children/" + this.childId + "/progress-reports";

		// the guardian: signed reports of their own child only
		assertThat(this.guardian.api().get(list).json().at("/content").size()).isEqualTo(1);
		assertThat(this.guardian.api().get("/api/progress-reports/" + draft).status()).isEqualTo(404);
		assertThat(this.guardian.api().get("/api/progress-reports/" + draft + "/pdf").status()).isEqualTo(404);
		assertThat(this.guardian.api().post(list, body()).status()).isEqualTo(403);
		// another parent: nothing exists
		assertThat(this.otherParent.api().get(list).status()).isEqualTo(404);
		assertThat(this.otherParent.api().get("/api/progress-reports/" + signed).status()).isEqualTo(404);
		assertThat(this.otherParent.api().get("/api/progress-reports/" + signed + "/pdf").status()).isEqualTo(404);
		// the technician reads signed reports, not drafts, and writes none
		assertThat(this.technician.api().get("/api/progress-reports/" + signed).status()).isEqualTo(200);
		assertThat(this.technician.api().get("/api/progress-reports/" + draft).status()).isEqualTo(404);
		assertThat(this.technician.api().get(list).json().at("/content").size()).isEqualTo(1);
		assertThat(this.technician.api().post(list, body()).status()).isEqualTo(403);
		// the admin reads everything and signs nothing
		assertThat(this.admin.api().get(list).json().at("/content").size()).isEqualTo(2);
		assertThat(this.admin.api().get("/api/progress-reports/" + draft).status()).isEqualTo(200);
		assertThat(this.admin.api().post("/api/progress-reports/" + draft + "/signature", body()).status())
			.isEqualTo(403);
		// a BCBA of another child: nothing exists
		Person otherBcba = this.clinic.aTherapist("BCBA");
		assertThat(otherBcba.api().get("/api/progress-reports/" + draft).status()).isEqualTo(404);
		assertThat(otherBcba.api().put("/api/progress-reports/" + draft, body("summary", "x")).status()).isEqualTo(404);
	}

	@Test
	void everyReadIsInTheAccessLog() {
		String id = aSignedReport();
		this.guardian.api().get("/api/progress-reports/" + id);
		pdf(this.guardian, id);
		this.otherParent.api().get("/api/progress-reports/" + id);
		assertThat(logged(this.guardian, id, "read", "success")).isEqualTo(1);
		assertThat(logged(this.guardian, id, "download", "success")).isEqualTo(1);
		assertThat(logged(this.otherParent, id, "read", "not_found")).isEqualTo(1);
		assertThat(logged(this.supervisor, id, "sign", "success")).isEqualTo(1);
	}

	@Test
	void thePdfNamesTheChildThePeriodAndTheTargets() throws Exception {
		String id = aSignedReport();
		String name = this.jdbc.sql("select display_name from child_names where child_id = cast(:id as uuid)")
			.param("id", this.childId)
			.query(String.class)
			.single();
		HttpResponse<byte[]> response = pdf(this.guardian, id);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		String text;
		try (PDDocument document = Loader.loadPDF(response.body())) {
			text = new PDFTextStripper().getText(document);
		}
		DateTimeFormatter day = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
		assertThat(text).contains(name)
			.contains("Period: " + day.format(this.periodStart) + " - " + day.format(this.today))
			.contains("dog")
			.contains("cat")
			.contains("Receptive ID")
			.contains("Baseline: 40%")
			.contains("Current: 80%")
			.contains("Hours delivered: 3 h 15 min of 10 h authorized")
			.contains("Steady progress.")
			.contains("Signed by");
	}

	/** A report for the last 30 days, written and signed by the supervisor. */
	private String aSignedReport() {
		Api.Response draft = create(this.periodStart, this.today);
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		String id = draft.at("/id");
		Api.Response written = this.supervisor.api()
			.put("/api/progress-reports/" + id, body("summary", "Steady progress.", "goals", "Two-step instructions.",
					"recommendations", "Continue 10 hours a week."), "If-Match", draft.header("ETag"));
		assertThat(written.status()).as(written.text()).isEqualTo(200);
		Api.Response signed = this.supervisor.api()
			.post("/api/progress-reports/" + id + "/signature", body(), "If-Match", written.header("ETag"));
		assertThat(signed.status()).as(signed.text()).isEqualTo(200);
		return id;
	}

	private Api.Response create(LocalDate start, LocalDate end) {
		return this.supervisor.api()
			.post("/api/children/" + this.childId + "/progress-reports",
					body("periodStart", start.toString(), "periodEnd", end.toString()));
	}

	/**
	 * A submitted session of the technician at 10:00 UTC, {@code daysAgo} days ago, with
	 * five trials on "dog" of which {@code correct} are correct.
	 */
	private void aSessionDaysAgo(int daysAgo, int correct) {
		String id = UUID.randomUUID().toString();
		Instant start = this.today.minusDays(daysAgo).atTime(10, 0).toInstant(ZoneOffset.UTC);
		Api api = this.technician.api();
		Api.Response session = api.put("/api/sessions/" + id, body("childId", this.childId, "serviceCode", "97153",
				"place", "clinic", "startedAt", start.toString(), "endedAt", start.plusSeconds(3600).toString()));
		assertThat(session.status()).as(session.text()).isEqualTo(201);
		List<Object> events = new ArrayList<>();
		List<String> outcomes = new ArrayList<>(Collections.nCopies(correct, "correct"));
		outcomes.addAll(Collections.nCopies(5 - correct, "incorrect"));
		for (int i = 0; i < outcomes.size(); i++) {
			events.add(body("id", UUID.randomUUID().toString(), "type", "trial", "targetId", this.dog, "outcome",
					outcomes.get(i), "promptLevel", "independent", "at", start.plusSeconds(60L * i).toString()));
		}
		Api.Response recorded = api.post("/api/sessions/" + id + "/events", body("events", events));
		assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
		Api.Response submitted = api.post("/api/sessions/" + id + "/submit", body("note", "Fine."));
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
	}

	/**
	 * An appointment at 14:00 UTC {@code daysAgo} days ago as scheduling would have left
	 * it (written as its rows are, for a past the booking API refuses): completed ones
	 * with their actual minutes, starting five minutes late.
	 */
	private void anAppointment(int daysAgo, String status, int actualMinutes, Person cancelledBy) {
		Instant start = this.today.minusDays(daysAgo).atTime(14, 0).toInstant(ZoneOffset.UTC);
		Instant actualStart = start.plus(5, ChronoUnit.MINUTES);
		this.jdbc.sql("""
				insert into appointments (id, child_id, therapist_id, service_code, place, starts_at, ends_at,
				    local_start, zone, status, created_by, created_at, updated_at, cancelled_at, cancelled_by,
				    cancelled_by_role, actual_start, actual_end)
				values (gen_random_uuid(), cast(:child as uuid), cast(:therapist as uuid), '97153', 'clinic', :start,
				    :end, :local, 'UTC', :status, cast(:admin as uuid), now(), now(), :cancelledAt,
				    cast(:cancelledBy as uuid), :cancelledByRole, :actualStart, :actualEnd)
				""")
			.param("child", this.childId)
			.param("therapist", this.technician.id())
			.param("start", start.atOffset(ZoneOffset.UTC))
			.param("end", start.plus(2, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC))
			.param("local", start.atOffset(ZoneOffset.UTC).toLocalDateTime())
			.param("status", status)
			.param("admin", this.admin.id())
			.param("cancelledAt",
					"cancelled".equals(status) ? start.minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC) : null,
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("cancelledBy", (cancelledBy != null) ? cancelledBy.id() : null, java.sql.Types.VARCHAR)
			.param("cancelledByRole", (cancelledBy != null) ? "parent" : null, java.sql.Types.VARCHAR)
			.param("actualStart", "completed".equals(status) ? actualStart.atOffset(ZoneOffset.UTC) : null,
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("actualEnd",
					"completed".equals(status)
							? actualStart.plus(actualMinutes, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC) : null,
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.update();
	}

	private void anAuthorization(String number, String serviceCode, LocalDate start, LocalDate end, int units) {
		Api.Response made = this.admin.api()
			.post("/api/children/" + this.childId + "/authorizations",
					body("payer", "Aetna", "authorizationNumber", number, "serviceCode", serviceCode, "unitsAuthorized",
							units, "startDate", start.toString(), "endDate", end.toString()));
		assertThat(made.status()).as(made.text()).isEqualTo(201);
	}

	private HttpResponse<byte[]> pdf(Person person, String id) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create(person.api().baseUrl() + "/api/progress-reports/" + id + "/pdf"))
					.header("Authorization", "Bearer " + person.accessToken())
					.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long logged(Person person, String reportId, String action, String outcome) {
		return this.jdbc.sql("""
				select count(*) from audit_log where account_id = cast(:account as uuid)
				  and resource_id = cast(:id as uuid) and resource_type = 'progressReport' and action = :action
				  and outcome = :outcome
				""")
			.param("account", person.id())
			.param("id", reportId)
			.param("action", action)
			.param("outcome", outcome)
			.query(Long.class)
			.single();
	}

}
