package org.sparktherapy.reporting.internal.oversight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.EventPublications;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * The oversight reports against hand-computed fixtures made through the real services
 * (ADR 0035). September 2026, clinic zone UTC:
 * <ul>
 * <li>technician A (child A): five 97153 of 300 minutes (1,500); the BCBA's 97155 with
 * child A overlaps 40 minutes on the 1st (inside) and 20 on the 2nd (over the end): 60
 * minutes, 4.0 %, two individual contacts with the child — below only for the share. On
 * the 3rd the BCBA's 97155 with child B runs while A works with child A: not A's.</li>
 * <li>technician B (child B): four 97153 of 250 minutes (1,000); that 97155 with child B
 * overlaps B's 97153 by 30 minutes, and a logged group contact of 30 minutes without a
 * child (B and C): 60 minutes, 6.0 %, two contacts, one individual, one with a child —
 * met.</li>
 * <li>technician C: no service, so no requirement.</li>
 * </ul>
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightReportsIntegrationTests {

	private static final String SEPTEMBER = "from=2026-09-01&to=2026-09-30";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SupervisionService supervision;

	private Clinic clinic;

	private Person admin;

	private Person bcba;

	private Person rbtA;

	private Person rbtB;

	private Person rbtC;

	private String childA;

	private String childB;

	@BeforeAll
	void aMonthOfServiceAndSupervision() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.bcba = this.clinic.aTherapist("BCBA");
		this.rbtA = this.clinic.aTherapist("RBT");
		this.rbtB = this.clinic.aTherapist("RBT");
		this.rbtC = this.clinic.aTherapist("RBT");
		this.childA = this.clinic.aChild(this.admin, null, this.bcba, this.rbtA);
		this.childB = this.clinic.aChild(this.admin, null, this.bcba, this.rbtB);
		for (int day : List.of(1, 2, 3, 4, 7)) {
			completed(this.rbtA, this.childA, "97153", at(day, "09:00"), 300);
		}
		completed(this.bcba, this.childA, "97155", at(1, "10:00"), 40);
		completed(this.bcba, this.childA, "97155", at(2, "13:40"), 40);
		for (int day : List.of(3, 8, 9, 10)) {
			completed(this.rbtB, this.childB, "97153", at(day, "08:00"), 250);
		}
		completed(this.bcba, this.childB, "97155", at(3, "09:00"), 30);
		Api.Response logged = this.bcba.api()
			.post("/api/reports/supervision-contacts", body("heldOn", "2026-09-09", "minutes", 30, "technicianIds",
					List.of(this.rbtB.id(), this.rbtC.id()), "kind", "group", "withChild", false));
		assertThat(logged.status()).as(logged.text()).isEqualTo(201);
	}

	@Test
	void measuresEachTechniciansMonthAgainstTheBacbRequirement() {
		Api.Response report = this.admin.api().get("/api/reports/supervision?" + SEPTEMBER);
		assertThat(report.status()).as(report.text()).isEqualTo(200);

		JsonNode a = row(report.json(), this.rbtA);
		assertThat(a.get("month").asString()).isEqualTo("2026-09");
		assertThat(a.get("serviceMinutes").asLong()).isEqualTo(1500);
		assertThat(a.get("supervisedMinutes").asLong()).isEqualTo(60);
		assertThat(a.get("sharePercent").asString()).isEqualTo("4.0");
		assertThat(a.get("contacts").asInt()).isEqualTo(2);
		assertThat(a.get("individualContacts").asInt()).isEqualTo(2);
		assertThat(a.get("withChildContacts").asInt()).isEqualTo(2);
		assertThat(strings(a.get("shortfalls"))).containsExactly("share");

		JsonNode b = row(report.json(), this.rbtB);
		assertThat(b.get("serviceMinutes").asLong()).isEqualTo(1000);
		assertThat(b.get("supervisedMinutes").asLong()).as("30 observed with child B, 30 in the group").isEqualTo(60);
		assertThat(b.get("sharePercent").asString()).isEqualTo("6.0");
		assertThat(b.get("contacts").asInt()).isEqualTo(2);
		assertThat(b.get("individualContacts").asInt()).isEqualTo(1);
		assertThat(b.get("withChildContacts").asInt()).isEqualTo(1);
		assertThat(strings(b.get("shortfalls"))).isEmpty();

		JsonNode c = row(report.json(), this.rbtC);
		assertThat(c.get("serviceMinutes").asLong()).isZero();
		assertThat(c.get("supervisedMinutes").asLong()).isEqualTo(30);
		assertThat(strings(c.get("shortfalls"))).as("no service, no requirement").isEmpty();
	}

	@Test
	void theCsvHasTheSameRows() {
		Api.Response csv = this.admin.api().get("/api/reports/supervision/technicians.csv?" + SEPTEMBER);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.text()).startsWith("month,technician_id,technician,service_minutes,supervised_minutes,")
			.contains("2026-09," + this.rbtA.id() + ",")
			.contains(",1500,60,4.0,2,2,2,share\r\n")
			.contains(",1000,60,6.0,2,1,1,\r\n");
	}

	@Test
	void theReportsAreTheAdminsAndEachReadIsAudited() {
		for (String path : List.of("/api/reports/supervision", "/api/reports/authorizations", "/api/reports/money",
				"/api/reports/money/denials.csv")) {
			assertThat(this.bcba.api().get(path + "?" + SEPTEMBER).status()).as(path).isEqualTo(403);
			assertThat(this.rbtA.api().get(path + "?" + SEPTEMBER).status()).as(path).isEqualTo(403);
		}
		this.admin.api().get("/api/reports/supervision?" + SEPTEMBER);
		assertThat(this.jdbc.sql(
				"select count(*) from audit_log where account_id = :admin and resource_type = :type and outcome = 'success'")
			.param("admin", UUID.fromString(this.admin.id()))
			.param("type", "report:supervision:2026-09-01/2026-09-30")
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql(
				"select count(*) from audit_log where account_id = :bcba and resource_type like 'report:%' and outcome <> 'success'")
			.param("bcba", UUID.fromString(this.bcba.id()))
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void alertsTheThirdWeekOnceForATechnicianBelowTheRequirement() {
		assertThat(this.supervision.alert(Instant.parse("2026-09-14T12:00:00Z"))).as("before the 15th nobody is told")
			.doesNotContain(uuid(this.rbtA));

		List<UUID> alerted = this.supervision.alert(Instant.parse("2026-09-20T12:00:00Z"));
		assertThat(alerted).contains(uuid(this.rbtA)).doesNotContain(uuid(this.rbtB), uuid(this.rbtC));
		assertThat(this.supervision.alert(Instant.parse("2026-09-21T12:00:00Z"))).doesNotContain(uuid(this.rbtA));

		EventPublications.awaitDelivered(this.jdbc, "SupervisionBelowRequirement", this.rbtA.id());
		List<Map<String, Object>> notices = this.jdbc.sql("""
				select recipient_id, title, link from notifications
				where kind = 'supervision_below' and source_key = :source""")
			.param("source", this.rbtA.id() + "@2026-09-01")
			.query()
			.listOfRows();
		assertThat(notices).extracting(n -> n.get("recipient_id").toString())
			.contains(this.bcba.id(), this.admin.id())
			.doesNotContain(this.rbtA.id())
			.doesNotHaveDuplicates();
		assertThat(notices.getFirst().get("title").toString()).contains("September").contains("under 5 % supervised");
	}

	@Test
	void theSupervisionLogRefusesWhatTheRuleDoesNotAllow() {
		String path = "/api/reports/supervision-contacts";
		Api.Response twoIndividual = this.bcba.api()
			.post(path, body("heldOn", "2026-09-09", "minutes", 30, "technicianIds",
					List.of(this.rbtA.id(), this.rbtB.id()), "kind", "individual", "withChild", true));
		assertThat(twoIndividual.status()).isEqualTo(400);
		assertThat(twoIndividual.at("/errors/0/pointer")).isEqualTo("/technicianIds");

		Api.Response notATechnician = this.bcba.api()
			.post(path, body("heldOn", "2026-09-09", "minutes", 30, "technicianIds",
					List.of(this.rbtA.id(), this.bcba.id()), "kind", "group", "withChild", false));
		assertThat(notATechnician.status()).isEqualTo(400);
		assertThat(notATechnician.at("/errors/0/pointer")).isEqualTo("/technicianIds/1");

		Api.Response future = this.bcba.api()
			.post(path, body("heldOn", LocalDate.now().plusDays(2).toString(), "minutes", 30, "technicianIds",
					List.of(this.rbtA.id()), "kind", "individual", "withChild", true));
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.at("/errors/0/pointer")).isEqualTo("/heldOn");

		Api.Response tooLong = this.bcba.api()
			.post(path, body("heldOn", "2026-09-09", "minutes", 601, "technicianIds", List.of(this.rbtA.id()), "kind",
					"individual", "withChild", true));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.at("/errors/0/pointer")).isEqualTo("/minutes");

		Api.Response noSupervisor = this.admin.api()
			.post(path, body("heldOn", "2026-09-09", "minutes", 30, "technicianIds", List.of(this.rbtA.id()), "kind",
					"individual", "withChild", true));
		assertThat(noSupervisor.status()).isEqualTo(400);
		assertThat(noSupervisor.at("/errors/0/pointer")).isEqualTo("/supervisorId");

		assertThat(this.rbtA.api()
			.post(path,
					body("heldOn", "2026-09-09", "minutes", 30, "technicianIds", List.of(this.rbtA.id()), "kind",
							"individual", "withChild", true))
			.status()).isEqualTo(403);

		Api.Response listed = this.bcba.api().get(path + "?" + SEPTEMBER);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().get("content")).hasSize(1);
		assertThat(strings(listed.json().get("content").get(0).get("technicianIds")))
			.containsExactlyInAnyOrder(this.rbtB.id(), this.rbtC.id());
		JsonNode technicians = listed.json().get("content").get(0).get("technicians");
		assertThat(technicians).as("the log names its technicians, picker or not").hasSize(2);
		for (int i = 0; i < 2; i++) {
			assertThat(technicians.get(i).get("id").asString())
				.isEqualTo(listed.json().get("content").get(0).get("technicianIds").get(i).asString());
			assertThat(technicians.get(i).get("name").asString()).isEqualTo("Test therapist");
		}
		assertThat(listed.json().get("content").get(0).get("supervisorName").asString()).isEqualTo("Test therapist");
		assertThat(this.clinic.aTherapist("BCBA").api().get(path + "?" + SEPTEMBER).json().get("content"))
			.as("another supervisor sees only their own")
			.isEmpty();
	}

	@Test
	void burnsDownEachAuthorizationByWeek() {
		Api.Response over = this.admin.api()
			.post("/api/children/" + this.childA + "/authorizations",
					authorization("97153", 90, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)));
		assertThat(over.status()).as(over.text()).isEqualTo(201);
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		Api.Response ending = this.admin.api()
			.post("/api/children/" + this.childB + "/authorizations",
					authorization("97153", 1000, LocalDate.of(2026, 9, 1), today.plusDays(20)));
		assertThat(ending.status()).as(ending.text()).isEqualTo(201);

		Api.Response report = this.admin.api().get("/api/reports/authorizations?" + SEPTEMBER);
		assertThat(report.status()).as(report.text()).isEqualTo(200);
		JsonNode a = authorizationRow(report.json(), over.at("/id"));
		// five sessions of 300 minutes: 20 units each
		assertThat(a.get("unitsUsed").asLong()).isEqualTo(100);
		assertThat(a.get("unitsPlanned").asLong()).isZero();
		assertThat(a.get("unitsRemaining").asLong()).isEqualTo(-10);
		assertThat(a.get("runsOut").asBoolean()).isTrue();
		assertThat(a.get("runsOutWeekOf").asString()).as("80 units by the 4th, 100 on the 7th").isEqualTo("2026-09-07");
		assertThat(a.get("reauthorizationDue").asBoolean()).isFalse();
		assertThat(a.get("weeks").get(0).get("weekOf").asString()).isEqualTo("2026-08-31");
		assertThat(a.get("weeks").get(0).get("used").asLong()).isEqualTo(80);
		assertThat(a.get("weeks").get(1).get("cumulative").asLong()).isEqualTo(100);
		assertThat(a.get("weeks").get(4).get("ideal").asLong()).as("the last week reaches what was authorized")
			.isEqualTo(90);
		assertThat(a.get("link").asString()).isEqualTo("/children/" + this.childA + "#authorizations");

		JsonNode b = authorizationRow(report.json(), ending.at("/id"));
		// four sessions of 250 minutes: 17 units each (a remainder of 10 minutes counts)
		assertThat(b.get("unitsUsed").asLong()).isEqualTo(68);
		assertThat(b.get("runsOut").asBoolean()).isFalse();
		assertThat(b.get("expiresUnused").asBoolean()).isTrue();
		assertThat(b.get("reauthorizationDue").asBoolean()).isTrue();
		assertThat(b.get("progressReportLink").asString()).as("no draft yet: the child's progress reports")
			.isEqualTo("/children/" + this.childB + "#progress-reports");
		Api.Response draft = this.bcba.api().post("/api/children/" + this.childB + "/progress-reports", body());
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		JsonNode withDraft = authorizationRow(this.admin.api().get("/api/reports/authorizations?" + SEPTEMBER).json(),
				ending.at("/id"));
		assertThat(withDraft.get("progressReportLink").asString()).as("the newest draft")
			.isEqualTo("/progress-reports/" + draft.at("/id"));

		Api.Response csv = this.admin.api().get("/api/reports/authorizations/authorizations.csv?" + SEPTEMBER);
		assertThat(csv.text())
			.contains("AUTH-97153-2026-09-01,97153,2026-09-01,2026-09-30,90,100,0,-10,true,2026-09-07");
	}

	@Test
	void moneyCountsAFamilysPaymentAndItsOpenBalance() {
		String child = this.clinic.aChild(this.admin, null, null, null);
		String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
		String period = "from=" + today + "&to=" + today;
		JsonNode before = this.admin.api().get("/api/reports/money?" + period).json();

		Api.Response item = this.admin.api()
			.post("/api/children/" + child + "/adjustments",
					body("amount", "100.00", "description", "Opening balance"));
		assertThat(item.status()).as(item.text()).isEqualTo(201);
		Api.Response payment = this.admin.api()
			.post("/api/children/" + child + "/payments",
					body("method", "check", "reference", "2001", "amount", "40.00", "receivedOn", today),
					"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(payment.status()).as(payment.text()).isEqualTo(201);

		JsonNode after = this.admin.api().get("/api/reports/money?" + period).json();
		assertThat(amount(after, "/collectedFamilies").subtract(amount(before, "/collectedFamilies")))
			.isEqualByComparingTo("40.00");
		assertThat(amount(after, "/collected").subtract(amount(before, "/collected"))).isEqualByComparingTo("40.00");
		assertThat(amount(after, "/outstanding/1/days0To30").subtract(amount(before, "/outstanding/1/days0To30")))
			.as("100.00 owed, 40.00 of it paid")
			.isEqualByComparingTo("60.00");
		assertThat(after.at("/outstanding/1/source").asString()).isEqualTo("families");
		assertThat(amount(after, "/outstanding/2/total").subtract(amount(before, "/outstanding/2/total")))
			.isEqualByComparingTo("60.00");
		assertThat(after.at("/currency").asString()).isEqualTo("USD");
	}

	/**
	 * Outstanding is as of the period's last day: what is dated after it does not count,
	 * and ages are measured on it. Hand-computed (as the billing aging's fixture): on the
	 * day, item A (100.00, 70 days old) less a 10.00 credit and the 30.00 paid before the
	 * day is 60.00 (61–90), item B (50.00, 20 days) 50.00 (0–30); the later payment, item
	 * and credit change nothing of it.
	 */
	@Test
	void moneyOutstandingIsAsOfThePeriodsLastDay() {
		String child = this.clinic.aChild(this.admin, null, null, null);
		LocalDate asOf = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(40);
		String period = "from=" + asOf.minusDays(30) + "&to=" + asOf;
		JsonNode before = this.admin.api().get("/api/reports/money?" + period).json();
		assertThat(before.at("/outstandingOn").asString()).isEqualTo(asOf.toString());

		String a = debit(child, "100.00", asOf.minusDays(70));
		String b = debit(child, "50.00", asOf.minusDays(20));
		familyPays(child, "30.00", asOf.minusDays(10));
		credit(child, a, "-10.00", asOf.minusDays(5));
		familyPays(child, "60.00", asOf.plusDays(5));
		debit(child, "40.00", asOf.plusDays(3));
		credit(child, b, "-20.00", asOf.plusDays(1));

		JsonNode after = this.admin.api().get("/api/reports/money?" + period).json();
		assertThat(amount(after, "/outstanding/1/days0To30").subtract(amount(before, "/outstanding/1/days0To30")))
			.isEqualByComparingTo("50.00");
		assertThat(amount(after, "/outstanding/1/days31To60").subtract(amount(before, "/outstanding/1/days31To60")))
			.isEqualByComparingTo("0.00");
		assertThat(amount(after, "/outstanding/1/days61To90").subtract(amount(before, "/outstanding/1/days61To90")))
			.isEqualByComparingTo("60.00");
		assertThat(amount(after, "/outstanding/1/total").subtract(amount(before, "/outstanding/1/total")))
			.isEqualByComparingTo("110.00");
		String csv = this.admin.api().get("/api/reports/money/outstanding.csv?" + period).text();
		assertThat(csv).contains(",USD," + asOf + "\r\n");
	}

	private String debit(String child, String amount, LocalDate on) {
		Api.Response item = this.admin.api()
			.post("/api/children/" + child + "/adjustments",
					body("amount", amount, "occurredOn", on.toString(), "description", "Sessions"));
		assertThat(item.status()).as(item.text()).isEqualTo(201);
		return item.at("/id");
	}

	private void credit(String child, String item, String amount, LocalDate on) {
		Api.Response credit = this.admin.api()
			.post("/api/children/" + child + "/adjustments",
					body("amount", amount, "occurredOn", on.toString(), "description", "Goodwill", "appliesTo", item));
		assertThat(credit.status()).as(credit.text()).isEqualTo(201);
	}

	private void familyPays(String child, String amount, LocalDate on) {
		Api.Response payment = this.admin.api()
			.post("/api/children/" + child + "/payments",
					body("method", "check", "reference", "2002", "amount", amount, "receivedOn", on.toString()),
					"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(payment.status()).as(payment.text()).isEqualTo(201);
	}

	private static BigDecimal amount(JsonNode json, String pointer) {
		return new BigDecimal(json.at(pointer).asString());
	}

	private static Map<String, Object> authorization(String code, int units, LocalDate start, LocalDate end) {
		return body("payer", "Blue Cross Blue Shield", "memberId", "XYZ123456789", "authorizationNumber",
				"AUTH-" + code + "-" + start, "serviceCode", code, "unitsAuthorized", units, "startDate",
				start.toString(), "endDate", end.toString());
	}

	private static JsonNode authorizationRow(JsonNode report, String id) {
		for (JsonNode row : report.get("rows")) {
			if (row.get("authorizationId").asString().equals(id)) {
				return row;
			}
		}
		throw new AssertionError("no row for authorization " + id + " in " + report);
	}

	private static JsonNode row(JsonNode report, Person technician) {
		for (JsonNode row : report.get("rows")) {
			if (row.get("technicianId").asString().equals(technician.id())) {
				return row;
			}
		}
		throw new AssertionError("no row for " + technician.id() + " in " + report);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new java.util.ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

	private static UUID uuid(Person person) {
		return UUID.fromString(person.id());
	}

	private static Instant at(int day, String time) {
		return Instant.parse("2026-09-%02dT%s:00Z".formatted(day, time));
	}

	/** An appointment booked, checked in and completed at its booked times. */
	private void completed(Person therapist, String child, String code, Instant start, int minutes) {
		Instant end = start.plus(minutes, ChronoUnit.MINUTES);
		Api.Response booked = this.admin.api()
			.post("/api/appointments", body("childId", child, "therapistId", therapist.id(), "serviceCode", code,
					"place", "clinic", "start", start.toString(), "end", end.toString()));
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		String id = booked.at("/occurrences/0/id");
		Api.Response checkedIn = this.admin.api().post("/api/appointments/" + id + "/check-in", "{}");
		assertThat(checkedIn.status()).as(checkedIn.text()).isEqualTo(200);
		Api.Response done = this.admin.api()
			.post("/api/appointments/" + id + "/complete",
					body("actualStart", start.toString(), "actualEnd", end.toString()));
		assertThat(done.status()).as(done.text()).isEqualTo(200);
	}

}
