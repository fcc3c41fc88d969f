package org.sparktherapy.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.FreshDatabase;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * The clinic dashboard's numbers against a small world worked out by hand: a clinic in
 * America/New_York (its own application context on a fresh database, with a clock the
 * test sets so bookings, cancellations, completions and submissions happen "then"), built
 * through the HTTP API. The period, Monday 26 October to Sunday 8 November 2026, holds
 * the fall-back day (Sunday 1 November, 25 hours).
 *
 * <pre>
 * Therapists  R1 (RBT): Mon–Fri 09–17 (80 h), Sun 00–04 (5 h on 1 Nov, 4 h on 8 Nov),
 *                       Sun 20–23 (2 × 3 h); time off Wed 28 Oct 13–17 (−4 h) → 91 h
 *             R2 (RBT): Mon, Wed 12–18 → 4 × 6 = 24 h
 *             B (BCBA): Mon, Tue, Thu 09–13 → 6 × 4 = 24 h
 * Child C1 (R1, B): prescribed 97153 10 h + 97155 1 h a week → 11 × 14 / 7 = 22 h
 *   authorized 97153 480 units 1 Oct–31 Dec (92 days; 14 in the period) → 120 × 14/92
 *              97155 40 units 1–30 Nov (30 days; 8 in the period) → 10 × 8/30
 *              = 18.2609 + 2.6667 = 20.93 h
 *   Mon 26 Oct 09–12 97153 R1, completed 09:00–11:30 (2.5 h)      series A
 *   Mon 26 Oct 10–11 97155 B, completed 10:00–11:00 (1 h), concurrent with it
 *   Wed 28 Oct 09–12 97153 R1, cancelled by the parent on 25 Oct (not late)  series W
 *   Mon  2 Nov 09–12 97153 R1, cancelled by the parent on 1 Nov 20:00 (late) series A
 *   Wed  4 Nov 09–12 97153 R1, cancelled by the admin on 25 Oct             series W
 *   → scheduled 3 + 1 = 4 h; delivered 2.5 + 1 = 3.5 h; clock hours 2.5 (overlap once)
 * Child C2 (R2): prescribed 97153 5 h a week → 10 h; no authorization
 *   Wed 28 Oct 12–14 R2, completed 12:00–14:00 (2 h)
 *   Sun  1 Nov 00:30 EDT – 03:30 EST R1, completed (4 h of real time)
 *   Sun  1 Nov 22:00–23:00 EST R1, no-show (Monday in UTC: week 45 there, 44 here)
 *   Mon  2 Nov 12–15 R2, left scheduled (3 h)
 *   → scheduled 2 + 4 + 1 + 3 = 10 h; delivered 6 h
 * Sessions: R1's of 26 Oct submitted at 18:00 (on time, unsigned); B's of 26 Oct
 *   submitted 28 Oct 12:00 (late, unsigned); R2's of 28 Oct never submitted (open, overdue);
 *   R1's of 1 Nov submitted at 10:00 and co-signed by the guardian.
 * </pre>
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIntegrationTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final String PERIOD = "?from=2026-10-26&to=2026-11-08";

	@Autowired
	DataSource dataSource;

	FreshDatabase database;

	ConfigurableApplicationContext newYork;

	final SettableClock clock = new SettableClock();

	Person admin;

	Person r1;

	Person r2;

	Person bcba;

	Person parent1;

	Person parent2;

	String c1;

	String c2;

	@BeforeAll
	void buildTheWorld() {
		this.database = new FreshDatabase(this.dataSource);
		this.newYork = new SpringApplicationBuilder(SparkTherapyApplication.class).profiles("test")
			.initializers((GenericApplicationContext context) -> context.registerBean("reportTestClock", Clock.class,
					() -> this.clock, definition -> definition.setPrimary(true)))
			.run("--server.port=0", "--spring.datasource.url=" + this.database.url(),
					"--spring.datasource.username=" + this.database.username(),
					"--spring.datasource.hikari.maximum-pool-size=3", "--spark.clinic-time-zone=America/New_York",
					"--spark.data-dir=target/test-data-fresh");
		int port = ((WebServerApplicationContext) this.newYork).getWebServer().getPort();
		Clinic clinic = new Clinic(port);
		this.admin = clinic.rootAdmin();
		this.r1 = clinic.aTherapist("RBT");
		this.r2 = clinic.aTherapist("RBT");
		this.bcba = clinic.aTherapist("BCBA");
		this.parent1 = clinic.aParent();
		this.parent2 = clinic.aParent();
		this.c1 = clinic.aChild(this.admin, this.parent1, this.bcba, this.r1);
		this.c2 = clinic.aChild(this.admin, this.parent2, null, this.r2);
		link(this.c2, "care-team", body("userId", this.r1.id(), "role", "technician"));

		availability(this.r1, block("MONDAY", "09:00", "17:00"), block("TUESDAY", "09:00", "17:00"),
				block("WEDNESDAY", "09:00", "17:00"), block("THURSDAY", "09:00", "17:00"),
				block("FRIDAY", "09:00", "17:00"), block("SUNDAY", "00:00", "04:00"),
				block("SUNDAY", "20:00", "23:00"));
		availability(this.r2, block("MONDAY", "12:00", "18:00"), block("WEDNESDAY", "12:00", "18:00"));
		availability(this.bcba, block("MONDAY", "09:00", "13:00"), block("TUESDAY", "09:00", "13:00"),
				block("THURSDAY", "09:00", "13:00"));
		ok(this.admin.api()
			.post("/api/therapists/" + this.r1.id() + "/time-off", body("start", "2026-10-28T13:00:00-04:00", "end",
					"2026-10-28T17:00:00-04:00", "reason", "Dentist")));
		prescribe(this.c1, body("serviceCode", "97153", "hours", 10), body("serviceCode", "97155", "hours", 1));
		prescribe(this.c2, body("serviceCode", "97153", "hours", 5));
		authorize(this.c1, "97153", 480, "2026-10-01", "2026-12-31");
		authorize(this.c1, "97155", 40, "2026-11-01", "2026-11-30");

		this.clock.set("2026-10-25T12:00:00-04:00");
		JsonNode mondays = book(this.c1, this.r1, "97153", "2026-10-26T09:00:00-04:00", "2026-10-26T12:00:00-04:00",
				"FREQ=WEEKLY;BYDAY=MO;COUNT=2");
		JsonNode wednesdays = book(this.c1, this.r1, "97153", "2026-10-28T09:00:00-04:00", "2026-10-28T12:00:00-04:00",
				"FREQ=WEEKLY;BYDAY=WE;COUNT=2");
		String supervision = book(this.c1, this.bcba, "97155", "2026-10-26T10:00:00-04:00", "2026-10-26T11:00:00-04:00",
				null)
			.at("/occurrences/0/id")
			.asString();
		String c2Wednesday = book(this.c2, this.r2, "97153", "2026-10-28T12:00:00-04:00", "2026-10-28T14:00:00-04:00",
				null)
			.at("/occurrences/0/id")
			.asString();
		String fallBack = book(this.c2, this.r1, "97153", "2026-11-01T00:30:00-04:00", "2026-11-01T03:30:00-05:00",
				null)
			.at("/occurrences/0/id")
			.asString();
		String sundayNight = book(this.c2, this.r1, "97153", "2026-11-01T22:00:00-05:00", "2026-11-01T23:00:00-05:00",
				null)
			.at("/occurrences/0/id")
			.asString();
		book(this.c2, this.r2, "97153", "2026-11-02T12:00:00-05:00", "2026-11-02T15:00:00-05:00", null);
		cancel(this.parent1, wednesdays.at("/occurrences/0/id").asString());
		cancel(this.admin, wednesdays.at("/occurrences/1/id").asString());

		String r1Session = complete(this.r1, mondays.at("/occurrences/0/id").asString(), "2026-10-26T09:00:00-04:00",
				"2026-10-26T11:30:00-04:00");
		String bSession = complete(this.bcba, supervision, "2026-10-26T10:00:00-04:00", "2026-10-26T11:00:00-04:00");
		this.clock.set("2026-10-26T18:00:00-04:00");
		submit(this.r1, r1Session);
		complete(this.r2, c2Wednesday, "2026-10-28T12:00:00-04:00", "2026-10-28T14:00:00-04:00");
		this.clock.set("2026-10-28T12:00:00-04:00");
		submit(this.bcba, bSession);
		String fallBackSession = complete(this.r1, fallBack, "2026-11-01T00:30:00-04:00", "2026-11-01T03:30:00-05:00");
		this.clock.set("2026-11-01T10:00:00-05:00");
		submit(this.r1, fallBackSession);
		ok(this.parent2.api()
			.post("/api/sessions/" + fallBackSession + "/guardian-signature",
					body("name", "Pat Parent", "signature", "data:image/png;base64,iVBORw0KGgo=")));
		this.clock.set("2026-11-01T20:00:00-05:00");
		cancel(this.parent1, mondays.at("/occurrences/1/id").asString());
		this.clock.set("2026-11-01T22:20:00-05:00");
		ok(this.r1.api().post("/api/appointments/" + sundayNight + "/no-show", "{}"));
		this.clock.release();
	}

	@AfterAll
	void stop() {
		if (this.newYork != null) {
			this.newYork.close();
		}
		if (this.database != null) {
			this.database.drop();
		}
	}

	@Test
	void utilizationPerChildCountsPrescribedScheduledDeliveredAndProratedAuthorizedHours() {
		JsonNode report = get("/api/reports/utilization" + PERIOD);

		assertThat(report.at("/period/days").asInt()).isEqualTo(14);
		JsonNode c1 = row(report.get("children"), "childId", this.c1);
		assertThat(hours(c1, "prescribedHours", "scheduledHours", "deliveredHours", "deliveredClockHours",
				"authorizedHours"))
			.as("overlapping 97155 and 97153 count both as service hours, once as clock hours")
			.containsExactly("22", "4", "3.5", "2.5", "20.93");
		JsonNode c2 = row(report.get("children"), "childId", this.c2);
		assertThat(hours(c2, "prescribedHours", "scheduledHours", "deliveredHours", "deliveredClockHours",
				"authorizedHours"))
			.as("the fall-back night's appointment is 4 hours of real time")
			.containsExactly("10", "10", "6", "6", "0");
	}

	@Test
	void utilizationPerTherapistSetsBillableAgainstAvailableHoursLessTimeOff() {
		JsonNode therapists = get("/api/reports/utilization" + PERIOD).get("therapists");

		assertThat(hours(row(therapists, "therapistId", this.r1.id()), "scheduledHours", "billableHours",
				"availableHours", "utilization"))
			.as("Sunday 00–04 on the fall-back day is 5 hours")
			.containsExactly("8", "6.5", "91", "0.0714");
		assertThat(hours(row(therapists, "therapistId", this.r2.id()), "scheduledHours", "billableHours",
				"availableHours", "utilization"))
			.containsExactly("5", "2", "24", "0.0833");
		assertThat(hours(row(therapists, "therapistId", this.bcba.id()), "scheduledHours", "billableHours",
				"availableHours", "utilization"))
			.containsExactly("1", "1", "24", "0.0417");
	}

	@Test
	void cancellationsCountWhoCancelledLateOnesNoShowsPerClinicWeekAndWhoHadTheMost() {
		JsonNode report = get("/api/reports/cancellations" + PERIOD);

		assertThat(counts(report.get("totals"))).containsExactly(9, 3, 2, 1, 1, 1);
		assertThat(report.get("lateShare").decimalValue()).isEqualByComparingTo("0.3333");
		JsonNode weeks = report.get("weeks");
		assertThat(weeks).hasSize(2);
		assertThat(weeks.get(0).get("week").asString()).isEqualTo("2026-W44");
		assertThat(weeks.get(0).get("starts").asString()).isEqualTo("2026-10-26");
		assertThat(counts(weeks.get(0).get("counts")))
			.as("Sunday night's no-show is Monday in UTC but week 44 in New York")
			.containsExactly(6, 1, 1, 0, 1, 0);
		assertThat(counts(weeks.get(1).get("counts"))).containsExactly(3, 2, 1, 1, 0, 1);
		JsonNode children = report.get("children");
		assertThat(children).hasSize(2);
		assertThat(children.get(0).get("id").asString()).isEqualTo(this.c1);
		assertThat(counts(children.get(0).get("counts"))).containsExactly(5, 3, 2, 1, 0, 1);
		assertThat(children.get(1).get("id").asString()).isEqualTo(this.c2);
		assertThat(counts(children.get(1).get("counts"))).containsExactly(4, 0, 0, 0, 1, 0);
		JsonNode therapists = report.get("therapists");
		assertThat(therapists).as("only therapists with a cancellation or no-show").hasSize(1);
		assertThat(therapists.get(0).get("id").asString()).isEqualTo(this.r1.id());
		assertThat(counts(therapists.get(0).get("counts"))).containsExactly(6, 3, 2, 1, 1, 1);
	}

	@Test
	void documentationCountsLateAndOverdueSubmissionsAndNotesAwaitingAGuardianPerTherapist() {
		JsonNode therapists = get("/api/reports/documentation" + PERIOD).get("therapists");

		assertThat(therapists).hasSize(3);
		assertThat(documentation(row(therapists, "therapistId", this.r1.id()))).containsExactly(2, 2, 0, 0, 1);
		assertThat(documentation(row(therapists, "therapistId", this.bcba.id()))).containsExactly(1, 0, 1, 0, 1);
		assertThat(documentation(row(therapists, "therapistId", this.r2.id()))).containsExactly(1, 0, 0, 1, 0);
		JsonNode late = get("/api/reports/documentation/sessions" + PERIOD + "&issue=late").get("content");
		assertThat(late).hasSize(1);
		assertThat(late.get(0).get("therapistId").asString()).isEqualTo(this.bcba.id());
		assertThat(late.get(0).get("hoursToSubmit").decimalValue()).isEqualByComparingTo("49");
	}

	@Test
	void theRowsOfAChildAreItsAppointmentsInThePeriodAndTheirReadIsLogged() {
		Api.Response rows = this.admin.api().get("/api/reports/appointments" + PERIOD + "&childId=" + this.c1);

		assertThat(rows.status()).as(rows.text()).isEqualTo(200);
		assertThat(rows.json().get("content")).hasSize(5);
		assertThat(rows.json().get("content").get(0).get("start").asString()).isEqualTo("2026-10-26T09:00:00-04:00");
		assertThat(
				get("/api/reports/appointments" + PERIOD + "&childId=" + this.c1 + "&status=cancelled").get("content"))
			.hasSize(3);
		JdbcClient jdbc = JdbcClient.create(this.newYork.getBean(DataSource.class));
		assertThat(jdbc.sql("""
				select count(*) from audit_log
				where resource_type = 'report:appointments:2026-10-26/2026-11-08' and child_id = cast(:child as uuid)
				  and outcome = 'success'
				""").param("child", this.c1).query(Integer.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theRowsBehindAFigureComeInPagesInTimeOrderAndTheirCsvHasEveryRow() {
		JsonNode first = get("/api/reports/appointments" + PERIOD + "&childId=" + this.c1 + "&size=2");
		JsonNode last = get("/api/reports/appointments" + PERIOD + "&childId=" + this.c1 + "&size=2&page=2");
		JsonNode all = get("/api/reports/appointments" + PERIOD + "&childId=" + this.c1).get("content");

		assertThat(first.get("page").get("totalElements").asInt()).isEqualTo(5);
		assertThat(first.get("page").get("totalPages").asInt()).isEqualTo(3);
		assertThat(first.get("content")).hasSize(2);
		assertThat(first.get("period").get("zone").asString()).isEqualTo("America/New_York");
		assertThat(first.get("content").get(1).get("appointmentId")).isEqualTo(all.get(1).get("appointmentId"));
		assertThat(last.get("content")).hasSize(1);
		assertThat(last.get("content").get(0).get("appointmentId")).isEqualTo(all.get(4).get("appointmentId"));
		Api.Response csv = this.admin.api()
			.get("/api/reports/appointments.csv" + PERIOD + "&childId=" + this.c1, "Accept", "text/csv");
		assertThat(csv.text().split("\r\n")).hasSize(1 + 5);
		assertThat(this.admin.api().get("/api/reports/documentation/sessions" + PERIOD + "&size=0").status())
			.isEqualTo(400);
	}

	@Test
	void aReadOfTheDashboardIsOneAuditEntryNamingTheReportAndPeriod() {
		get("/api/reports/cancellations?from=2026-10-27&to=2026-11-03");

		JdbcClient jdbc = JdbcClient.create(this.newYork.getBean(DataSource.class));
		assertThat(jdbc.sql("""
				select action, child_id, outcome, endpoint from audit_log
				where resource_type = 'report:cancellations:2026-10-27/2026-11-03'
				""")
			.query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getObject(2)), rs.getString(3),
					rs.getString(4)))
			.list()).containsExactly(List.of("report", "null", "success", "GET /api/reports/cancellations"));
	}

	@Test
	void theUtilizationCsvIsTheTableToTheByte() {
		Api.Response csv = this.admin.api().get("/api/reports/utilization/children.csv" + PERIOD, "Accept", "text/csv");

		assertThat(csv.status()).as(csv.text()).isEqualTo(200);
		assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"utilization-children_2026-10-26_2026-11-08.csv\"");
		JsonNode children = get("/api/reports/utilization" + PERIOD).get("children");
		StringBuilder expected = new StringBuilder("child_id,child,prescribed_hours,scheduled_hours,delivered_hours,"
				+ "delivered_clock_hours,authorized_hours\r\n");
		for (JsonNode child : children) {
			String id = child.get("childId").asString();
			expected.append(id)
				.append(',')
				.append(child.get("childName").asString())
				.append(id.equals(this.c1) ? ",22.00,4.00,3.50,2.50,20.93\r\n" : ",10.00,10.00,6.00,6.00,0.00\r\n");
		}
		assertThat(children).hasSize(2);
		assertThat(csv.text()).isEqualTo(expected.toString());
	}

	@Test
	void aTherapistMayNotReadTheDashboardAndABadPeriodIsAProblem() {
		assertThat(this.r1.api().get("/api/reports/utilization" + PERIOD).status()).isEqualTo(403);
		Api.Response backwards = this.admin.api().get("/api/reports/utilization?from=2026-11-08&to=2026-10-26");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.contentType()).startsWith("application/problem+json");
		assertThat(this.admin.api().get("/api/reports/appointments" + PERIOD + "&status=lost").status()).isEqualTo(400);
	}

	private JsonNode get(String path) {
		Api.Response response = this.admin.api().get(path);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode row(JsonNode rows, String idField, String id) {
		for (JsonNode row : rows) {
			if (row.get(idField).asString().equals(id)) {
				return row;
			}
		}
		throw new AssertionError("no row " + id + " in " + rows);
	}

	private static List<String> hours(JsonNode row, String... fields) {
		return java.util.Arrays.stream(fields)
			.map(f -> new java.math.BigDecimal(row.get(f).asString()).stripTrailingZeros().toPlainString())
			.toList();
	}

	private static List<Integer> counts(JsonNode c) {
		return java.util.stream.Stream
			.of("appointments", "cancelled", "cancelledByParent", "cancelledByAdmin", "noShows", "lateCancellations")
			.map(f -> c.get(f).asInt())
			.toList();
	}

	private static List<Integer> documentation(JsonNode row) {
		return java.util.stream.Stream
			.of("sessions", "submittedOnTime", "submittedLate", "openOverdue", "awaitingGuardian")
			.map(f -> row.get(f).asInt())
			.toList();
	}

	private static Object block(String weekday, String start, String end) {
		return body("weekday", weekday, "start", start, "end", end);
	}

	private void availability(Person therapist, Object... blocks) {
		ok(this.admin.api()
			.put("/api/therapists/" + therapist.id() + "/availability", body("blocks", List.of(blocks))));
	}

	private void prescribe(String child, Object... hours) {
		ok(this.admin.api()
			.put("/api/children/" + child + "/schedule-preferences",
					body("availableHours", List.of(), "prescribedWeeklyHours", List.of(hours))));
	}

	private void authorize(String child, String code, int units, String from, String to) {
		ok(this.admin.api()
			.post("/api/children/" + child + "/authorizations", body("payer", "Aetna", "authorizationNumber",
					"A-" + code, "serviceCode", code, "unitsAuthorized", units, "startDate", from, "endDate", to)));
	}

	private void link(String child, String what, Object body) {
		ok(this.admin.api().post("/api/children/" + child + "/" + what, body));
	}

	private JsonNode book(String child, Person therapist, String code, String start, String end, String recurrence) {
		Object request = (recurrence != null)
				? body("childId", child, "therapistId", therapist.id(), "serviceCode", code, "place", "clinic", "start",
						start, "end", end, "recurrence", recurrence)
				: body("childId", child, "therapistId", therapist.id(), "serviceCode", code, "place", "clinic", "start",
						start, "end", end);
		return ok(this.admin.api().post("/api/appointments", request)).json();
	}

	private void cancel(Person who, String appointment) {
		ok(who.api().post("/api/appointments/" + appointment + "/cancel", body("reason", "Sick")));
	}

	/** Checks in at the start, completes after the end; returns the session it opened. */
	private String complete(Person therapist, String appointment, String start, String end) {
		this.clock.set(start);
		ok(therapist.api().post("/api/appointments/" + appointment + "/check-in", "{}"));
		this.clock.set(OffsetDateTime.parse(end).plusMinutes(5).toString());
		return ok(therapist.api()
			.post("/api/appointments/" + appointment + "/complete", body("actualStart", start, "actualEnd", end)))
			.at("/sessionId");
	}

	private void submit(Person therapist, String session) {
		ok(therapist.api().post("/api/sessions/" + session + "/submit", body("note", "Worked well.")));
	}

	private static Api.Response ok(Api.Response response) {
		assertThat(response.status()).as(response.text()).isBetween(200, 299);
		return response;
	}

	/** The application's clock: the real time, or the time the test set. */
	static final class SettableClock extends Clock {

		private volatile Instant fixed;

		void set(String offsetDateTime) {
			this.fixed = OffsetDateTime.parse(offsetDateTime).toInstant();
		}

		void release() {
			this.fixed = null;
		}

		@Override
		public Instant instant() {
			Instant now = this.fixed;
			return (now != null) ? now : Instant.now();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(instant(), zone);
		}

	}

}
