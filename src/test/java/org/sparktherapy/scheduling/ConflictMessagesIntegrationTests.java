package org.sparktherapy.scheduling;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

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
 * A refused booking says in words what is in the way: the child (first name and last
 * initial), the therapist and the clinic's local date and time — never an appointment id
 * or a raw timestamp. The test clinic's zone is UTC.
 */
@IntegrationTest
class ConflictMessagesIntegrationTests {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private static final String ISO_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}";

	@LocalServerPort
	int port;

	Clinic clinic;

	Person admin;

	String maya;

	String noah;

	String ava;

	String ben;

	/** A Monday 15:00 a few weeks ahead. */
	Instant monday;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.maya = aTherapist("Maya Okafor", "RBT");
		this.noah = aTherapist("Noah Reyes", "BCBA");
		this.ava = aChild("Ava", "Chen", this.maya, this.noah);
		this.ben = aChild("Ben", "Diaz", this.maya, null);
		this.monday = Clinic.aMondayAfternoonAhead();
	}

	@Test
	void aDoubleBookedChildIsNamedWithTheTherapistAndTheLocalTime() {
		String first = book(this.ava, this.maya, this.monday, 120, null).at("/occurrences/0/id");

		Api.Response refused = book(this.ava, this.noah, this.monday.plus(1, ChronoUnit.HOURS), 60, null);

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		String expected = "Ava C. already has a session with Maya Okafor " + day(this.monday) + ", 3:00–5:00 PM";
		assertThat(refused.at("/errors/0/detail")).isEqualTo(expected);
		assertThat(refused.at("/detail")).isEqualTo(expected + ". Nothing was booked or moved.");
		assertWordsOnly(refused);
		assertThat(refused.at("/conflicts/0/appointmentId")).as("programs still get the id").isEqualTo(first);
		assertThat(refused.at("/conflicts/0/who")).isEqualTo("child");
	}

	@Test
	void aDoubleBookedTherapistIsNamedWithTheOtherChild() {
		book(this.ava, this.maya, this.monday.minus(4, ChronoUnit.HOURS), 180, null);

		Api.Response refused = book(this.ben, this.maya, this.monday.minus(2, ChronoUnit.HOURS), 60, null);

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/errors/0/detail"))
			.isEqualTo("Maya Okafor already has a session with Ava C. " + day(this.monday) + ", 11:00 AM–2:00 PM");
		assertWordsOnly(refused);
	}

	@Test
	void aSeriesWithSeveralConflictsSaysTheFirstAndCountsTheRest() {
		book(this.ava, this.maya, this.monday.plus(7, ChronoUnit.DAYS), 60, null);
		book(this.ava, this.maya, this.monday.plus(14, ChronoUnit.DAYS), 60, null);

		Api.Response refused = book(this.ben, this.maya, this.monday, 60, "FREQ=WEEKLY;BYDAY=MO;COUNT=3");

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/detail"))
			.isEqualTo("Maya Okafor already has a session with Ava C. " + day(this.monday.plus(7, ChronoUnit.DAYS))
					+ ", 3:00–4:00 PM, and 1 more conflict. Nothing was booked" + " or moved.");
		assertThat(refused.at("/errors/1/detail")).contains(day(this.monday.plus(14, ChronoUnit.DAYS)));
		assertWordsOnly(refused);
	}

	@Test
	void timeOffAndWeeklyHoursNameTheTherapistAndTheLocalTime() {
		Api.Response hours = this.admin.api()
			.put("/api/therapists/" + this.maya + "/availability",
					body("blocks", List.of(body("weekday", "MONDAY", "start", "09:00", "end", "12:00"))));
		assertThat(hours.status()).as(hours.text()).isEqualTo(200);
		Instant tuesday = this.monday.plus(1, ChronoUnit.DAYS);
		Api.Response off = this.admin.api()
			.post("/api/therapists/" + this.maya + "/time-off",
					body("start", this.monday.minus(6, ChronoUnit.HOURS).toString(), "end",
							tuesday.plus(2, ChronoUnit.HOURS).toString(), "reason", "Conference"));
		assertThat(off.status()).as(off.text()).isEqualTo(201);

		Api.Response refused = book(this.ava, this.maya, this.monday, 60, null);

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/errors/0/detail")).isEqualTo(
				"Maya Okafor is not available " + day(this.monday) + ", 3:00–4:00 PM (outside their weekly hours)");
		assertThat(refused.at("/errors/1/detail")).isEqualTo("Maya Okafor is on time off from "
				+ day(this.monday).substring(3) + ", 9:00 AM to " + day(tuesday).substring(3) + ", 5:00 PM");
		assertWordsOnly(refused);
	}

	private static void assertWordsOnly(Api.Response refused) {
		assertThat(refused.at("/detail")).doesNotContainPattern(UUID).doesNotContainPattern(ISO_TIME);
		refused.json()
			.get("errors")
			.forEach(error -> assertThat(error.get("detail").asString()).doesNotContainPattern(UUID)
				.doesNotContainPattern(ISO_TIME));
	}

	/** "on Mon 21 Dec". */
	private static String day(Instant at) {
		return "on " + DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH).format(at.atZone(ZoneOffset.UTC));
	}

	private Api.Response book(String childId, String therapistId, Instant start, int minutes, String recurrence) {
		return this.admin.api()
			.post("/api/appointments",
					body("childId", childId, "therapistId", therapistId, "serviceCode", "97153", "place", "clinic",
							"start", start.toString(), "end", start.plus(minutes, ChronoUnit.MINUTES).toString(),
							"recurrence", recurrence));
	}

	private String aTherapist(String name, String credential) {
		Api.Response created = this.admin.api()
			.post("/api/users", body("name", name, "email", Clinic.uniqueEmail("therapist"), "password",
					Clinic.PASSWORD, "role", "therapist", "credential", credential));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.at("/id");
	}

	private String aChild(String firstName, String lastName, String technician, String supervisor) {
		Api.Response child = this.admin.api()
			.post("/api/children", body("firstName", firstName, "lastName", lastName, "dateOfBirth", "2019-05-14",
					"diagnosisCodes", List.of("F84.0")));
		assertThat(child.status()).as(child.text()).isEqualTo(201);
		String id = child.at("/id");
		assertThat(this.admin.api().put("/api/children/" + id, body("status", "active")).status()).isEqualTo(200);
		link(id, technician, "technician");
		if (supervisor != null) {
			link(id, supervisor, "supervisor");
		}
		return id;
	}

	private void link(String childId, String therapistId, String role) {
		Api.Response linked = this.admin.api()
			.post("/api/children/" + childId + "/care-team", body("userId", therapistId, "role", role));
		assertThat(linked.status()).as(linked.text()).isEqualTo(201);
	}

}
