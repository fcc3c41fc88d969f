package org.sparktherapy.scheduling;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.CoveredChild;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;
import static org.sparktherapy.support.CoveredChild.day;

/**
 * Checks before saving (ADR 0031): {@code POST /api/appointments/check} and {@code POST
 * /api/appointments/{id}/check} answer the payer warnings a booking or move would get,
 * whether the clinic would refuse it, and its conflicts, writing nothing; a draft week's
 * adjustment is checked against the payer rules as accepting would check it. Real
 * database and billing's payer rules; the test clinic runs in UTC. Each test that changes
 * the clinic-wide rules puts the defaults back.
 */
@IntegrationTest
class BookingCheckIntegrationTests {

	@LocalServerPort
	int port;

	CoveredChild world;

	Clinic clinic;

	Person admin;

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
	void theCheckAnswersTheWarningsTheBookingThenGetsAndBooksNothing() {
		String authorization = this.world.authorize("97153", 10, day(this.monday), day(this.monday).plusDays(13))
			.at("/id");
		book(this.monday, 120);
		Map<String, Object> second = booking(this.monday.plus(1, ChronoUnit.DAYS), 120);

		Api.Response check = this.admin.api().post("/api/appointments/check", second);

		assertThat(check.status()).as(check.text()).isEqualTo(200);
		assertThat(check.at("/warnings/0/kind")).isEqualTo("over");
		assertThat(check.at("/warnings/0/authorizationNumber")).isEqualTo("AUTH-97153-" + day(this.monday));
		assertThat(check.at("/warnings/0/shortfallUnits")).isEqualTo("6");
		assertThat(check.at("/blocked")).as("the clinic warns").isEqualTo("false");
		assertThat(check.json().get("conflicts")).isEmpty();
		assertThat(appointments()).as("nothing booked by the check").isEqualTo(1);
		assertThat(this.world.unitsScheduled(authorization)).as("nothing planned by the check").isEqualTo(8);

		Api.Response booked = this.admin.api().post("/api/appointments", second);
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		assertThat(booked.json().get("warnings")).as("the same warnings as the check")
			.isEqualTo(check.json().get("warnings"));
		assertThat(appointments()).isEqualTo(2);
	}

	@Test
	void whereTheClinicBlocksTheCheckSaysTheBookingWillBeRefused() {
		this.world.authorize("97153", 10, day(this.monday), day(this.monday).plusDays(13));
		book(this.monday, 120);
		this.world.setRules("block", 7);
		Map<String, Object> second = booking(this.monday.plus(1, ChronoUnit.DAYS), 120);

		Api.Response check = this.admin.api().post("/api/appointments/check", second);
		Api.Response fits = this.admin.api()
			.post("/api/appointments/check", booking(this.monday.plus(2, ChronoUnit.DAYS), 30));

		assertThat(check.status()).as(check.text()).isEqualTo(200);
		assertThat(check.at("/blocked")).isEqualTo("true");
		assertThat(check.at("/warnings/0/shortfallUnits")).isEqualTo("6");
		assertThat(fits.at("/blocked")).as("2 units more fit: nothing to refuse").isEqualTo("false");
		assertThat(fits.json().get("warnings")).isEmpty();
		assertThat(appointments()).isEqualTo(1);
		Api.Response refused = this.admin.api().post("/api/appointments", second);
		assertThat(refused.status()).as("as the check said").isEqualTo(409);
		assertThat(refused.json().get("warnings")).isEqualTo(check.json().get("warnings"));
	}

	@Test
	void theCheckOfASeriesCountsEveryOccurrenceAndBooksNone() {
		this.world.authorize("97153", 10, day(this.monday), day(this.monday).plusDays(30));
		Map<String, Object> series = booking(this.monday, 60);
		series.put("recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=3");

		Api.Response check = this.admin.api().post("/api/appointments/check", series);

		assertThat(check.status()).as(check.text()).isEqualTo(200);
		assertThat(check.at("/warnings/0/kind")).isEqualTo("over");
		assertThat(check.at("/warnings/0/shortfallUnits")).as("3 × 4 units of 10").isEqualTo("2");
		assertThat(appointments()).isZero();
	}

	@Test
	void theCheckListsADoubleBookingWithoutBookingAndAPrivatePayChildGetsNoWarnings() {
		book(this.monday, 60);

		Api.Response check = this.admin.api().post("/api/appointments/check", booking(this.monday, 60));

		assertThat(check.status()).as(check.text()).isEqualTo(200);
		assertThat(check.at("/conflicts/0/kind")).isEqualTo("double-booking");
		assertThat(check.at("/conflicts/0/pointer")).isEqualTo("/occurrences/0");
		assertThat(check.at("/conflicts/0/detail")).contains("already has a session");
		assertThat(check.json().get("warnings")).as("no authorization at all: private pay").isEmpty();
		assertThat(appointments()).isEqualTo(1);
	}

	@Test
	void theCheckOfAMoveAnswersItsWarningsAndMovesNothing() {
		this.world.authorize("97153", 100, day(this.monday), day(this.monday).plusDays(6));
		Api.Response booked = book(this.monday, 60);
		String id = booked.at("/occurrences/0/id");
		Instant later = this.monday.plus(8, ChronoUnit.DAYS);
		Map<String, Object> move = body("start", later.toString(), "end",
				later.plus(60, ChronoUnit.MINUTES).toString());

		Api.Response check = this.admin.api().post("/api/appointments/" + id + "/check", move);
		Api.Response stay = this.admin.api()
			.post("/api/appointments/" + id + "/check", body("start", this.monday.plus(1, ChronoUnit.DAYS).toString()));

		assertThat(check.status()).as(check.text()).isEqualTo(200);
		assertThat(check.at("/warnings/0/kind")).isEqualTo("outside_dates");
		assertThat(check.at("/warnings/0/shortfallUnits")).isEqualTo("4");
		assertThat(check.json().get("conflicts")).as("not in its own way").isEmpty();
		assertThat(stay.json().get("warnings")).isEmpty();
		Api.Response unchanged = this.admin.api().get("/api/appointments/" + id);
		assertThat(Instant.parse(unchanged.at("/start"))).isEqualTo(this.monday);
		assertThat(unchanged.at("/version")).as("not even touched").isEqualTo(booked.at("/occurrences/0/version"));
		Api.Response moved = this.admin.api().put("/api/appointments/" + id, move);
		assertThat(moved.json().get("warnings")).isEqualTo(check.json().get("warnings"));
	}

	@Test
	void theCheckOfAMoveOntoAnotherSessionListsTheDoubleBookingAndMovesNothing() {
		String id = book(this.monday, 60).at("/occurrences/0/id");
		Instant taken = this.monday.plus(1, ChronoUnit.DAYS);
		book(taken, 60);

		Api.Response check = this.admin.api()
			.post("/api/appointments/" + id + "/check",
					body("start", taken.toString(), "end", taken.plus(60, ChronoUnit.MINUTES).toString()));

		assertThat(check.status()).as(check.text()).isEqualTo(200);
		assertThat(check.at("/conflicts/0/kind")).isEqualTo("double-booking");
		assertThat(Instant.parse(this.admin.api().get("/api/appointments/" + id).at("/start"))).isEqualTo(this.monday);
	}

	@Test
	void theCheckRefusesBadInputAndOthersAsBookingDoes() {
		Map<String, Object> bad = booking(this.monday, 60);
		bad.put("serviceCode", "12345");

		Api.Response invalid = this.admin.api().post("/api/appointments/check", bad);
		Api.Response technician = this.technician.api().post("/api/appointments/check", booking(this.monday, 60));

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType()).startsWith("application/problem+json");
		assertThat(invalid.text()).contains("/serviceCode");
		assertThat(technician.status()).isEqualTo(403);
		assertThat(technician.contentType()).startsWith("application/problem+json");
	}

	@Test
	void movingASessionOfADraftWeekOutsideTheAuthorizationWarnsOrWhereTheClinicBlocksIsRefused() {
		this.world.givenWeekdayHours(this.technician);
		// the authorization covers Monday to Wednesday; the draft places the 2 hours
		// there
		this.world.authorize("97153", 100, day(this.monday), day(this.monday).plusDays(2));
		this.world.setPreferences(2);
		Api.Response draft = this.world.propose();
		String placement = "/api/schedule/proposals/" + draft.at("/id") + "/placements/" + draft.at("/placed/0/id");
		Instant friday = this.monday.plus(4, ChronoUnit.DAYS);

		Api.Response warned = this.admin.api()
			.send("PATCH", placement,
					body("start", friday.toString(), "end", friday.plus(120, ChronoUnit.MINUTES).toString()));

		assertThat(warned.status()).as(warned.text()).isEqualTo(200);
		assertThat(Instant.parse(warned.at("/placed/0/start"))).isEqualTo(friday);
		assertThat(warned.at("/warnings/0/kind")).isEqualTo("outside_dates");
		assertThat(warned.at("/warnings/0/authorizationNumber")).isEqualTo("AUTH-97153-" + day(this.monday));
		assertThat(warned.at("/warnings/0/shortfallUnits")).isEqualTo("8");
		assertThat(appointments()).as("a draft books nothing").isZero();

		Api.Response back = this.admin.api()
			.send("PATCH", placement,
					body("start", this.monday.toString(), "end", this.monday.plus(120, ChronoUnit.MINUTES).toString()));
		assertThat(back.status()).as(back.text()).isEqualTo(200);
		assertThat(back.json().get("warnings")).isEmpty();

		this.world.setRules("block", 7);
		Api.Response refused = this.admin.api()
			.send("PATCH", placement,
					body("start", friday.toString(), "end", friday.plus(120, ChronoUnit.MINUTES).toString()));
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.at("/type")).endsWith("/authorization-exceeded");
		assertThat(refused.at("/warnings/0/kind")).isEqualTo("outside_dates");
		assertThat(
				Instant.parse(this.admin.api().get("/api/schedule/proposals/" + draft.at("/id")).at("/placed/0/start")))
			.as("the draft stays as it was")
			.isEqualTo(this.monday);
	}

	@Test
	void lengtheningASessionOfADraftWeekPastTheUnitsLeftWarns() {
		this.world.givenWeekdayHours(this.technician);
		// 8 units: the one 2-hour session the draft places, and not a minute more
		this.world.authorize("97153", 8, day(this.monday), day(this.monday).plusDays(6));
		this.world.setPreferences(2);
		Api.Response draft = this.world.propose();
		Instant start = day(Instant.parse(draft.at("/placed/0/start"))).atTime(15, 0).toInstant(ZoneOffset.UTC);
		assertThat(draft.json().get("placed")).hasSize(1);

		Api.Response longer = this.admin.api()
			.send("PATCH", "/api/schedule/proposals/" + draft.at("/id") + "/placements/" + draft.at("/placed/0/id"),
					body("start", start.toString(), "end", start.plus(180, ChronoUnit.MINUTES).toString()));

		assertThat(longer.status()).as(longer.text()).isEqualTo(200);
		assertThat(longer.at("/warnings/0/kind")).isEqualTo("over");
		assertThat(longer.at("/warnings/0/shortfallUnits")).isEqualTo("4");
	}

	private long appointments() {
		return this.admin.api()
			.get("/api/appointments?childId=" + this.childId)
			.json()
			.get("page")
			.get("totalElements")
			.asLong();
	}

	private Api.Response book(Instant start, int minutes) {
		Api.Response booked = this.admin.api().post("/api/appointments", booking(start, minutes));
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		return booked;
	}

	/** A 97153 of the child with the technician. */
	private Map<String, Object> booking(Instant start, int minutes) {
		return CoveredChild.booking(this.childId, this.technician, "97153", start, minutes);
	}

}
