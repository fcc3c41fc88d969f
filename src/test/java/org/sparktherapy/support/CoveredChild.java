package org.sparktherapy.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sparktherapy.support.Clinic.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * A child whose bookings meet the payer rules (ADR 0031), for the tests of scheduling
 * against authorizations: an active child with a guardian, a supervising BCBA and an RBT
 * technician, a Monday about three weeks ahead, and what the tests set up through the
 * admin's API: authorizations, the clinic-wide rules (one row: put the defaults back with
 * {@link #defaultRules()} after each test that changes them), therapists' hours, the
 * child's schedule preferences and a draft week. The test clinic runs in UTC.
 */
public final class CoveredChild {

	/** The clinic-wide payer rules. */
	public static final String RULES = "/api/billing/schedule-rules";

	private static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

	private final Clinic clinic;

	private final Person admin;

	private final Person parent;

	private final Person supervisor;

	private final Person technician;

	private final String childId;

	private final Instant monday;

	public CoveredChild(int port) {
		this.clinic = new Clinic(port);
		this.admin = this.clinic.rootAdmin();
		this.parent = this.clinic.aParent();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.childId = this.clinic.aChild(this.admin, this.parent, this.supervisor, this.technician);
		this.monday = Clinic.aMondayAfternoonAhead();
	}

	public Clinic clinic() {
		return this.clinic;
	}

	public Person admin() {
		return this.admin;
	}

	public Person parent() {
		return this.parent;
	}

	public Person supervisor() {
		return this.supervisor;
	}

	public Person technician() {
		return this.technician;
	}

	public String childId() {
		return this.childId;
	}

	/** A Monday about three weeks ahead, 15:00 UTC. */
	public Instant monday() {
		return this.monday;
	}

	/** The clinic-wide rules as they are by default: warn, seven days' grace. */
	public void defaultRules() {
		setRules("warn", 7);
	}

	public void setRules(String enforcement, int graceDays) {
		Api.Response set = this.admin.api().put(RULES, body("enforcement", enforcement, "graceDays", graceDays));
		assertThat(set.status()).as(set.text()).isEqualTo(200);
	}

	/** The units the authorization has scheduled so far. */
	public long unitsScheduled(String authorizationId) {
		return this.admin.api().get("/api/authorizations/" + authorizationId).json().get("unitsScheduled").asLong();
	}

	/** An authorization of the child, numbered {@code AUTH-<code>-<start>}. */
	public Api.Response authorize(String serviceCode, int units, LocalDate start, LocalDate end) {
		Api.Response created = this.admin.api()
			.post("/api/children/" + this.childId + "/authorizations", terms(serviceCode, units, start, end));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created;
	}

	/** An authorization's terms, numbered {@code AUTH-<code>-<start>}. */
	public static Map<String, Object> terms(String serviceCode, int units, LocalDate start, LocalDate end) {
		return body("payer", "Blue Cross Blue Shield", "memberId", "XYZ123456789", "authorizationNumber",
				"AUTH-" + serviceCode + "-" + start, "serviceCode", serviceCode, "unitsAuthorized", units, "startDate",
				start.toString(), "endDate", end.toString());
	}

	/** A booking's body (mutable, so a test may add to it) at the clinic. */
	public static Map<String, Object> booking(String childId, Person therapist, String serviceCode, Instant start,
			int minutes) {
		return new LinkedHashMap<>(
				body("childId", childId, "therapistId", therapist.id(), "serviceCode", serviceCode, "place", "clinic",
						"start", start.toString(), "end", start.plus(minutes, ChronoUnit.MINUTES).toString()));
	}

	/** The therapist works weekdays 14:00–19:00. */
	public void givenWeekdayHours(Person therapist) {
		Api.Response hours = this.admin.api()
			.put("/api/therapists/" + therapist.id() + "/availability", body("blocks",
					WEEKDAYS.stream().map(d -> body("weekday", d, "start", "14:00", "end", "19:00")).toList()));
		assertThat(hours.status()).as(hours.text()).isEqualTo(200);
	}

	/** The child is free weekdays 15:00–18:00, prescribed these weekly hours of 97153. */
	public void setPreferences(int weeklyHours) {
		Api.Response set = this.admin.api()
			.put("/api/children/" + this.childId + "/schedule-preferences",
					body("availableHours",
							WEEKDAYS.stream().map(d -> body("weekday", d, "start", "15:00", "end", "18:00")).toList(),
							"prescribedWeeklyHours", List.of(body("serviceCode", "97153", "hours", weeklyHours)),
							"preferredPlace", "clinic"));
		assertThat(set.status()).as(set.text()).isEqualTo(200);
	}

	/** A draft of the Monday's week for the child. */
	public Api.Response propose() {
		Api.Response proposal = this.admin.api()
			.post("/api/schedule/proposals",
					body("weekStart", day(this.monday).toString(), "childIds", List.of(this.childId)));
		assertThat(proposal.status()).as(proposal.text()).isEqualTo(201);
		return proposal;
	}

	/** The instant's day in UTC, the test clinic's time zone. */
	public static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
