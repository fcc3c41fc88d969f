package org.sparktherapy.scheduling;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
 * Therapists propose changes of their appointments; admins approve or decline. The test
 * clinic runs in UTC.
 */
@IntegrationTest
class ChangeRequestIntegrationTests {

	@LocalServerPort
	int port;

	Clinic clinic;

	Person admin;

	Person supervisor;

	Person technician;

	Person guardian;

	String childId;

	/** A Monday 15:00 (clinic time) a few weeks ahead. */
	Instant monday;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.guardian = this.clinic.aParent();
		this.childId = this.clinic.aChild(this.admin, this.guardian, this.supervisor, this.technician);
		this.monday = Clinic.aMondayAfternoonAhead();
	}

	@Test
	void aTherapistProposesAndAnAdminApprovesMovingTheAppointment() {
		String appointment = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		Instant later = this.monday.plus(26, ChronoUnit.HOURS);

		Api.Response proposed = propose(this.technician, appointment, later, 90, null, "Clinic room is booked");
		assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
		String id = proposed.at("/id");
		assertThat(proposed.header("Location")).endsWith("/api/appointment-change-requests/" + id);
		assertThat(proposed.at("/status")).isEqualTo("pending");
		assertThat(proposed.at("/stale")).isEqualTo("false");
		assertThat(start(appointment)).as("nothing moves before approval").isEqualTo(this.monday);

		JsonNode pending = this.admin.api().get("/api/appointment-change-requests?status=pending&size=200").json();
		assertThat(pending.get("content")).anyMatch(r -> r.get("id").asString().equals(id));

		Api.Response approved = this.admin.api().post("/api/appointment-change-requests/" + id + "/approve", "{}");
		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		assertThat(approved.at("/status")).isEqualTo("approved");
		assertThat(approved.at("/decidedBy/id")).isEqualTo(this.admin.id());
		assertThat(start(appointment)).isEqualTo(later);
		assertThat(Instant.parse(this.admin.api().get("/api/appointments/" + appointment).at("/end")))
			.isEqualTo(later.plus(90, ChronoUnit.MINUTES));
		assertThat(this.technician.api().get("/api/appointment-change-requests/" + id).at("/status"))
			.as("the therapist sees the outcome")
			.isEqualTo("approved");
	}

	@Test
	void aProposerWhoLeftTheCareTeamNoLongerSeesTheRequest() {
		String appointment = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		Api.Response proposed = propose(this.technician, appointment, this.monday.plus(1, ChronoUnit.HOURS), 60, null,
				null);
		assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
		String id = proposed.at("/id");
		assertThat(this.technician.api().get("/api/appointment-change-requests/" + id).status()).isEqualTo(200);

		assertThat(this.admin.api()
			.delete("/api/children/" + this.childId + "/care-team/" + this.technician.id())
			.status()).isLessThan(300);

		assertThat(this.technician.api().get("/api/appointment-change-requests/" + id).status()).isEqualTo(404);
		JsonNode mine = this.technician.api().get("/api/appointment-change-requests?size=200").json();
		assertThat(mine.get("content")).noneMatch(r -> r.get("id").asString().equals(id));
		assertThat(this.admin.api().get("/api/appointment-change-requests/" + id).status())
			.as("the admin still decides it")
			.isEqualTo(200);
	}

	@Test
	void approvingAConflictingChangeAnswersAsADirectMoveAndChangesNothing() {
		String appointment = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		String otherChild = this.clinic.aChild(this.admin, null, null, this.technician);
		String inTheWay = this.clinic.anAppointment(this.admin, otherChild, this.technician,
				this.monday.plus(1, ChronoUnit.DAYS));
		String id = propose(this.technician, appointment, this.monday.plus(1, ChronoUnit.DAYS), 60, null, null)
			.at("/id");

		Api.Response refused = this.admin.api().post("/api/appointment-change-requests/" + id + "/approve", "{}");

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/appointment-conflict");
		assertThat(refused.at("/errors/0/detail")).startsWith("Test therapist already has a session with Avery T.")
			.doesNotContain(inTheWay);
		assertThat(refused.at("/conflicts/0/appointmentId")).isEqualTo(inTheWay);
		assertThat(start(appointment)).isEqualTo(this.monday);
		assertThat(this.admin.api().get("/api/appointment-change-requests/" + id).at("/status")).isEqualTo("pending");
	}

	@Test
	void anAdminApprovesDuringTimeOffOnlyWithAnOverride() {
		String appointment = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		Instant tuesday = this.monday.plus(1, ChronoUnit.DAYS);
		assertThat(this.admin.api()
			.post("/api/therapists/" + this.technician.id() + "/time-off",
					body("start", tuesday.toString(), "end", tuesday.plus(2, ChronoUnit.HOURS).toString()))
			.status()).isEqualTo(201);
		String id = propose(this.technician, appointment, tuesday, 60, null, null).at("/id");

		assertThat(this.admin.api().post("/api/appointment-change-requests/" + id + "/approve", "{}").status())
			.isEqualTo(409);
		Api.Response approved = this.admin.api()
			.post("/api/appointment-change-requests/" + id + "/approve",
					body("override", body("reason", "Family asked; therapist agreed")));

		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		assertThat(this.admin.api().get("/api/appointments/" + appointment).at("/override/reason"))
			.isEqualTo("Family asked; therapist agreed");
	}

	@Test
	void aRequestOnAnAppointmentMovedSinceIsStaleAndCannotBeApproved() {
		String appointment = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		String id = propose(this.technician, appointment, this.monday.plus(2, ChronoUnit.HOURS), 60, null, null)
			.at("/id");
		assertThat(this.admin.api()
			.put("/api/appointments/" + appointment, body("start", this.monday.plus(1, ChronoUnit.HOURS).toString()))
			.status()).isEqualTo(200);

		assertThat(this.admin.api().get("/api/appointment-change-requests/" + id).at("/stale")).isEqualTo("true");
		Api.Response refused = this.admin.api().post("/api/appointment-change-requests/" + id + "/approve", "{}");

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/change-request-stale");
		assertThat(start(appointment)).isEqualTo(this.monday.plus(1, ChronoUnit.HOURS));
		assertThat(this.admin.api()
			.post("/api/appointment-change-requests/" + id + "/decline", body("reason", "Moved already"))
			.at("/status")).isEqualTo("declined");
	}

	@Test
	void aRequestOnACancelledAppointmentIsStale() {
		String appointment = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		String id = propose(this.technician, appointment, this.monday.plus(2, ChronoUnit.HOURS), 60, null, null)
			.at("/id");
		this.guardian.api().post("/api/appointments/" + appointment + "/cancel", body("reason", "Sick"));

		Api.Response refused = this.admin.api().post("/api/appointment-change-requests/" + id + "/approve", "{}");

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/change-request-stale");
	}

	@Test
	void anAdminDeclinesWithAReasonTheTherapistReads() {
		String appointment = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		String id = propose(this.technician, appointment, this.monday.plus(2, ChronoUnit.HOURS), 60, null, null)
			.at("/id");

		assertThat(this.admin.api().post("/api/appointment-change-requests/" + id + "/decline", "{}").status())
			.as("a reason is required")
			.isEqualTo(400);
		Api.Response declined = this.admin.api()
			.post("/api/appointment-change-requests/" + id + "/decline", body("reason", "The family prefers Mondays"));

		assertThat(declined.status()).as(declined.text()).isEqualTo(200);
		JsonNode own = this.technician.api()
			.get("/api/appointment-change-requests?appointmentId=" + appointment)
			.json()
			.get("content");
		assertThat(own).hasSize(1);
		assertThat(own.get(0).get("status").asString()).isEqualTo("declined");
		assertThat(own.get(0).get("decisionReason").asString()).isEqualTo("The family prefers Mondays");
		assertThat(start(appointment)).isEqualTo(this.monday);
		assertThat(this.admin.api().post("/api/appointment-change-requests/" + id + "/approve", "{}").at("/type"))
			.endsWith("/change-request-settled");
	}

	@Test
	void theProposerWithdrawsAndMayThenProposeAgain() {
		String appointment = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		String first = propose(this.technician, appointment, this.monday.plus(2, ChronoUnit.HOURS), 60, null, null)
			.at("/id");

		Api.Response second = propose(this.technician, appointment, this.monday.plus(3, ChronoUnit.HOURS), 60, null,
				null);
		assertThat(second.status()).as(second.text()).isEqualTo(409);
		assertThat(second.at("/type")).endsWith("/change-request-pending");

		assertThat(this.technician.api()
			.post("/api/appointment-change-requests/" + first + "/withdraw", "{}")
			.at("/status")).isEqualTo("withdrawn");
		assertThat(this.technician.api().post("/api/appointment-change-requests/" + first + "/withdraw", "{}").status())
			.isEqualTo(409);
		assertThat(
				propose(this.technician, appointment, this.monday.plus(3, ChronoUnit.HOURS), 60, null, null).status())
			.isEqualTo(201);
	}

	@Test
	void aTherapistProposesOnlyForTheirOwnAppointmentsAndParentsNeverSeeRequests() {
		String appointment = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);

		assertThat(
				propose(this.supervisor, appointment, this.monday.plus(2, ChronoUnit.HOURS), 60, null, null).status())
			.as("care team, not the appointment's therapist")
			.isEqualTo(403);
		assertThat(propose(this.clinic.aTherapist("RBT"), appointment, this.monday.plus(2, ChronoUnit.HOURS), 60, null,
				null)
			.status()).isEqualTo(404);
		String id = propose(this.technician, appointment, this.monday.plus(2, ChronoUnit.HOURS), 60, null, null)
			.at("/id");

		assertThat(this.guardian.api().get("/api/appointment-change-requests").status()).isEqualTo(403);
		assertThat(this.guardian.api().get("/api/appointment-change-requests/" + id).status()).isEqualTo(404);
		assertThat(this.supervisor.api().get("/api/appointment-change-requests").json().get("content")).isEmpty();
		assertThat(this.technician.api().post("/api/appointment-change-requests/" + id + "/approve", "{}").status())
			.as("a therapist does not approve their own proposal")
			.isEqualTo(403);
	}

	@Test
	void refusesBadProposals() {
		String appointment = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		Person outsider = this.clinic.aTherapist("RBT");

		Api.Response backwards = propose(this.technician, appointment, this.monday, -30, null, null);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.at("/errors/0/pointer")).isEqualTo("/end");
		Api.Response notOnTeam = propose(this.technician, appointment, this.monday.plus(2, ChronoUnit.HOURS), 60,
				outsider.id(), null);
		assertThat(notOnTeam.status()).isEqualTo(400);
		assertThat(notOnTeam.at("/errors/0/pointer")).isEqualTo("/therapistId");
		assertThat(this.technician.api()
			.post("/api/appointments/" + appointment + "/change-requests",
					body("scope", "sometimes", "start", this.monday.toString(), "end",
							this.monday.plus(1, ChronoUnit.HOURS).toString()))
			.status()).isEqualTo(400);
		assertThat(this.admin.api()
			.get("/api/appointment-change-requests?appointmentId=" + appointment)
			.json()
			.get("content")).as("nothing half-written").isEmpty();
	}

	@Test
	void approvingThisAndFollowingMovesTheRestOfTheSeriesToAnotherTherapist() {
		Api.Response series = this.admin.api()
			.post("/api/appointments", body("childId", this.childId, "therapistId", this.technician.id(), "serviceCode",
					"97153", "place", "home", "start", this.monday.toString(), "end",
					this.monday.plus(1, ChronoUnit.HOURS).toString(), "recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=4"));
		assertThat(series.status()).as(series.text()).isEqualTo(201);
		String second = series.at("/occurrences/1/id");
		Instant secondStart = Instant.parse(series.at("/occurrences/1/start"));

		Api.Response proposed = propose(this.technician, second, secondStart.plus(1, ChronoUnit.HOURS), 60,
				this.supervisor.id(), "Handing over to my supervisor");
		assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
		assertThat(proposed.at("/scope")).isEqualTo("following");
		Api.Response approved = this.admin.api()
			.post("/api/appointment-change-requests/" + proposed.at("/id") + "/approve", "{}");

		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		assertThat(start(series.at("/occurrences/0/id"))).isEqualTo(this.monday);
		for (int i = 1; i < 4; i++) {
			Api.Response occurrence = this.admin.api()
				.get("/api/appointments/" + series.at("/occurrences/" + i + "/id"));
			assertThat(Instant.parse(occurrence.at("/start")))
				.isEqualTo(this.monday.plus(7L * i, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
			assertThat(occurrence.at("/therapist/id")).isEqualTo(this.supervisor.id());
		}
	}

	private Api.Response propose(Person therapist, String appointment, Instant start, int minutes, String therapistId,
			String note) {
		return therapist.api()
			.post("/api/appointments/" + appointment + "/change-requests",
					body("scope", "following", "start", start.toString(), "end",
							start.plus(minutes, ChronoUnit.MINUTES).toString(), "therapistId", therapistId, "note",
							note));
	}

	private Instant start(String appointmentId) {
		return Instant.parse(this.admin.api().get("/api/appointments/" + appointmentId).at("/start"));
	}

}
