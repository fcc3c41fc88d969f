package org.sparktherapy.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Children's schedule preferences and automatic weekly schedules; the test clinic's time
 * zone is UTC.
 */
@IntegrationTest
class ScheduleProposalIntegrationTests {

	static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

	@LocalServerPort
	int port;

	Clinic clinic;

	Person admin;

	Person supervisor;

	Person technician;

	Person guardian;

	String childId;

	/** A Monday a few weeks ahead. */
	LocalDate week;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.guardian = this.clinic.aParent();
		this.childId = this.clinic.aChild(this.admin, this.guardian, this.supervisor, this.technician);
		this.week = Clinic.aMondayAhead();
	}

	@Test
	void anAdminSetsAChildsPreferencesAndTheFamilyAndTeamReadThem() {
		Api.Response stored = setPreferences(this.childId, afterSchool(), 10, "home");

		assertThat(stored.status()).as(stored.text()).isEqualTo(200);
		assertThat(stored.json().get("availableHours")).hasSize(5);
		assertThat(stored.at("/availableHours/0/weekday")).isEqualTo("MONDAY");
		assertThat(stored.at("/availableHours/0/start")).startsWith("15:00");
		assertThat(stored.at("/prescribedWeeklyHours/0/serviceCode")).isEqualTo("97153");
		assertThat(stored.at("/prescribedWeeklyHours/0/hours")).isEqualTo("10");
		assertThat(stored.at("/preferredPlace")).isEqualTo("home");
		String path = "/api/children/" + this.childId + "/schedule-preferences";
		assertThat(this.guardian.api().get(path).at("/preferredPlace")).isEqualTo("home");
		assertThat(this.technician.api().get(path).status()).isEqualTo(200);
		assertThat(this.clinic.aParent().api().get(path).status()).isEqualTo(404);
		assertThat(this.supervisor.api().put(path, preferences(afterSchool(), 4, "clinic")).status())
			.as("only admins change them")
			.isEqualTo(403);
	}

	@Test
	void refusesOverlappingAvailableHoursAndHoursOutOfRange() {
		Api.Response overlapping = setPreferences(this.childId,
				List.of(body("weekday", "MONDAY", "start", "09:00", "end", "12:00"),
						body("weekday", "MONDAY", "start", "11:00", "end", "14:00")),
				4, null);
		Api.Response tooMany = setPreferences(this.childId, afterSchool(), 41, null);
		Api.Response unknownService = this.admin.api()
			.put("/api/children/" + this.childId + "/schedule-preferences", body("availableHours", afterSchool(),
					"prescribedWeeklyHours", List.of(body("serviceCode", "99999", "hours", 2))));

		assertThat(overlapping.status()).as(overlapping.text()).isEqualTo(400);
		assertThat(overlapping.at("/errors/0/pointer")).isEqualTo("/availableHours/1");
		assertThat(tooMany.status()).as(tooMany.text()).isEqualTo(400);
		assertThat(unknownService.status()).isEqualTo(400);
		assertThat(unknownService.at("/errors/0/pointer")).isEqualTo("/prescribedWeeklyHours/0/serviceCode");
		assertThat(this.admin.api()
			.get("/api/children/" + this.childId + "/schedule-preferences")
			.json()
			.get("prescribedWeeklyHours")).as("nothing changed").isEmpty();
	}

	@Test
	void proposesAWeekWithinEveryonesHoursAndSaysWhatItCannotPlace() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 6, "home");
		Person unavailable = this.clinic.aTherapist("RBT");
		String otherChild = this.clinic.aChild(this.admin, null, null, unavailable);
		setPreferences(otherChild, afterSchool(), 4, "clinic");

		Api.Response proposal = propose(this.childId, otherChild);

		assertThat(proposal.status()).as(proposal.text()).isEqualTo(201);
		assertThat(proposal.header("Location")).endsWith("/api/schedule/proposals/" + proposal.at("/id"));
		assertThat(proposal.at("/status")).isEqualTo("draft");
		assertThat(proposal.at("/weekStart")).isEqualTo(this.week.toString());
		assertThat(proposal.at("/score")).startsWith("0hard/-240medium/");
		assertThat(proposal.at("/scoreSummary")).startsWith("All rules met; 4 hours not placed; ");
		JsonNode placed = proposal.json().get("placed");
		assertThat(placed).hasSize(3);
		List<LocalDate> days = new ArrayList<>();
		for (JsonNode session : placed) {
			assertThat(session.get("childId").asString()).isEqualTo(this.childId);
			assertThat(session.get("therapistId").asString()).isEqualTo(this.technician.id());
			assertThat(session.get("place").asString()).isEqualTo("home");
			Instant start = Instant.parse(session.get("start").asString());
			Instant end = Instant.parse(session.get("end").asString());
			assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(2));
			assertThat(start.atZone(ZoneOffset.UTC).getHour()).isBetween(15, 16);
			days.add(start.atZone(ZoneOffset.UTC).toLocalDate());
		}
		assertThat(days).as("spread across days").doesNotHaveDuplicates();
		assertThat(proposal.at("/unplaced/0/childId")).isEqualTo(otherChild);
		assertThat(proposal.at("/unplaced/0/hours")).isEqualTo("4");
		assertThat(proposal.at("/unplaced/0/reason")).isEqualTo("no care-team therapist has weekly availability");
		assertThat(this.admin.api().get("/api/schedule/proposals/" + proposal.at("/id")).at("/placed/2/start"))
			.isEqualTo(proposal.at("/placed/2/start"));
	}

	@Test
	void acceptingBooksEveryPlacedSessionOnce() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 4, "clinic");
		Api.Response proposal = propose(this.childId);
		String path = "/api/schedule/proposals/" + proposal.at("/id");

		Api.Response accepted = this.admin.api().post(path + "/accept", "{}");

		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(accepted.at("/status")).isEqualTo("accepted");
		assertThat(accepted.at("/placed/0/appointmentId")).isNotNull();
		Api.Response booked = this.admin.api().get("/api/appointments?childId=" + this.childId);
		assertThat(booked.at("/page/totalElements")).isEqualTo("2");
		assertThat(booked.text()).contains(accepted.at("/placed/0/appointmentId"),
				accepted.at("/placed/1/appointmentId"));
		Api.Response again = this.admin.api().post(path + "/accept", "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.at("/type")).endsWith("/proposal-already-accepted");
		assertThat(this.admin.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.isEqualTo("2");
	}

	@Test
	void acceptingAfterTheScheduleChangedBooksNothingAndListsTheConflicts() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 4, "clinic");
		Api.Response proposal = propose(this.childId);
		String start = proposal.at("/placed/1/start");
		Api.Response off = this.admin.api()
			.post("/api/therapists/" + this.technician.id() + "/time-off",
					body("start", start, "end", proposal.at("/placed/1/end"), "reason", "Training"));
		assertThat(off.status()).as(off.text()).isEqualTo(201);

		Api.Response refused = this.admin.api().post("/api/schedule/proposals/" + proposal.at("/id") + "/accept", "{}");

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/proposal-conflict");
		assertThat(refused.json().get("errors")).hasSize(1);
		assertThat(refused.at("/errors/0/pointer")).isEqualTo("/placed/1");
		assertThat(refused.at("/errors/0/detail")).contains("time off");
		assertThat(this.admin.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.as("nothing half-booked")
			.isEqualTo("0");
		assertThat(this.admin.api().get("/api/schedule/proposals/" + proposal.at("/id")).at("/status"))
			.isEqualTo("draft");
	}

	@Test
	void aProposalWritesTheAccessLogForEveryChildItTouches() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 2, "clinic");
		String unscheduled = this.clinic.aChild(this.admin, null, null, null);
		setPreferences(unscheduled, afterSchool(), 2, "clinic");
		Instant before = Instant.now().minusSeconds(1);

		String id = propose(this.childId, unscheduled).at("/id");

		for (String child : List.of(this.childId, unscheduled)) {
			Api.Response log = this.admin.api()
				.get("/api/audit?childId=" + child + "&userId=" + this.admin.id() + "&from=" + before);
			assertThat(log.json().get("content")).as(log.text()).anySatisfy(entry -> {
				assertThat(entry.get("action").asString()).isEqualTo("create");
				assertThat(entry.get("resourceType").asString()).isEqualTo("scheduleProposal");
				assertThat(entry.get("resourceId").asString()).isEqualTo(id);
			});
		}
	}

	@Test
	void refusesAWeekThatDoesNotStartOnAMonday() {
		Api.Response refused = this.admin.api()
			.post("/api/schedule/proposals",
					body("weekStart", this.week.plusDays(1).toString(), "childIds", List.of(this.childId)));

		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.at("/errors/0/pointer")).isEqualTo("/weekStart");
	}

	@Test
	void onlyAdminsProposeReadAndAcceptProposals() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 2, "clinic");
		String path = "/api/schedule/proposals/" + propose(this.childId).at("/id");
		Map<String, Object> request = body("weekStart", this.week.toString(), "childIds", List.of(this.childId));

		assertThat(this.supervisor.api().post("/api/schedule/proposals", request).status()).isEqualTo(403);
		assertThat(this.guardian.api().post("/api/schedule/proposals", request).status()).isEqualTo(403);
		assertThat(this.supervisor.api().get(path).status()).isEqualTo(404);
		assertThat(this.technician.api().post(path + "/accept", "{}").status()).isEqualTo(404);
		assertThat(this.guardian.api().get(path).status()).isEqualTo(404);
		assertThat(this.clinic.api().get(path).status()).isEqualTo(401);
		assertThat(this.admin.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.isEqualTo("0");
	}

	@Test
	void anAdminMovesAPlacedSessionToAnotherDayAndTherapistBeforeAccepting() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		givenWeekdayHours(this.supervisor, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 4, "clinic");
		Api.Response proposal = propose(this.childId);
		String path = "/api/schedule/proposals/" + proposal.at("/id");
		Instant free = freeWeekday(proposal).atTime(14, 30).toInstant(ZoneOffset.UTC);

		Api.Response adjusted = this.admin.api()
			.send("PATCH", path + "/placements/" + proposal.at("/placed/0/id"),
					body("start", free.toString(), "therapistId", this.supervisor.id()), "If-Match", "\"0\"");

		assertThat(adjusted.status()).as(adjusted.text()).isEqualTo(200);
		assertThat(adjusted.header("ETag")).isEqualTo("\"1\"");
		assertThat(Instant.parse(adjusted.at("/placed/0/start"))).isEqualTo(free);
		assertThat(Instant.parse(adjusted.at("/placed/0/end"))).as("the length stays")
			.isEqualTo(free.plusSeconds(7200));
		assertThat(adjusted.at("/placed/0/therapistId")).isEqualTo(this.supervisor.id());
		Api.Response accepted = this.admin.api().post(path + "/accept", "{}");
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		Api.Response appointment = this.admin.api().get("/api/appointments/" + accepted.at("/placed/0/appointmentId"));
		assertThat(Instant.parse(appointment.at("/start"))).isEqualTo(free);
		assertThat(appointment.at("/therapist/id")).isEqualTo(this.supervisor.id());
	}

	@Test
	void anAdjustmentIntoAConflictIsRefusedAndTheDraftStaysAsItWas() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 4, "clinic");
		Api.Response proposal = propose(this.childId);
		String placement = "/api/schedule/proposals/" + proposal.at("/id") + "/placements/"
				+ proposal.at("/placed/0/id");
		Instant other = Instant.parse(proposal.at("/placed/1/start"));
		Instant evening = freeWeekday(proposal).atTime(20, 0).toInstant(ZoneOffset.UTC);

		Api.Response onTheOther = this.admin.api().send("PATCH", placement, body("start", other.toString()));
		Api.Response afterHours = this.admin.api().send("PATCH", placement, body("start", evening.toString()));
		Api.Response nextWeek = this.admin.api()
			.send("PATCH", placement, body("start", other.plus(Duration.ofDays(7)).toString()));
		Api.Response backwards = this.admin.api()
			.send("PATCH", placement, body("start", other.toString(), "end", other.minusSeconds(60).toString()));
		Api.Response outsider = this.admin.api()
			.send("PATCH", placement,
					body("start", other.toString(), "therapistId", this.clinic.aTherapist("RBT").id()));
		Api.Response stale = this.admin.api()
			.send("PATCH", placement, body("start", evening.minusSeconds(3600 * 4).toString()), "If-Match", "\"7\"");

		assertThat(onTheOther.status()).as(onTheOther.text()).isEqualTo(409);
		assertThat(onTheOther.at("/type")).endsWith("/placement-conflict");
		assertThat(onTheOther.at("/errors/0/detail")).contains("another session of this proposal");
		assertThat(afterHours.status()).isEqualTo(409);
		assertThat(afterHours.at("/errors/0/detail")).contains("not available");
		assertThat(nextWeek.status()).isEqualTo(400);
		assertThat(nextWeek.at("/errors/0/pointer")).isEqualTo("/start");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.at("/errors/0/pointer")).isEqualTo("/end");
		assertThat(outsider.status()).isEqualTo(400);
		assertThat(outsider.at("/errors/0/pointer")).isEqualTo("/therapistId");
		assertThat(stale.status()).isEqualTo(412);
		Api.Response unchanged = this.admin.api().get("/api/schedule/proposals/" + proposal.at("/id"));
		assertThat(unchanged.at("/version")).isEqualTo("0");
		assertThat(unchanged.at("/placed/0/start")).isEqualTo(proposal.at("/placed/0/start"));
	}

	@Test
	void removingAPlacedSessionListsItsHoursAsUnplacedAndAcceptingBooksTheRest() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 4, "clinic");
		Api.Response proposal = propose(this.childId);
		String path = "/api/schedule/proposals/" + proposal.at("/id");

		Api.Response removed = this.admin.api().delete(path + "/placements/" + proposal.at("/placed/1/id"));

		assertThat(removed.status()).as(removed.text()).isEqualTo(200);
		assertThat(removed.json().get("placed")).hasSize(1);
		assertThat(removed.at("/unplaced/0/hours")).isEqualTo("2");
		assertThat(removed.at("/unplaced/0/reason")).isEqualTo("removed from the draft by an admin");
		assertThat(this.admin.api().delete(path + "/placements/" + proposal.at("/placed/1/id")).status())
			.isEqualTo(404);
		assertThat(this.technician.api().delete(path + "/placements/" + proposal.at("/placed/0/id")).status())
			.isEqualTo(404);
		assertThat(this.admin.api().post(path + "/accept", "{}").status()).isEqualTo(200);
		assertThat(this.admin.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.isEqualTo("1");
		assertThat(this.admin.api().delete(path + "/placements/" + proposal.at("/placed/0/id")).at("/type"))
			.as("an accepted proposal is not adjusted")
			.endsWith("/proposal-already-accepted");
	}

	@Test
	void aShortenedSessionRemovedFromTheDraftCountsItsMinutesNotWholeHours() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 4, "clinic");
		Api.Response proposal = propose(this.childId);
		String path = "/api/schedule/proposals/" + proposal.at("/id");
		String placement = path + "/placements/" + proposal.at("/placed/0/id");
		Instant start = Instant.parse(proposal.at("/placed/0/start"));

		Api.Response shortened = this.admin.api()
			.send("PATCH", placement, body("start", start.toString(), "end", start.plusSeconds(90 * 60).toString()));
		assertThat(shortened.status()).as(shortened.text()).isEqualTo(200);
		Api.Response removed = this.admin.api().delete(placement);

		assertThat(removed.status()).as(removed.text()).isEqualTo(200);
		assertThat(removed.json().get("unplaced").get(0).get("hours").decimalValue())
			.isEqualByComparingTo(new java.math.BigDecimal("1.5"));
	}

	@Test
	void aChildWithFourOfSixHoursBookedGetsOnlyTwoPlannedAroundTheBookedOnesWhichTheDraftShows() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 6, "clinic");
		String monday = book(this.childId, this.technician, "97153", this.week, "15:00", "17:00");
		String tuesday = book(this.childId, this.technician, "97153", this.week.plusDays(1), "15:00", "17:00");

		Api.Response proposal = propose(this.childId);

		JsonNode placed = proposal.json().get("placed");
		assertThat(placed).hasSize(1);
		Instant start = Instant.parse(placed.get(0).get("start").asString());
		assertThat(Duration.between(start, Instant.parse(placed.get(0).get("end").asString())))
			.isEqualTo(Duration.ofHours(2));
		assertThat(start.atZone(ZoneOffset.UTC).toLocalDate()).as("clear of the booked days")
			.isNotIn(this.week, this.week.plusDays(1));
		assertThat(proposal.json().get("unplaced")).isEmpty();
		assertThat(proposal.json().get("existing")).extracting(e -> e.get("appointmentId").asString())
			.containsExactly(monday, tuesday);
		assertThat(proposal.at("/existing/0/serviceCode")).isEqualTo("97153");
		assertThat(proposal.at("/existing/0/therapistId")).isEqualTo(this.technician.id());
		assertThat(proposal.at("/summary/sessions")).isEqualTo("1");
		assertThat(proposal.at("/summary/hours")).isEqualTo("2");
		assertThat(proposal.at("/summary/perChild/0/alreadyBookedHours")).isEqualTo("4");
		assertThat(proposal.at("/summary/perChild/0/hours")).isEqualTo("2");
		Api.Response accepted = this.admin.api()
			.post("/api/schedule/proposals/" + proposal.at("/id") + "/accept", "{}");
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(accepted.json().get("existing")).as("its own appointments are not listed as existing").hasSize(2);
		assertThat(this.admin.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.as("6 prescribed hours, 6 booked")
			.isEqualTo("3");
	}

	@Test
	void givesSupervisionOnlyToTheSupervisorAndRefusesToMoveItToTheTechnician() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		givenWeekdayHours(this.supervisor, "14:00", "19:00");
		Api.Response stored = this.admin.api()
			.put("/api/children/" + this.childId + "/schedule-preferences",
					body("availableHours", afterSchool(), "prescribedWeeklyHours",
							List.of(body("serviceCode", "97153", "hours", 4), body("serviceCode", "97155", "hours", 2),
									body("serviceCode", "97151", "hours", 1))));
		assertThat(stored.status()).as(stored.text()).isEqualTo(200);

		Api.Response proposal = propose(this.childId);

		JsonNode placed = proposal.json().get("placed");
		assertThat(placed).hasSize(4);
		String supervision = null;
		for (JsonNode session : placed) {
			String code = session.get("serviceCode").asString();
			String expected = code.equals("97153") ? this.technician.id() : this.supervisor.id();
			assertThat(session.get("therapistId").asString()).as(code).isEqualTo(expected);
			if (code.equals("97155")) {
				supervision = session.get("id").asString();
			}
		}
		assertThat(proposal.at("/scoreSummary")).startsWith("All rules met; every prescribed hour placed; ");
		Api.Response toTheTechnician = this.admin.api()
			.send("PATCH", "/api/schedule/proposals/" + proposal.at("/id") + "/placements/" + supervision,
					body("start", startOf(placed, supervision), "therapistId", this.technician.id()));
		assertThat(toTheTechnician.status()).as(toTheTechnician.text()).isEqualTo(400);
		assertThat(toTheTechnician.at("/errors/0/pointer")).isEqualTo("/therapistId");
		assertThat(toTheTechnician.at("/errors/0/detail")).contains("may not deliver 97155");
	}

	@Test
	void leavesSupervisionUnplacedWhenNoSupervisorCanTakeIt() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		Api.Response stored = this.admin.api()
			.put("/api/children/" + this.childId + "/schedule-preferences", body("availableHours", afterSchool(),
					"prescribedWeeklyHours", List.of(body("serviceCode", "97155", "hours", 2))));
		assertThat(stored.status()).as(stored.text()).isEqualTo(200);

		Api.Response proposal = propose(this.childId);

		assertThat(proposal.json().get("placed")).as("no 97155 for an RBT").isEmpty();
		assertThat(proposal.at("/unplaced/0/reason")).contains("may deliver 97155");
	}

	@Test
	void theSummarySaysWhatAcceptingBooksPerChildAndTherapist() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 4, "clinic");
		String second = this.clinic.aChild(this.admin, null, null, this.technician);
		setPreferences(second, afterSchool(), 3, "clinic");
		String unstaffed = this.clinic.aChild(this.admin, null, null, null);
		setPreferences(unstaffed, afterSchool(), 2, "clinic");

		Api.Response proposal = propose(this.childId, second, unstaffed);

		JsonNode summary = proposal.json().get("summary");
		assertThat(summary.get("sessions").asInt()).isEqualTo(3);
		assertThat(summary.get("hours").asString()).isEqualTo("7");
		assertThat(summary.get("children").asInt()).isEqualTo(2);
		assertThat(summary.get("unplacedHours").asString()).isEqualTo("2");
		Map<String, String> perChild = new java.util.HashMap<>();
		summary.get("perChild")
			.forEach(c -> perChild.put(c.get("childId").asString(), c.get("sessions").asInt() + "/"
					+ c.get("hours").asString() + "/" + c.get("unplacedHours").asString()));
		assertThat(perChild)
			.containsExactlyInAnyOrderEntriesOf(Map.of(this.childId, "2/4/0", second, "1/3/0", unstaffed, "0/0/2"));
		assertThat(summary.get("perTherapist")).singleElement().satisfies(t -> {
			assertThat(t.get("therapistId").asString()).isEqualTo(this.technician.id());
			assertThat(t.get("sessions").asInt()).isEqualTo(3);
			assertThat(t.get("hours").asString()).isEqualTo("7");
		});
	}

	@Test
	void acceptingAfterMoreOfTheServiceWasBookedSinceBooksNothing() {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 2, "clinic");
		Api.Response proposal = propose(this.childId);
		LocalDate other = freeWeekday(proposal);
		String manual = book(this.childId, this.technician, "97153", other, "15:00", "17:00");

		Api.Response refused = this.admin.api().post("/api/schedule/proposals/" + proposal.at("/id") + "/accept", "{}");

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/proposal-conflict");
		assertThat(refused.at("/errors/0/detail")).contains("since the draft was made");
		Api.Response booked = this.admin.api().get("/api/appointments?childId=" + this.childId);
		assertThat(booked.at("/page/totalElements")).as("only the one booked by hand").isEqualTo("1");
		assertThat(booked.at("/content/0/id")).isEqualTo(manual);
	}

	@Test
	void twoAdminsAcceptingAtOnceBookTheWeekOnce() throws Exception {
		givenWeekdayHours(this.technician, "14:00", "19:00");
		setPreferences(this.childId, afterSchool(), 6, "clinic");
		String path = "/api/schedule/proposals/" + propose(this.childId).at("/id") + "/accept";
		Person otherAdmin = this.clinic.anAdmin();

		List<Integer> statuses;
		try (var executor = java.util.concurrent.Executors.newFixedThreadPool(2)) {
			var first = executor.submit(() -> this.admin.api().post(path, "{}").status());
			var second = executor.submit(() -> otherAdmin.api().post(path, "{}").status());
			statuses = List.of(first.get(), second.get());
		}

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(this.admin.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.isEqualTo("3");
	}

	private static String startOf(JsonNode placed, String id) {
		for (JsonNode session : placed) {
			if (session.get("id").asString().equals(id)) {
				return session.get("start").asString();
			}
		}
		throw new IllegalArgumentException(id);
	}

	/**
	 * Books an appointment of the child with the therapist on the day (UTC), answering
	 * its id.
	 */
	private String book(String childId, Person therapist, String serviceCode, LocalDate day, String start, String end) {
		Api.Response booked = this.admin.api()
			.post("/api/appointments",
					body("childId", childId, "therapistId", therapist.id(), "serviceCode", serviceCode, "place",
							"clinic", "start", day + "T" + start + ":00Z", "end", day + "T" + end + ":00Z"));
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		return booked.at("/occurrences/0/id");
	}

	/** A weekday of the proposal's week on which nothing is placed. */
	private LocalDate freeWeekday(Api.Response proposal) {
		List<LocalDate> taken = new ArrayList<>();
		proposal.json()
			.get("placed")
			.forEach(p -> taken.add(Instant.parse(p.get("start").asString()).atZone(ZoneOffset.UTC).toLocalDate()));
		return this.week.datesUntil(this.week.plusDays(5)).filter(d -> !taken.contains(d)).findFirst().orElseThrow();
	}

	private Api.Response propose(String... childIds) {
		Api.Response proposal = this.admin.api()
			.post("/api/schedule/proposals", body("weekStart", this.week.toString(), "childIds", List.of(childIds)));
		assertThat(proposal.status()).as(proposal.text()).isEqualTo(201);
		return proposal;
	}

	private void givenWeekdayHours(Person therapist, String start, String end) {
		Api.Response hours = this.admin.api()
			.put("/api/therapists/" + therapist.id() + "/availability", body("blocks",
					WEEKDAYS.stream().map(d -> body("weekday", d, "start", start, "end", end)).toList()));
		assertThat(hours.status()).as(hours.text()).isEqualTo(200);
	}

	private Api.Response setPreferences(String childId, List<Map<String, Object>> hours, int weeklyHours,
			String place) {
		return this.admin.api()
			.put("/api/children/" + childId + "/schedule-preferences", preferences(hours, weeklyHours, place));
	}

	private static Map<String, Object> preferences(List<Map<String, Object>> hours, int weeklyHours, String place) {
		return body("availableHours", hours, "prescribedWeeklyHours",
				List.of(body("serviceCode", "97153", "hours", weeklyHours)), "preferredPlace", place);
	}

	/** Weekdays 15:00–18:00. */
	private static List<Map<String, Object>> afterSchool() {
		return WEEKDAYS.stream().map(d -> body("weekday", d, "start", "15:00", "end", "18:00")).toList();
	}

}
