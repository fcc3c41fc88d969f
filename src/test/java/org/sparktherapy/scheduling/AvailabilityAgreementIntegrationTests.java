package org.sparktherapy.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Booking, the checks of a draft week and the solver ask one availability rule
 * ({@code TherapistAvailability}, ADR 23), so they agree on the same therapist and times.
 * The test clinic's time zone is UTC.
 */
@IntegrationTest
class AvailabilityAgreementIntegrationTests {

	static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

	@LocalServerPort
	int port;

	Clinic clinic;

	Person admin;

	Person technician;

	String childId;

	LocalDate week;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.technician = this.clinic.aTherapist("RBT");
		this.childId = this.clinic.aChild(this.admin, this.clinic.aParent(), null, this.technician);
		this.week = Clinic.aMondayAhead();
	}

	@Test
	void bookingProposalsAndSolverAgreeOnATherapistsWeeklyHours() {
		Api.Response hours = this.admin.api()
			.put("/api/therapists/" + this.technician.id() + "/availability", body("blocks",
					WEEKDAYS.stream().map(d -> body("weekday", d, "start", "15:00", "end", "17:00")).toList()));
		assertThat(hours.status()).as(hours.text()).isEqualTo(200);
		setPreferences(this.childId, 2);

		Api.Response proposal = propose(this.childId);

		assertThat(proposal.json().get("placed")).as("the solver places inside the weekly hours").hasSize(1);
		Instant start = Instant.parse(proposal.at("/placed/0/start"));
		LocalDate day = start.atZone(ZoneOffset.UTC).toLocalDate();
		assertThat(start).isEqualTo(day.atTime(15, 0).toInstant(ZoneOffset.UTC));
		Instant late = day.atTime(16, 0).toInstant(ZoneOffset.UTC);
		Api.Response adjusted = this.admin.api()
			.send("PATCH",
					"/api/schedule/proposals/" + proposal.at("/id") + "/placements/" + proposal.at("/placed/0/id"),
					body("start", late.toString()));
		assertThat(adjusted.status()).as("the draft check refuses 16:00–18:00").isEqualTo(409);
		assertThat(adjusted.at("/errors/0/detail")).contains("outside their weekly hours");
		Api.Response outside = book(day, "16:00", "18:00");
		assertThat(outside.status()).as("booking refuses 16:00–18:00 too").isEqualTo(409);
		assertThat(outside.at("/errors/0/detail")).contains("not available");
		assertThat(book(day, "15:00", "17:00").status()).as("and books the solver's time").isEqualTo(201);
	}

	@Test
	void aTherapistWithoutWeeklyHoursIsBookedAnyTimeButNeverPlanned() {
		setPreferences(this.childId, 2);

		Api.Response proposal = propose(this.childId);

		assertThat(proposal.json().get("placed")).isEmpty();
		assertThat(proposal.at("/unplaced/0/reason")).isEqualTo("no care-team therapist has weekly availability");
		assertThat(book(this.week, "15:00", "17:00").status()).isEqualTo(201);
		assertThat(book(this.week.plusDays(1), "06:00", "08:00").status()).isEqualTo(201);
	}

	private Api.Response book(LocalDate day, String start, String end) {
		return this.admin.api()
			.post("/api/appointments", body("childId", this.childId, "therapistId", this.technician.id(), "serviceCode",
					"97153", "place", "clinic", "start", day + "T" + start + ":00Z", "end", day + "T" + end + ":00Z"));
	}

	private Api.Response propose(String childId) {
		Api.Response proposal = this.admin.api()
			.post("/api/schedule/proposals", body("weekStart", this.week.toString(), "childIds", List.of(childId)));
		assertThat(proposal.status()).as(proposal.text()).isEqualTo(201);
		return proposal;
	}

	private void setPreferences(String childId, int weeklyHours) {
		List<Map<String, Object>> afterSchool = WEEKDAYS.stream()
			.map(d -> body("weekday", d, "start", "15:00", "end", "18:00"))
			.toList();
		Api.Response stored = this.admin.api()
			.put("/api/children/" + childId + "/schedule-preferences",
					body("availableHours", afterSchool, "prescribedWeeklyHours",
							List.of(body("serviceCode", "97153", "hours", weeklyHours)), "preferredPlace", "clinic"));
		assertThat(stored.status()).as(stored.text()).isEqualTo(200);
	}

}
