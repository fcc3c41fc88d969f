package org.sparktherapy.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

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
 * The appointment lifecycle follows the clock: check-in opens 30 minutes before the start
 * (the default of {@code spark.scheduling.check-in-opens-before}), a no-show and a
 * completion only after the start, a completion with its actual times, a submitted
 * session completes its appointment, a guardian co-signs only a session that has ended,
 * and an admin may override the clock with a recorded reason. Times are set relative to
 * the real clock with a minute's margin on either side of each boundary.
 */
@IntegrationTest
class AppointmentLifecycleIntegrationTests {

	@LocalServerPort
	int port;

	Clinic clinic;

	Person admin;

	Person technician;

	Person guardian;

	String childId;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.technician = this.clinic.aTherapist("RBT");
		this.guardian = this.clinic.aParent();
		this.childId = this.clinic.aChild(this.admin, this.guardian, this.clinic.aTherapist("BCBA"), this.technician);
	}

	@Test
	void checkInOpensThirtyMinutesBeforeTheStart() {
		String tooEarly = this.clinic.anAppointment(this.admin, this.childId, this.technician, fromNow(31));
		Person otherTechnician = this.clinic.aTherapist("RBT");
		String otherChild = this.clinic.aChild(this.admin, null, null, otherTechnician);
		String inTime = this.clinic.anAppointment(this.admin, otherChild, otherTechnician, fromNow(29));

		Api.Response refused = this.technician.api().post(path(tooEarly, "check-in"), "{}");
		Api.Response checkedIn = otherTechnician.api().post(path(inTime, "check-in"), "{}");

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/appointment-too-early");
		assertThat(refused.at("/detail")).contains("30 minutes before it starts");
		assertThat(Instant.parse(refused.at("/opensAt")))
			.isEqualTo(Instant.parse(get(tooEarly).at("/start")).minus(Duration.ofMinutes(30)));
		assertThat(get(tooEarly).at("/status")).isEqualTo("scheduled");
		assertThat(checkedIn.status()).as(checkedIn.text()).isEqualTo(200);
		assertThat(checkedIn.at("/status")).isEqualTo("checked_in");
		assertThat(Instant.parse(checkedIn.at("/checkInOpensAt")))
			.isEqualTo(Instant.parse(checkedIn.at("/start")).minus(Duration.ofMinutes(30)));
	}

	@Test
	void aNoShowIsRecordedOnlyAfterTheStart() {
		String upcoming = this.clinic.anAppointment(this.admin, this.childId, this.technician, fromNow(10));
		String started = this.clinic.anAppointment(this.admin, this.childId, this.technician, fromNow(-61));

		Api.Response refused = this.technician.api().post(path(upcoming, "no-show"), "{}");
		Api.Response missed = this.technician.api().post(path(started, "no-show"), "{}");

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/appointment-too-early");
		assertThat(get(upcoming).at("/status")).isEqualTo("scheduled");
		assertThat(missed.status()).as(missed.text()).isEqualTo(200);
		assertThat(missed.at("/status")).isEqualTo("no_show");
	}

	@Test
	void aCompletionComesOnlyAfterTheStart() {
		String upcoming = this.clinic.anAppointment(this.admin, this.childId, this.technician, fromNow(10));
		assertThat(this.technician.api().post(path(upcoming, "check-in"), "{}").status()).as("check-in is open")
			.isEqualTo(200);

		Api.Response refused = this.technician.api().post(path(upcoming, "complete"), "{}");

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/appointment-too-early");
		assertThat(get(upcoming).at("/status")).isEqualTo("checked_in");
		assertThat(get(upcoming).at("/sessionId")).as("no session opened by a refused completion").isNull();
	}

	@Test
	void aCompletionDefaultsToTheScheduledStartAndNowWhileTheAppointmentStillRuns() {
		Instant start = fromNow(-20);
		String running = this.clinic.anAppointment(this.admin, this.childId, this.technician, start);
		this.technician.api().post(path(running, "check-in"), "{}");
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		Api.Response completed = this.technician.api().post(path(running, "complete"), "{}");

		assertThat(completed.status()).as(completed.text()).isEqualTo(200);
		assertThat(Instant.parse(completed.at("/actualStart"))).isEqualTo(start);
		assertThat(Instant.parse(completed.at("/actualEnd"))).as("now, not the scheduled end 40 minutes ahead")
			.isBetween(before, Instant.now());
	}

	@Test
	void aCompletionTakesTheActualTimesWithinBounds() {
		Instant start = fromNow(-120);
		String past = this.clinic.anAppointment(this.admin, this.childId, this.technician, start);
		this.technician.api().post(path(past, "check-in"), "{}");

		Api.Response future = this.technician.api()
			.post(path(past, "complete"), body("actualStart", start.toString(), "actualEnd", fromNow(30).toString()));
		Api.Response beforeCheckIn = this.technician.api()
			.post(path(past, "complete"),
					body("actualStart", start.minus(Duration.ofMinutes(45)).toString(), "actualEnd", start.toString()));
		Api.Response backwards = this.technician.api()
			.post(path(past, "complete"), body("actualStart", start.plus(Duration.ofMinutes(30)).toString(),
					"actualEnd", start.plus(Duration.ofMinutes(10)).toString()));
		Api.Response completed = this.technician.api()
			.post(path(past, "complete"), body("actualStart", start.plus(Duration.ofMinutes(5)).toString(), "actualEnd",
					start.plus(Duration.ofMinutes(50)).toString()));

		assertPointer(future, "/actualEnd");
		assertPointer(beforeCheckIn, "/actualStart");
		assertPointer(backwards, "/actualEnd");
		assertThat(completed.status()).as(completed.text()).isEqualTo(200);
		assertThat(completed.at("/status")).isEqualTo("completed");
		assertThat(Instant.parse(completed.at("/actualStart"))).isEqualTo(start.plus(Duration.ofMinutes(5)));
		assertThat(Instant.parse(completed.at("/actualEnd"))).isEqualTo(start.plus(Duration.ofMinutes(50)));
		assertThat(Instant.parse(completed.at("/start"))).as("the booking stays as it was").isEqualTo(start);
	}

	@Test
	void anAdminOverridesTheClockWithAReasonThatIsRecorded() {
		Instant start = Clinic.aMondayAfternoonAhead();
		String ahead = this.clinic.anAppointment(this.admin, this.childId, this.technician, start);

		Api.Response plain = this.admin.api().post(path(ahead, "check-in"), "{}");
		Api.Response noReason = this.admin.api().post(path(ahead, "check-in"), body("override", body()));
		Api.Response blank = this.admin.api().post(path(ahead, "check-in"), body("override", body("reason", " ")));
		Api.Response byTheTechnician = this.technician.api()
			.post(path(ahead, "check-in"), body("override", body("reason", "Session moved up by phone")));
		Api.Response checkedIn = this.admin.api()
			.post(path(ahead, "check-in"), body("override", body("reason", "Session moved up by phone")));
		Api.Response completed = this.admin.api()
			.post(path(ahead, "complete"), body("override", body("reason", "Recorded from the paper sheet")));

		assertThat(plain.status()).as(plain.text()).isEqualTo(409);
		assertThat(noReason.status()).as(noReason.text()).isEqualTo(400);
		assertThat(noReason.at("/errors/0/pointer")).contains("override").contains("reason");
		assertThat(blank.status()).as(blank.text()).isEqualTo(400);
		assertThat(byTheTechnician.status()).as(byTheTechnician.text()).isEqualTo(403);
		assertThat(checkedIn.status()).as(checkedIn.text()).isEqualTo(200);
		assertThat(completed.status()).as(completed.text()).isEqualTo(200);
		assertThat(completed.at("/status")).isEqualTo("completed");
		assertThat(Instant.parse(completed.at("/actualEnd"))).as("as booked")
			.isEqualTo(start.plus(Duration.ofHours(1)));
		JsonNode history = this.admin.api().get("/api/children/" + this.childId + "/history?size=100").json();
		assertThat(history.get("content").findValuesAsString("action")).contains("checked_in_early", "completed_early");
		assertThat(history.get("content").findValuesAsString("to")).contains("Session moved up by phone",
				"Recorded from the paper sheet");
		for (JsonNode entry : history.get("content")) {
			if ("checked_in_early".equals(entry.get("action").asString())) {
				assertThat(entry.get("entityId").asString()).isEqualTo(ahead);
				assertThat(entry.get("by").get("id").asString()).isEqualTo(this.admin.id());
			}
		}
	}

	@Test
	void anAdminOverridesANoShowBeforeTheStart() {
		String ahead = this.clinic.anAppointment(this.admin, this.childId, this.technician, fromNow(120));

		Api.Response missed = this.admin.api()
			.post(path(ahead, "no-show"), body("override", body("reason", "The family called: the child is ill")));

		assertThat(missed.status()).as(missed.text()).isEqualTo(200);
		assertThat(missed.at("/status")).isEqualTo("no_show");
	}

	@Test
	void recordingChecksInAndOpensTheSessionAndSubmittingItCompletesTheAppointment() {
		Instant start = fromNow(-70);
		String appointment = this.clinic.anAppointment(this.admin, this.childId, this.technician, start);

		Api.Response recording = this.technician.api().post(path(appointment, "record"), "{}");
		assertThat(recording.status()).as(recording.text()).isEqualTo(200);
		assertThat(recording.at("/status")).isEqualTo("checked_in");
		String sessionId = recording.at("/sessionId");
		assertThat(sessionId).isNotNull();
		assertThat(this.technician.api().post(path(appointment, "record"), "{}").at("/sessionId"))
			.as("recording again opens the same session")
			.isEqualTo(sessionId);
		Instant ended = start.plus(Duration.ofMinutes(45));
		Api.Response edited = this.technician.api()
			.put("/api/sessions/" + sessionId, body("childId", this.childId, "serviceCode", "97153", "place", "clinic",
					"startedAt", start.toString(), "endedAt", ended.toString()));
		assertThat(edited.status()).as(edited.text()).isEqualTo(200);

		Api.Response submitted = this.technician.api()
			.post("/api/sessions/" + sessionId + "/submit", body("note", "Ended early: the child was tired."));

		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		Api.Response completed = get(appointment);
		assertThat(completed.at("/status")).isEqualTo("completed");
		assertThat(completed.at("/sessionStatus")).isEqualTo("submitted");
		assertThat(Instant.parse(completed.at("/actualStart"))).isEqualTo(start);
		assertThat(Instant.parse(completed.at("/actualEnd"))).as("the session's end").isEqualTo(ended);
	}

	@Test
	void recordingOpensWithCheckInAndSubmittingBeforeTheStartIsRefused() {
		String later = this.clinic.anAppointment(this.admin, this.childId, this.technician, fromNow(40));
		Person otherTechnician = this.clinic.aTherapist("RBT");
		String otherChild = this.clinic.aChild(this.admin, null, null, otherTechnician);
		String soon = this.clinic.anAppointment(this.admin, otherChild, otherTechnician, fromNow(20));

		Api.Response tooEarly = this.technician.api().post(path(later, "record"), "{}");
		Api.Response recording = otherTechnician.api().post(path(soon, "record"), "{}");
		String sessionId = recording.at("/sessionId");
		Api.Response submitted = otherTechnician.api().post("/api/sessions/" + sessionId + "/submit", "{}");

		assertThat(tooEarly.status()).as(tooEarly.text()).isEqualTo(409);
		assertThat(tooEarly.at("/type")).endsWith("/appointment-too-early");
		assertThat(get(later).at("/sessionId")).isNull();
		assertThat(recording.status()).as(recording.text()).isEqualTo(200);
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(409);
		assertThat(submitted.at("/type")).endsWith("/appointment-too-early");
		assertThat(otherTechnician.api().get("/api/sessions/" + sessionId).at("/status"))
			.as("the submission was rolled back")
			.isEqualTo("open");
		assertThat(get(soon).at("/status")).isEqualTo("checked_in");
	}

	@Test
	void aGuardianCoSignsOnlyASessionThatHasEnded() {
		String id = UUID.randomUUID().toString();
		Instant start = Instant.now().minus(Duration.ofMinutes(10));
		assertThat(this.technician.api()
			.put("/api/sessions/" + id,
					body("childId", this.childId, "serviceCode", "97153", "place", "clinic", "startedAt",
							start.toString(), "endedAt", start.plus(Duration.ofHours(1)).toString()))
			.status()).isEqualTo(201);
		assertThat(this.technician.api().post("/api/sessions/" + id + "/submit", "{}").status()).isEqualTo(200);

		Api.Response refused = this.guardian.api()
			.post("/api/sessions/" + id + "/guardian-signature",
					body("name", "Pat Guardian", "signature", "data:image/png;base64,iVBORw0KGgo="));

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/session-not-ended");
		assertThat(this.guardian.api().get("/api/sessions/" + id).at("/guardianSignature")).isNull();
	}

	private Api.Response get(String appointmentId) {
		return this.admin.api().get("/api/appointments/" + appointmentId);
	}

	private static String path(String appointmentId, String action) {
		return "/api/appointments/" + appointmentId + "/" + action;
	}

	/** This many minutes from now (negative: ago), to the second. */
	private static Instant fromNow(int minutes) {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(minutes));
	}

	private static void assertPointer(Api.Response response, String pointer) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.at("/errors/0/pointer")).as(response.text()).isEqualTo(pointer);
	}

}
