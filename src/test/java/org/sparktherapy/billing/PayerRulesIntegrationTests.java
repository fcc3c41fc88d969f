package org.sparktherapy.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.CoveredChild;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;
import static org.sparktherapy.support.CoveredChild.day;

/**
 * Payer rules in the schedule (ADR 0031) through the API against the real database:
 * booking, moving, approving a change request and accepting an automatic week beyond a
 * child's authorization warn, or are refused where the clinic blocks; the solver plans no
 * more units than are left; past appointments nobody completed stop counting after the
 * grace period. The test clinic runs in UTC. The rules are one clinic-wide row: each test
 * that changes them puts the defaults back.
 */
@IntegrationTest
class PayerRulesIntegrationTests {

	@LocalServerPort
	int port;

	CoveredChild world;

	Clinic clinic;

	Person admin;

	Person parent;

	Person supervisor;

	Person technician;

	String childId;

	/** A Monday about three weeks ahead, 15:00 UTC. */
	Instant monday;

	@BeforeEach
	void setUp() {
		this.world = new CoveredChild(this.port);
		this.clinic = this.world.clinic();
		this.admin = this.world.admin();
		this.parent = this.world.parent();
		this.supervisor = this.world.supervisor();
		this.technician = this.world.technician();
		this.childId = this.world.childId();
		this.monday = this.world.monday();
	}

	@AfterEach
	void defaultRules() {
		this.world.defaultRules();
	}

	@Test
	void bookingBeyondTheAuthorizedUnitsWarnsNamingTheAuthorizationAndTheShortfall() {
		this.world.authorize("97153", 10, day(this.monday), day(this.monday).plusDays(13));

		Api.Response first = book("97153", this.monday, 120);
		Api.Response second = book("97153", this.monday.plus(1, ChronoUnit.DAYS), 120);

		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(first.json().get("warnings")).as("8 of 10 units").isEmpty();
		assertThat(second.status()).as("warned, booked all the same").isEqualTo(201);
		JsonNode warning = second.json().get("warnings").get(0);
		assertThat(warning.get("kind").asString()).isEqualTo("over");
		assertThat(warning.get("authorizationNumber").asString()).isEqualTo("AUTH-97153-" + day(this.monday));
		assertThat(warning.get("shortfallUnits").asInt()).isEqualTo(6);
		assertThat(warning.get("message").asString()).contains("AUTH-97153-", "6 units short", "16 used or planned");
		assertThat(second.json().get("warnings")).hasSize(1);
	}

	@Test
	void aBookingOutsideTheDatesOrOfACodeWithoutAuthorizationWarnsAndAPrivatePayChildIsNotChecked() {
		this.world.authorize("97153", 100, day(this.monday), day(this.monday).plusDays(6));

		Api.Response after = book("97153", this.monday.plus(7, ChronoUnit.DAYS), 60);
		Api.Response otherCode = book("97155", this.monday.plus(1, ChronoUnit.DAYS), 60);

		assertThat(after.at("/warnings/0/kind")).isEqualTo("outside_dates");
		assertThat(after.at("/warnings/0/shortfallUnits")).isEqualTo("4");
		assertThat(after.at("/warnings/0/message")).contains("outside authorization AUTH-97153-");
		assertThat(otherCode.at("/warnings/0/kind")).isEqualTo("no_authorization");
		assertThat(otherCode.at("/warnings/0/serviceCode")).isEqualTo("97155");

		String privatePay = this.clinic.aChild(this.admin, this.clinic.aParent(), this.supervisor, this.technician);
		Api.Response uncovered = this.admin.api()
			.post("/api/appointments", CoveredChild.booking(privatePay, this.technician, "97153",
					this.monday.plus(2, ChronoUnit.DAYS), 600));
		assertThat(uncovered.status()).as(uncovered.text()).isEqualTo(201);
		assertThat(uncovered.json().get("warnings")).as("no authorization at all: private pay").isEmpty();
	}

	@Test
	void theChildsCoveragesDecideWhichDaysAreCheckedAndAnInsuredChildWithoutAuthorizationIsWarned() {
		String payer = this.admin.api()
			.post("/api/payers", body("name", "Rules payer " + java.util.UUID.randomUUID()))
			.at("/id");
		LocalDate first = day(this.monday);
		// insured in the first week only; no authorization at all
		Api.Response coverage = this.admin.api()
			.post("/api/children/" + this.childId + "/coverages",
					body("payerId", payer, "memberId", "M-RULES", "subscriberName", "Pat Doe", "subscriberRelationship",
							"child", "startDate", first.toString(), "endDate", first.plusDays(6).toString()));
		assertThat(coverage.status()).as(coverage.text()).isEqualTo(201);

		Api.Response insured = book("97153", this.monday, 60);
		Api.Response privatePay = book("97153", this.monday.plus(7, ChronoUnit.DAYS), 60);

		assertThat(insured.status()).as(insured.text()).isEqualTo(201);
		assertThat(insured.at("/warnings/0/kind")).as("insured that day, and nothing authorized")
			.isEqualTo("no_authorization");
		assertThat(insured.at("/warnings/0/shortfallUnits")).isEqualTo("4");
		assertThat(privatePay.status()).as(privatePay.text()).isEqualTo(201);
		assertThat(privatePay.json().get("warnings")).as("no coverage that day: private pay, nothing to check")
			.isEmpty();
	}

	@Test
	void whereTheClinicBlocksABookingBeyondTheUnitsIsRefusedAndNothingIsBooked() {
		this.world.authorize("97153", 10, day(this.monday), day(this.monday).plusDays(13));
		book("97153", this.monday, 120);
		this.world.setRules("block", 7);

		Api.Response refused = book("97153", this.monday.plus(1, ChronoUnit.DAYS), 120);
		Api.Response fits = book("97153", this.monday.plus(2, ChronoUnit.DAYS), 30);

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.at("/type")).endsWith("/authorization-exceeded");
		assertThat(refused.at("/detail")).contains("AUTH-97153-", "6 units short", "nothing was booked");
		assertThat(refused.at("/warnings/0/shortfallUnits")).isEqualTo("6");
		assertThat(fits.status()).as("2 units more fit").isEqualTo(201);
		assertThat(this.admin.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.isEqualTo("2");
	}

	@Test
	void movingOutsideTheDatesWarnsOrWhereTheClinicBlocksIsRefusedAndNothingMoves() {
		this.world.authorize("97153", 100, day(this.monday), day(this.monday).plusDays(6));
		String id = book("97153", this.monday, 60).at("/occurrences/0/id");
		Instant later = this.monday.plus(8, ChronoUnit.DAYS);

		Api.Response moved = move(id, later);
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(moved.at("/warnings/0/kind")).isEqualTo("outside_dates");

		assertThat(move(id, this.monday).json().get("warnings")).isEmpty();
		this.world.setRules("block", 7);
		Api.Response refused = move(id, later);
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/authorization-exceeded");
		assertThat(Instant.parse(this.admin.api().get("/api/appointments/" + id).at("/start"))).isEqualTo(this.monday);
	}

	@Test
	void approvingAChangeRequestBeyondTheAuthorizationWarnsOrWhereTheClinicBlocksIsRefusedAndStaysPending() {
		this.world.authorize("97153", 100, day(this.monday), day(this.monday).plusDays(6));
		String first = book("97153", this.monday, 60).at("/occurrences/0/id");
		String second = book("97153", this.monday.plus(1, ChronoUnit.DAYS), 60).at("/occurrences/0/id");
		Instant outside = this.monday.plus(9, ChronoUnit.DAYS);

		Api.Response approved = this.admin.api()
			.post("/api/appointment-change-requests/" + proposeChange(first, outside) + "/approve", "{}");
		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		assertThat(approved.at("/status")).isEqualTo("approved");
		assertThat(approved.at("/warnings/0/kind")).isEqualTo("outside_dates");

		String pending = proposeChange(second, outside.plus(1, ChronoUnit.DAYS));
		this.world.setRules("block", 7);
		Api.Response refused = this.admin.api().post("/api/appointment-change-requests/" + pending + "/approve", "{}");
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/authorization-exceeded");
		assertThat(this.admin.api().get("/api/appointment-change-requests/" + pending).at("/status"))
			.isEqualTo("pending");
		assertThat(Instant.parse(this.admin.api().get("/api/appointments/" + second).at("/start")))
			.isEqualTo(this.monday.plus(1, ChronoUnit.DAYS));
	}

	@Test
	void aDraftWeekNeverPlansMoreUnitsThanTheAuthorizationHasLeft() {
		this.world.givenWeekdayHours(this.technician);
		// 6 hours prescribed: three sessions of 8 units; 20 units left: two of them
		this.world.authorize("97153", 20, day(this.monday).minusDays(7), day(this.monday).plusDays(30));
		this.world.setPreferences(6);

		Api.Response proposal = this.world.propose();

		assertThat(proposal.json().get("placed")).hasSize(2);
		assertThat(proposal.at("/unplaced/0/reason")).contains("authorization");
		assertThat(proposal.at("/score")).startsWith("0hard/");
	}

	@Test
	void acceptingADraftBeyondTheUnitsLeftWarnsOrWhereTheClinicBlocksBooksNothing() {
		this.world.givenWeekdayHours(this.technician);
		String authorization = this.world
			.authorize("97153", 40, day(this.monday).minusDays(7), day(this.monday).plusDays(30))
			.at("/id");
		this.world.setPreferences(4);
		String warned = this.world.propose().at("/id");
		String blocked = this.world.propose().at("/id");
		// the payer cuts the authorization after the drafts were made
		Api.Response cut = this.admin.api()
			.put("/api/authorizations/" + authorization,
					CoveredChild.terms("97153", 10, day(this.monday).minusDays(7), day(this.monday).plusDays(30)));
		assertThat(cut.status()).as(cut.text()).isEqualTo(200);

		this.world.setRules("block", 7);
		Api.Response refused = this.admin.api().post("/api/schedule/proposals/" + blocked + "/accept", "{}");
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/authorization-exceeded");
		assertThat(this.admin.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.isEqualTo("0");
		assertThat(this.admin.api().get("/api/schedule/proposals/" + blocked).at("/status")).isEqualTo("draft");

		this.world.setRules("warn", 7);
		Api.Response accepted = this.admin.api().post("/api/schedule/proposals/" + warned + "/accept", "{}");
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(accepted.at("/status")).isEqualTo("accepted");
		assertThat(accepted.at("/warnings/0/kind")).isEqualTo("over");
		assertThat(accepted.at("/warnings/0/shortfallUnits")).isEqualTo("6");
		assertThat(accepted.json().get("warnings")).as("one warning for the week, not one per session").hasSize(1);
	}

	@Test
	void aPastAppointmentNobodyCompletedStopsCountingAsPlannedAfterTheGracePeriod() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String id = this.world.authorize("97153", 100, today.minusDays(30), today.plusDays(30)).at("/id");
		// 4 units a week back to the day (the grace period's last day), 4 a day before
		book("97153", today.minusDays(7).atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC), 60);
		book("97153", today.minusDays(8).atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC), 60);

		assertThat(this.world.unitsScheduled(id)).as("7 days back still counts, 8 no longer").isEqualTo(4);
		this.world.setRules("warn", 8);
		assertThat(this.world.unitsScheduled(id)).isEqualTo(8);
		this.world.setRules("warn", 0);
		assertThat(this.world.unitsScheduled(id)).as("no grace: only today and ahead").isZero();
	}

	@Test
	void adminsReadAndChangeTheRulesWithTheVersionOthersAreRefused() {
		Api.Response read = this.admin.api().get(CoveredChild.RULES);
		assertThat(read.status()).as(read.text()).isEqualTo(200);
		assertThat(read.at("/enforcement")).isEqualTo("warn");
		assertThat(read.at("/graceDays")).isEqualTo("7");
		String etag = read.header("ETag");

		Api.Response changed = this.admin.api()
			.put(CoveredChild.RULES, body("enforcement", "block", "graceDays", 14), "If-Match", etag);
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.at("/enforcement")).isEqualTo("block");
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
		Api.Response stale = this.admin.api()
			.put(CoveredChild.RULES, body("enforcement", "warn", "graceDays", 7), "If-Match", etag);
		assertThat(stale.status()).isEqualTo(412);

		Api.Response bad = this.admin.api().put(CoveredChild.RULES, body("enforcement", "maybe", "graceDays", 91));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("/enforcement", "/graceDays");
		for (Person other : List.of(this.supervisor, this.technician, this.parent)) {
			assertThat(other.api().get(CoveredChild.RULES).status()).isEqualTo(403);
			assertThat(other.api().put(CoveredChild.RULES, body("enforcement", "warn", "graceDays", 7)).status())
				.isEqualTo(403);
		}
		assertThat(this.admin.api().get(CoveredChild.RULES).at("/enforcement")).as("unchanged by the refusals")
			.isEqualTo("block");
	}

	/**
	 * Books one appointment of the child with the technician, or with the supervisor for
	 * a service only a BCBA or BCaBA delivers.
	 */
	private Api.Response book(String serviceCode, Instant start, int minutes) {
		Person therapist = org.sparktherapy.vocabulary.ServiceCode.mayDeliver(org.sparktherapy.identity.Credential.RBT,
				serviceCode) ? this.technician : this.supervisor;
		return this.admin.api()
			.post("/api/appointments", CoveredChild.booking(this.childId, therapist, serviceCode, start, minutes));
	}

	private Api.Response move(String id, Instant start) {
		return this.admin.api()
			.put("/api/appointments/" + id,
					body("start", start.toString(), "end", start.plus(60, ChronoUnit.MINUTES).toString()));
	}

	private String proposeChange(String appointment, Instant start) {
		Api.Response proposed = this.technician.api()
			.post("/api/appointments/" + appointment + "/change-requests",
					body("start", start.toString(), "end", start.plus(60, ChronoUnit.MINUTES).toString()));
		assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
		return proposed.at("/id");
	}

}
