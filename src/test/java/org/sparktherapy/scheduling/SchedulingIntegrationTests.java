package org.sparktherapy.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.scheduling.AppointmentCompleted;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/** Scheduling against the running application; the test clinic's time zone is UTC. */
@IntegrationTest
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class SchedulingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ConfigurableApplicationContext context;

	final List<AppointmentCompleted> completed = new java.util.concurrent.CopyOnWriteArrayList<>();

	// typed by instanceof, not by generics: Spring Modulith's multicaster does not
	// swallow a lambda's mismatch
	final ApplicationListener<ApplicationEvent> listener = event -> {
		if (event instanceof PayloadApplicationEvent<?> payload
				&& payload.getPayload() instanceof AppointmentCompleted appointmentCompleted) {
			this.completed.add(appointmentCompleted);
		}
	};

	@org.junit.jupiter.api.BeforeAll
	void listen() {
		this.context.addApplicationListener(this.listener);
	}

	@org.junit.jupiter.api.AfterAll
	void stopListening() {
		this.context.removeApplicationListener(this.listener);
	}

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
	void anAdminBooksASingleAppointment() {
		Api.Response booked = book(this.childId, this.technician, this.monday, 120, null, null);

		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		assertThat(booked.at("/series")).isNull();
		assertThat(booked.json().get("occurrences")).hasSize(1);
		String id = booked.at("/occurrences/0/id");
		assertThat(booked.header("Location")).endsWith("/api/appointments/" + id);
		assertThat(booked.at("/occurrences/0/status")).isEqualTo("scheduled");
		assertThat(Instant.parse(booked.at("/occurrences/0/end"))).isEqualTo(this.monday.plus(2, ChronoUnit.HOURS));
		assertThat(this.technician.api().get("/api/appointments/" + id).at("/therapist/id"))
			.isEqualTo(this.technician.id());
		assertThat(this.guardian.api().get("/api/appointments/" + id).status()).isEqualTo(200);
		assertThat(this.supervisor.api().get("/api/appointments/" + id).status()).as("care team").isEqualTo(200);
	}

	@Test
	void anAdminBooksAWeeklySeries() {
		Api.Response booked = book(this.childId, this.technician, this.monday, 60, "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4",
				null);

		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		assertThat(booked.at("/series/recurrence")).isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4");
		JsonNode occurrences = booked.json().get("occurrences");
		assertThat(occurrences).hasSize(4);
		assertThat(occurrences.get(1).get("start").asString())
			.isEqualTo(this.monday.plus(2, ChronoUnit.DAYS).toString());
		assertThat(occurrences.get(3).get("start").asString())
			.isEqualTo(this.monday.plus(9, ChronoUnit.DAYS).toString());
		for (JsonNode occurrence : occurrences) {
			assertThat(occurrence.get("seriesId").asString()).isEqualTo(booked.at("/series/id"));
		}
	}

	@Test
	void refusesDoubleBookingATherapistListingTheConflict() {
		String first = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		String otherChild = this.clinic.aChild(this.admin, null, null, this.technician);

		Api.Response refused = book(otherChild, this.technician, this.monday.plus(30, ChronoUnit.MINUTES), 60, null,
				null);

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/appointment-conflict");
		assertThat(refused.at("/errors/0/pointer")).isEqualTo("/occurrences/0");
		assertThat(refused.at("/errors/0/detail")).startsWith("Test therapist already has a session with Avery T.")
			.contains(day(this.monday) + ", 3:00–4:00 PM")
			.doesNotContain(first);
		assertThat(refused.at("/conflicts/0/pointer")).isEqualTo("/occurrences/0");
		assertThat(refused.at("/conflicts/0/kind")).isEqualTo("double-booking");
		assertThat(refused.at("/conflicts/0/who")).isEqualTo("therapist");
		assertThat(refused.at("/conflicts/0/appointmentId")).isEqualTo(first);
		assertThat(Instant.parse(refused.at("/conflicts/0/start"))).isEqualTo(this.monday);
		assertThat(Instant.parse(refused.at("/conflicts/0/end"))).isEqualTo(this.monday.plus(1, ChronoUnit.HOURS));
	}

	@Test
	void refusesDoubleBookingAChildListingTheConflict() {
		String first = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);

		Api.Response refused = book(this.childId, this.supervisor, this.monday.minus(30, ChronoUnit.MINUTES), 60, null,
				null);

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/errors/0/detail"))
			.startsWith("Avery T. already has a session with Test therapist " + day(this.monday) + ", 3:00–4:00 PM")
			.doesNotContain(first);
		assertThat(refused.at("/conflicts/0/who")).isEqualTo("child");
		assertThat(refused.at("/conflicts/0/appointmentId")).isEqualTo(first);
	}

	@Test
	void aSeriesWithOneConflictingOccurrenceIsNotBookedAtAll() {
		String third = this.clinic.anAppointment(this.admin, this.childId, this.technician,
				this.monday.plus(14, ChronoUnit.DAYS));

		Api.Response refused = book(this.childId, this.technician, this.monday, 60, "FREQ=WEEKLY;BYDAY=MO;COUNT=4",
				null);

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.json().get("errors")).hasSize(1);
		assertThat(refused.at("/errors/0/pointer")).isEqualTo("/occurrences/2");
		assertThat(refused.at("/errors/0/detail")).contains(day(this.monday.plus(14, ChronoUnit.DAYS)))
			.doesNotContain(third);
		assertThat(this.admin.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.isEqualTo("1");
	}

	@Test
	void concurrentBookingsOfOneTherapistNeverOverlap() throws Exception {
		String otherChild = this.clinic.aChild(this.admin, null, null, this.technician);
		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<Api.Response> one = CompletableFuture.supplyAsync(() -> {
			await(start);
			return book(this.childId, this.technician, this.monday, 60, null, null);
		});
		CompletableFuture<Api.Response> two = CompletableFuture.supplyAsync(() -> {
			await(start);
			return book(otherChild, this.technician, this.monday, 60, null, null);
		});

		start.countDown();

		List<Api.Response> answers = List.of(one.get(), two.get());
		assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
		assertThat(answers).filteredOn(a -> a.status() == 409)
			.singleElement()
			.satisfies(a -> assertThat(a.at("/type")).endsWith("/appointment-conflict"));
	}

	/**
	 * The database's exclusion constraint is the last word: a booking whose checks passed
	 * while a conflicting booking was still uncommitted waits for it, then answers 409 as
	 * a conflict, not 500, and books nothing.
	 */
	@Test
	void anOverlapCaughtOnlyByTheDatabaseIsAConflictToo() throws Exception {
		String otherChild = this.clinic.aChild(this.admin, null, null, this.technician);
		Instant start = this.monday.plus(7, ChronoUnit.DAYS);
		try (Connection held = this.dataSource.getConnection()) {
			held.setAutoCommit(false);
			try (PreparedStatement insert = held.prepareStatement("""
					insert into appointments (id, child_id, therapist_id, service_code, place, starts_at, ends_at,
					    local_start, zone, status, created_by, created_at, updated_at)
					values (gen_random_uuid(), ?::uuid, ?::uuid, '97153', 'home', ?, ?, ?, 'UTC', 'scheduled', ?::uuid,
					    now(), now())""")) {
				insert.setString(1, otherChild);
				insert.setString(2, this.technician.id());
				insert.setObject(3, start.atOffset(ZoneOffset.UTC));
				insert.setObject(4, start.plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC));
				insert.setObject(5, start.atOffset(ZoneOffset.UTC).toLocalDateTime());
				insert.setString(6, this.admin.id());
				insert.executeUpdate();
			}
			CompletableFuture<Api.Response> booking = CompletableFuture.supplyAsync(
					() -> book(this.childId, this.technician, start.plus(30, ChronoUnit.MINUTES), 60, null, null));
			// the booking's own checks cannot see the uncommitted row; its insert waits
			// for it
			Awaitility.await()
				.atMost(Duration.ofSeconds(15))
				.until(() -> booking.isDone() || this.jdbc
					.sql("""
							select count(*) from pg_stat_activity
							where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into appointments%'
							""")
					.query(Integer.class)
					.single() > 0);
			assertThat(booking).as("the booking waits for the uncommitted overlap").isNotDone();
			held.commit();

			Api.Response refused = booking.get(15, TimeUnit.SECONDS);
			assertThat(refused.status()).as(refused.text()).isEqualTo(409);
			assertThat(refused.at("/type")).endsWith("/appointment-conflict");
		}
		assertThat(this.admin.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.as("nothing booked for the child")
			.isEqualTo("0");
	}

	@Test
	void aTherapistsHoursAreReadByAdminsAndThemselvesOnly() {
		this.admin.api()
			.put("/api/therapists/" + this.technician.id() + "/availability",
					body("blocks", List.of(body("weekday", "TUESDAY", "start", "08:00", "end", "12:00"))));
		this.admin.api()
			.post("/api/therapists/" + this.technician.id() + "/time-off",
					body("start", "2030-01-07T00:00:00Z", "end", "2030-01-08T00:00:00Z", "reason", "Conference"));

		Api.Response own = this.technician.api().get("/api/therapists/" + this.technician.id() + "/availability");

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.at("/blocks/0/weekday")).isEqualTo("TUESDAY");
		assertThat(own.at("/timeOff/0/reason")).isEqualTo("Conference");
		assertThat(this.admin.api().get("/api/therapists/" + this.technician.id() + "/availability").status())
			.isEqualTo(200);
		assertThat(this.supervisor.api().get("/api/therapists/" + this.technician.id() + "/availability").status())
			.isEqualTo(403);
	}

	@Test
	void rejectsBookingOutsideTherapistAvailabilityUnlessAnAdminOverrides() {
		Api.Response hours = this.admin.api()
			.put("/api/therapists/" + this.technician.id() + "/availability",
					body("blocks", List.of(body("weekday", "MONDAY", "start", "09:00", "end", "12:00"),
							body("weekday", "WEDNESDAY", "start", "13:00", "end", "18:00"))));
		assertThat(hours.status()).as(hours.text()).isEqualTo(200);

		Api.Response refused = book(this.childId, this.technician, this.monday, 60, null, null);
		Api.Response inHours = book(this.childId, this.technician, this.monday.plus(2, ChronoUnit.DAYS), 60, null,
				null);
		Api.Response overridden = book(this.childId, this.technician, this.monday, 60, null,
				"Parent request, therapist agreed");

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/errors/0/detail")).contains("not available");
		assertThat(inHours.status()).as(inHours.text()).isEqualTo(201);
		assertThat(overridden.status()).as(overridden.text()).isEqualTo(201);
		assertThat(overridden.at("/occurrences/0/override/reason")).isEqualTo("Parent request, therapist agreed");
		assertThat(overridden.at("/occurrences/0/override/by/id")).isEqualTo(this.admin.id());
	}

	@Test
	void timeOffMustEndAfterItStarts() {
		Api.Response backwards = this.admin.api()
			.post("/api/therapists/" + this.technician.id() + "/time-off", body("start", this.monday.toString(), "end",
					this.monday.minus(1, ChronoUnit.HOURS).toString(), "reason", "Conference"));
		Api.Response empty = this.admin.api()
			.post("/api/therapists/" + this.technician.id() + "/time-off",
					body("start", this.monday.toString(), "end", this.monday.toString(), "reason", "Conference"));

		assertThat(backwards.status()).as(backwards.text()).isEqualTo(400);
		assertThat(backwards.at("/errors/0/pointer")).isEqualTo("/end");
		assertThat(empty.status()).as(empty.text()).isEqualTo(400);
		assertThat(
				this.admin.api().get("/api/therapists/" + this.technician.id() + "/availability").json().get("timeOff"))
			.as("nothing recorded")
			.isEmpty();
	}

	@Test
	void rejectsBookingDuringTimeOff() {
		Api.Response off = this.admin.api()
			.post("/api/therapists/" + this.technician.id() + "/time-off",
					body("start", this.monday.minus(1, ChronoUnit.DAYS).toString(), "end",
							this.monday.plus(1, ChronoUnit.DAYS).toString(), "reason", "Conference"));
		assertThat(off.status()).as(off.text()).isEqualTo(201);

		Api.Response refused = book(this.childId, this.technician, this.monday, 60, null, null);

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/errors/0/detail")).startsWith("Test therapist is on time off from ")
			.doesNotContain(off.at("/id"));
		assertThat(refused.at("/conflicts/0/kind")).isEqualTo("time-off");
		assertThat(refused.at("/conflicts/0/timeOffId")).isEqualTo(off.at("/id"));
		assertThat(refused.at("/conflicts/0/appointmentId")).isNull();
	}

	@Test
	void refusesOverlappingAvailabilityBlocks() {
		Api.Response refused = this.admin.api()
			.put("/api/therapists/" + this.technician.id() + "/availability",
					body("blocks", List.of(body("weekday", "MONDAY", "start", "09:00", "end", "12:00"),
							body("weekday", "MONDAY", "start", "11:00", "end", "14:00"))));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.at("/errors/0/pointer")).isEqualTo("/blocks/1");
	}

	@Test
	void aParentCancelsLateWithin24HoursAndTheSlotIsFreeAgain() {
		Instant soon = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		String id = this.clinic.anAppointment(this.admin, this.childId, this.technician, soon);

		Api.Response cancelled = this.guardian.api()
			.post("/api/appointments/" + id + "/cancel", body("reason", "Sick"));

		assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
		assertThat(cancelled.at("/status")).isEqualTo("cancelled");
		assertThat(cancelled.at("/cancellation/byRole")).isEqualTo("parent");
		assertThat(cancelled.at("/cancellation/by/id")).isEqualTo(this.guardian.id());
		assertThat(cancelled.at("/cancellation/reason")).isEqualTo("Sick");
		assertThat(cancelled.at("/cancellation/late")).isEqualTo("true");
		assertThat(this.guardian.api().post("/api/appointments/" + id + "/cancel", body("reason", "Again")).status())
			.isEqualTo(409);
		assertThat(book(this.childId, this.technician, soon, 60, null, null).status()).isEqualTo(201);
	}

	@Test
	void aCancellationWellAheadIsNotLate() {
		String id = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);

		Api.Response cancelled = this.guardian.api()
			.post("/api/appointments/" + id + "/cancel", body("reason", "Holiday"));

		assertThat(cancelled.at("/cancellation/late")).isEqualTo("false");
		assertThat(this.technician.api().post("/api/appointments/" + id + "/cancel", body("reason", "x")).status())
			.as("therapists do not cancel")
			.isEqualTo(403);
	}

	@Test
	void aGuardianCancelsAnOccurrenceAndTheFollowingOnesOfASeries() {
		Api.Response booked = book(this.childId, this.technician, this.monday, 60, "FREQ=WEEKLY;BYDAY=MO;COUNT=4",
				null);
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		String first = booked.at("/occurrences/0/id");
		String second = booked.at("/occurrences/1/id");
		// the fourth is already cancelled on its own: it stays as it was
		assertThat(this.admin.api()
			.post("/api/appointments/" + booked.at("/occurrences/3/id") + "/cancel", body("reason", "Holiday"))
			.status()).isEqualTo(200);

		Api.Response cancelled = this.guardian.api()
			.post("/api/appointments/" + second + "/cancel", body("reason", "Moving away", "scope", "following"));

		assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
		assertThat(cancelled.at("/id")).isEqualTo(second);
		JsonNode all = this.admin.api().get("/api/appointments?childId=" + this.childId).json().get("content");
		assertThat(all).hasSize(4);
		assertThat(all).extracting(a -> a.get("status").asString())
			.containsExactly("scheduled", "cancelled", "cancelled", "cancelled");
		assertThat(all.get(2).at("/cancellation/reason").asString()).isEqualTo("Moving away");
		assertThat(all.get(2).at("/cancellation/byRole").asString()).isEqualTo("parent");
		assertThat(all.get(3).at("/cancellation/reason").asString()).as("cancelled before, untouched")
			.isEqualTo("Holiday");
		assertThat(this.admin.api().get("/api/appointments/" + first).at("/status")).isEqualTo("scheduled");
	}

	@Test
	void cancellingFollowingNeedsASeriesAndOnlyThisOrFollowingAreScopes() {
		String single = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		Api.Response booked = book(this.childId, this.technician, this.monday.plus(1, ChronoUnit.DAYS), 60,
				"FREQ=WEEKLY;BYDAY=TU;COUNT=2", null);
		String occurrence = booked.at("/occurrences/0/id");

		Api.Response notASeries = this.admin.api()
			.post("/api/appointments/" + single + "/cancel", body("reason", "x", "scope", "following"));
		Api.Response all = this.admin.api()
			.post("/api/appointments/" + occurrence + "/cancel", body("reason", "x", "scope", "all"));
		Api.Response unknown = this.admin.api()
			.post("/api/appointments/" + occurrence + "/cancel", body("reason", "x", "scope", "everything"));

		assertPointer(notASeries, "/scope");
		assertPointer(all, "/scope");
		assertPointer(unknown, "/scope");
		assertThat(this.admin.api()
			.get("/api/appointments?childId=" + this.childId + "&status=cancelled")
			.at("/page/totalElements")).as("nothing cancelled").isEqualTo("0");
	}

	@Test
	void theTherapistChecksInThenCompletes() {
		String id = this.clinic.anAppointment(this.admin, this.childId, this.technician, anHourAgo());
		String path = "/api/appointments/" + id;

		assertThat(this.technician.api().post(path + "/complete", "{}").status()).as("not checked in").isEqualTo(409);
		assertThat(this.supervisor.api().post(path + "/check-in", "{}").status()).as("not theirs").isEqualTo(403);
		Api.Response checkedIn = this.technician.api().post(path + "/check-in", "{}");
		assertThat(checkedIn.status()).as(checkedIn.text()).isEqualTo(200);
		assertThat(checkedIn.at("/status")).isEqualTo("checked_in");
		Api.Response completed = this.technician.api().post(path + "/complete", "{}");
		assertThat(completed.at("/status")).isEqualTo("completed");
		assertThat(this.technician.api().post(path + "/check-in", "{}").status()).isEqualTo(409);
		assertThat(this.guardian.api().post(path + "/cancel", body("reason", "late")).status()).isEqualTo(409);
	}

	@Test
	void outsidersDoNotSeeAppointments() {
		String id = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		Person otherParent = this.clinic.aParent();
		Person otherTherapist = this.clinic.aTherapist("RBT");

		assertThat(otherParent.api().get("/api/appointments/" + id).status()).isEqualTo(404);
		assertThat(otherTherapist.api().get("/api/appointments/" + id).status()).isEqualTo(404);
		assertThat(otherParent.api().post("/api/appointments/" + id + "/cancel", body("reason", "x")).status())
			.isEqualTo(404);
		assertThat(otherParent.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.isEqualTo("0");
		assertThat(otherTherapist.api().get("/api/appointments").text()).doesNotContain(id);
		assertThat(this.guardian.api().get("/api/appointments").text()).contains(id);
		assertThat(this.supervisor.api().get("/api/appointments?status=scheduled").text()).contains(id);
		assertThat(this.technician.api().get("/api/appointments?therapistId=" + this.technician.id()).text())
			.contains(id);
	}

	@Test
	void theListFiltersByTimeTherapistChildAndStatus() {
		// one child, two therapists of its team, three weeks: each filter has something
		// to leave out
		String thisWeek = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		String nextWeek = this.clinic.anAppointment(this.admin, this.childId, this.supervisor,
				this.monday.plus(7, ChronoUnit.DAYS));
		String inTwoWeeks = this.clinic.anAppointment(this.admin, this.childId, this.technician,
				this.monday.plus(14, ChronoUnit.DAYS));
		Person otherParent = this.clinic.aParent();
		String otherChild = this.clinic.aChild(this.admin, otherParent, null, this.technician);
		String othersAppointment = this.clinic.anAppointment(this.admin, otherChild, this.technician,
				this.monday.plus(2, ChronoUnit.HOURS));
		this.admin.api().post("/api/appointments/" + inTwoWeeks + "/cancel", body("reason", "Holiday"));
		String mine = "&childId=" + this.childId;

		assertThat(ids("?from=" + this.monday + "&to=" + this.monday.plus(7, ChronoUnit.DAYS) + mine))
			.containsExactly(thisWeek);
		assertThat(ids("?therapistId=" + this.supervisor.id() + mine)).containsExactly(nextWeek);
		assertThat(ids("?status=cancelled" + mine)).containsExactly(inTwoWeeks);
		assertThat(ids("?status=scheduled" + mine)).containsExactly(thisWeek, nextWeek);
		assertThat(ids("?therapistId=" + this.technician.id() + "&status=scheduled&from=" + this.monday + "&to="
				+ this.monday.plus(1, ChronoUnit.DAYS)))
			.containsExactly(thisWeek, othersAppointment);
		assertThat(ids("?childId=" + otherChild)).containsExactly(othersAppointment);
		// query parameters are named as they are (they are not JSON pointers)
		assertPointer(this.admin.api().get("/api/appointments?status=maybe"), "status");
	}

	private List<String> ids(String query) {
		Api.Response listed = this.admin.api().get("/api/appointments" + query);
		assertThat(listed.status()).as(listed.text()).isEqualTo(200);
		List<String> ids = new java.util.ArrayList<>();
		listed.json().get("content").forEach(a -> ids.add(a.get("id").asString()));
		return ids;
	}

	@Test
	void onlyAdminsBook() {
		Api.Response refused = this.supervisor.api()
			.post("/api/appointments",
					body("childId", this.childId, "therapistId", this.technician.id(), "serviceCode", "97153", "place",
							"home", "start", this.monday.toString(), "end",
							this.monday.plus(1, ChronoUnit.HOURS).toString()));

		assertThat(refused.status()).isEqualTo(403);
	}

	@Test
	void badInputIsRefusedWithAPointer() {
		assertPointer(book(this.childId, this.technician, this.monday, -60, null, null), "/end");
		assertPointer(book(this.childId, this.technician, this.monday, 0, null, null), "/end");
		assertPointer(book(this.childId, this.technician, this.monday, 24 * 60, null, null), "/end");
		assertPointer(book(this.childId, this.technician, this.monday, 60, "FREQ=WEEKLY;BYDAY=MO", null),
				"/recurrence");
		assertPointer(book(this.childId, this.technician, this.monday, 60, "EVERY MONDAY", null), "/recurrence");
		assertPointer(book(this.childId, this.technician, this.monday, 60, "FREQ=WEEKLY;BYDAY=TU;COUNT=2", null),
				"/recurrence");
		assertPointer(this.admin.api()
			.post("/api/appointments",
					body("childId", this.childId, "therapistId", this.technician.id(), "serviceCode", "99999", "place",
							"home", "start", this.monday.toString(), "end",
							this.monday.plus(1, ChronoUnit.HOURS).toString())),
				"/serviceCode");
		assertPointer(this.admin.api()
			.post("/api/appointments",
					body("childId", this.childId, "therapistId", this.technician.id(), "serviceCode", "97153", "place",
							"moon", "start", this.monday.toString(), "end",
							this.monday.plus(1, ChronoUnit.HOURS).toString())),
				"/place");
		Person notOnTheTeam = this.clinic.aTherapist("RBT");
		assertPointer(book(this.childId, notOnTheTeam, this.monday, 60, null, null), "/therapistId");
		// times carry their offset; a local time alone, or a zone nobody knows, says
		// nothing certain
		String local = this.monday.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime().toString();
		assertPointer(this.admin.api()
			.post("/api/appointments",
					body("childId", this.childId, "therapistId", this.technician.id(), "serviceCode", "97153", "place",
							"home", "start", local, "end", this.monday.plus(1, ChronoUnit.HOURS).toString())),
				"/start");
		assertPointer(this.admin.api()
			.post("/api/appointments",
					body("childId", this.childId, "therapistId", this.technician.id(), "serviceCode", "97153", "place",
							"home", "start", this.monday.atOffset(java.time.ZoneOffset.UTC) + "[Mars/Olympus_Mons]",
							"end", this.monday.plus(1, ChronoUnit.HOURS).toString())),
				"/start");
		assertThat(this.admin.api().get("/api/appointments?childId=" + this.childId).at("/page/totalElements"))
			.as("nothing half-booked")
			.isEqualTo("0");
	}

	@Test
	void anAdminMovesOneOccurrenceOfASeriesAlone() {
		Api.Response booked = book(this.childId, this.technician, this.monday, 60, "FREQ=WEEKLY;BYDAY=MO;COUNT=3",
				null);
		String second = booked.at("/occurrences/1/id");

		Api.Response moved = this.admin.api()
			.put("/api/appointments/" + second, body("scope", "this", "start",
					this.monday.plus(7, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).toString()));

		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(moved.json().get("occurrences")).hasSize(1);
		assertThat(Instant.parse(moved.at("/occurrences/0/start")))
			.isEqualTo(this.monday.plus(7, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
		assertThat(Instant.parse(moved.at("/occurrences/0/end"))).as("keeps its length")
			.isEqualTo(this.monday.plus(7, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS));
		assertThat(start(booked.at("/occurrences/2/id"))).isEqualTo(this.monday.plus(14, ChronoUnit.DAYS));
	}

	@Test
	void movingThisAndFollowingShiftsEachOccurrenceAndSplitsTheSeries() {
		Api.Response booked = book(this.childId, this.technician, this.monday, 60, "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4",
				null);
		Instant third = Instant.parse(booked.at("/occurrences/2/start"));

		Api.Response moved = this.admin.api()
			.put("/api/appointments/" + booked.at("/occurrences/2/id"), body("scope", "following", "start",
					third.plus(25, ChronoUnit.HOURS).toString(), "place", "clinic"));

		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		JsonNode occurrences = moved.json().get("occurrences");
		assertThat(occurrences).hasSize(2);
		assertThat(Instant.parse(occurrences.get(1).get("start").asString()))
			.isEqualTo(this.monday.plus(9, ChronoUnit.DAYS).plus(25, ChronoUnit.HOURS));
		assertThat(occurrences.get(1).get("place").asString()).isEqualTo("clinic");
		assertThat(moved.at("/series/id")).isNotEqualTo(booked.at("/series/id"));
		assertThat(moved.at("/series/recurrence")).contains("BYDAY=TU,TH").contains("COUNT=2");
		Api.Response first = this.admin.api().get("/api/appointments/" + booked.at("/occurrences/1/id"));
		assertThat(Instant.parse(first.at("/start"))).isEqualTo(this.monday.plus(2, ChronoUnit.DAYS));
		assertThat(first.at("/place")).isEqualTo("home");
	}

	@Test
	void movingAllOccurrencesAWeekLaterPassesThroughTheirOwnTimes() {
		Api.Response booked = book(this.childId, this.technician, this.monday, 60, "FREQ=WEEKLY;BYDAY=MO;COUNT=3",
				null);

		Api.Response moved = this.admin.api()
			.put("/api/appointments/" + booked.at("/occurrences/0/id"), body("scope", "all", "start",
					this.monday.plus(7, ChronoUnit.DAYS).toString(), "therapistId", this.supervisor.id()));

		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(moved.json().get("occurrences")).hasSize(3);
		assertThat(Instant.parse(moved.at("/occurrences/2/start"))).isEqualTo(this.monday.plus(21, ChronoUnit.DAYS));
		assertThat(moved.at("/occurrences/2/therapist/id")).isEqualTo(this.supervisor.id());
		assertThat(moved.at("/series/id")).isEqualTo(booked.at("/series/id"));
	}

	@Test
	void aMoveIntoAConflictIsRefusedAndNothingMoves() {
		Api.Response booked = book(this.childId, this.technician, this.monday, 60, "FREQ=WEEKLY;BYDAY=MO;COUNT=3",
				null);
		String otherChild = this.clinic.aChild(this.admin, null, null, this.technician);
		String inTheWay = this.clinic.anAppointment(this.admin, otherChild, this.technician,
				this.monday.plus(7, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));

		Api.Response refused = this.admin.api()
			.put("/api/appointments/" + booked.at("/occurrences/0/id"),
					body("scope", "all", "start", this.monday.plus(1, ChronoUnit.HOURS).toString()));

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.json().get("errors")).hasSize(1);
		assertThat(refused.at("/errors/0/pointer")).isEqualTo("/occurrences/1");
		assertThat(refused.at("/errors/0/detail")).contains(day(this.monday.plus(7, ChronoUnit.DAYS)))
			.doesNotContain(inTheWay);
		assertThat(start(booked.at("/occurrences/0/id"))).as("all or nothing").isEqualTo(this.monday);
	}

	@Test
	void therapistsAndParentsDoNotMoveAppointments() {
		String id = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		Object later = body("start", this.monday.plus(1, ChronoUnit.HOURS).toString());

		assertThat(this.technician.api().put("/api/appointments/" + id, later).status()).isEqualTo(403);
		assertThat(this.guardian.api().put("/api/appointments/" + id, later).status()).isEqualTo(403);
		assertThat(this.admin.api().put("/api/appointments/" + id, body("scope", "sometimes")).status()).isEqualTo(400);
	}

	@Test
	void aMoveBasedOnAnOldVersionIsRefused() {
		String id = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		Object later = body("start", this.monday.plus(1, ChronoUnit.HOURS).toString());
		assertThat(this.admin.api().get("/api/appointments/" + id).header("ETag")).isEqualTo("\"0\"");
		assertThat(this.admin.api().put("/api/appointments/" + id, later, "If-Match", "\"0\"").status()).isEqualTo(200);

		Api.Response stale = this.admin.api().put("/api/appointments/" + id, later, "If-Match", "\"0\"");

		assertThat(stale.status()).as(stale.text()).isEqualTo(412);
	}

	@Test
	void onlyScheduledAppointmentsMove() {
		String id = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		this.guardian.api().post("/api/appointments/" + id + "/cancel", body("reason", "Holiday"));

		Api.Response refused = this.admin.api()
			.put("/api/appointments/" + id, body("start", this.monday.plus(1, ChronoUnit.HOURS).toString()));

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
	}

	@Test
	void theTherapistRecordsANoShowAndTheSlotIsFreeAgain() {
		Instant started = anHourAgo();
		String id = this.clinic.anAppointment(this.admin, this.childId, this.technician, started);

		assertThat(this.supervisor.api().post("/api/appointments/" + id + "/no-show", "{}").status()).as("not theirs")
			.isEqualTo(403);
		Api.Response missed = this.technician.api().post("/api/appointments/" + id + "/no-show", "{}");

		assertThat(missed.status()).as(missed.text()).isEqualTo(200);
		assertThat(missed.at("/status")).isEqualTo("no_show");
		assertThat(this.technician.api().post("/api/appointments/" + id + "/check-in", "{}").status()).isEqualTo(409);
		assertThat(book(this.childId, this.technician, started, 60, null, null).status()).isEqualTo(201);
	}

	@Test
	void completingOpensTheSessionRecordLinkedBothWays() {
		// over already: completing it without actual times takes the booked ones (the
		// session's, as opened)
		Instant start = anHourAgo().minus(1, ChronoUnit.HOURS);
		String id = this.clinic.anAppointment(this.admin, this.childId, this.technician, start);
		this.technician.api().post("/api/appointments/" + id + "/check-in", "{}");

		Api.Response completed = this.technician.api().post("/api/appointments/" + id + "/complete", "{}");

		assertThat(completed.status()).as(completed.text()).isEqualTo(200);
		String sessionId = completed.at("/sessionId");
		assertThat(sessionId).isNotNull();
		Api.Response session = this.technician.api().get("/api/sessions/" + sessionId);
		assertThat(session.status()).as(session.text()).isEqualTo(200);
		assertThat(session.at("/appointmentId")).isEqualTo(id);
		assertThat(session.at("/status")).isEqualTo("open");
		assertThat(session.at("/therapist/id")).isEqualTo(this.technician.id());
		assertThat(session.at("/childId")).isEqualTo(this.childId);
		assertThat(session.at("/serviceCode")).isEqualTo("97153");
		assertThat(session.at("/place")).isEqualTo("clinic");
		assertThat(Instant.parse(session.at("/startedAt"))).isEqualTo(start);
		assertThat(Instant.parse(session.at("/endedAt"))).isEqualTo(start.plus(1, ChronoUnit.HOURS));
		assertThat(this.admin.api().get("/api/appointments/" + id).at("/sessionId")).isEqualTo(sessionId);
		assertThat(completed.at("/sessionStatus")).isEqualTo("open");
		Api.Response submitted = this.technician.api()
			.post("/api/sessions/" + sessionId + "/submit", Api.body("note", "Short session."));
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		assertThat(this.technician.api().get("/api/appointments/" + id).at("/sessionStatus"))
			.as("what the today list shows")
			.isEqualTo("submitted");
		assertThat(this.completed).as("published for billing, once")
			.filteredOn(e -> e.appointmentId().toString().equals(id))
			.singleElement()
			.satisfies(event -> {
				assertThat(event.sessionId()).hasToString(sessionId);
				assertThat(event.therapistId()).hasToString(this.technician.id());
				assertThat(event.serviceCode().code()).isEqualTo("97153");
				assertThat(event.startsAt()).isEqualTo(start);
				assertThat(event.endsAt()).isEqualTo(start.plus(1, ChronoUnit.HOURS));
				assertThat(event.actualStart()).isEqualTo(start);
				assertThat(event.actualEnd()).isEqualTo(start.plus(1, ChronoUnit.HOURS));
			});
		assertThat(this.technician.api().post("/api/appointments/" + id + "/complete", "{}").status())
			.as("completing twice")
			.isEqualTo(409);
	}

	@Test
	void aTherapistsDayShowsTheirOwnAndAParentsTheirChildrens() {
		String own = this.clinic.anAppointment(this.admin, this.childId, this.technician, this.monday);
		Person otherTechnician = this.clinic.aTherapist("RBT");
		Person otherParent = this.clinic.aParent();
		String otherChild = this.clinic.aChild(this.admin, otherParent, null, otherTechnician);
		String others = this.clinic.anAppointment(this.admin, otherChild, otherTechnician, this.monday);
		String day = "?from=" + this.monday.truncatedTo(ChronoUnit.DAYS) + "&to="
				+ this.monday.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);

		Api.Response technicianDay = this.technician.api().get("/api/appointments" + day);
		Api.Response parentDay = this.guardian.api().get("/api/appointments" + day);

		assertThat(technicianDay.at("/page/totalElements")).isEqualTo("1");
		assertThat(technicianDay.at("/content/0/id")).isEqualTo(own);
		assertThat(parentDay.at("/page/totalElements")).isEqualTo("1");
		assertThat(parentDay.at("/content/0/id")).isEqualTo(own);
		assertThat(otherParent.api().get("/api/appointments" + day).at("/content/0/id")).isEqualTo(others);
	}

	private Api.Response book(String childId, Person therapist, Instant start, int minutes, String recurrence,
			String overrideReason) {
		return this.admin.api()
			.post("/api/appointments",
					body("childId", childId, "therapistId", therapist.id(), "serviceCode", "97153", "place", "home",
							"start", start.toString(), "end", start.plus(minutes, ChronoUnit.MINUTES).toString(),
							"recurrence", recurrence, "override",
							(overrideReason != null) ? body("reason", overrideReason) : null));
	}

	/**
	 * An hour ago, to the minute: the appointment has started, so attendance may be
	 * recorded.
	 */
	private static Instant anHourAgo() {
		return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
	}

	private Instant start(String appointmentId) {
		return Instant.parse(this.admin.api().get("/api/appointments/" + appointmentId).at("/start"));
	}

	private static void assertPointer(Api.Response response, String pointer) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.at("/errors/0/pointer")).as(response.text()).isEqualTo(pointer);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** "on Mon 21 Dec": how conflicts name a day (the test clinic's zone is UTC). */
	private static String day(Instant at) {
		return "on " + java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH)
			.format(at.atZone(ZoneOffset.UTC));
	}

}
