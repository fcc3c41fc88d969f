package org.sparktherapy.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sparktherapy.support.Api.body;

/**
 * A supervisor's protocol modification (97155) over the child's treatment by protocol
 * (97153) with a technician is the one overlap of a child allowed — by the application
 * and by the database's exclusion constraint — and each side names the other as its
 * supervision. Every other overlap of one child stays a 409, and only a BCBA or BCaBA is
 * booked for 97155.
 */
@IntegrationTest
class SupervisionOverlapIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	Clinic clinic;

	Person admin;

	Person bcba;

	Person bcaba;

	Person technician;

	Person otherTechnician;

	String childId;

	/** 15:00 on a Monday ahead: the technician's 97153 runs 15:00–17:00. */
	Instant start;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.bcba = this.clinic.aTherapist("BCBA");
		this.bcaba = this.clinic.aTherapist("BCaBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.otherTechnician = this.clinic.aTherapist("RBT");
		this.childId = this.clinic.aChild(this.admin, this.clinic.aParent(), this.bcba, this.technician);
		joinCareTeam(this.bcaba, "supervisor");
		joinCareTeam(this.otherTechnician, "technician");
		this.start = Clinic.aMondayAfternoonAhead();
	}

	@Test
	void aSupervisorsSessionOverlapsTheTechniciansAndIsCountedAsSupervisionOfThem() {
		String treatment = booked(book(this.technician, "97153", this.start, 120));

		Api.Response supervision = book(this.bcba, "97155", at(30), 60);

		assertThat(supervision.status()).as(supervision.text()).isEqualTo(201);
		assertThat(supervision.at("/occurrences/0/supervises/0/appointmentId")).isEqualTo(treatment);
		assertThat(supervision.at("/occurrences/0/supervises/0/therapist/id")).isEqualTo(this.technician.id());
		assertThat(supervision.at("/occurrences/0/supervises/0/therapist/name")).isEqualTo("Test therapist");
		Api.Response supervised = this.admin.api().get("/api/appointments/" + treatment);
		assertThat(supervised.at("/supervisedBy/0/appointmentId")).isEqualTo(booked(supervision));
		assertThat(supervised.at("/supervisedBy/0/therapist/id")).isEqualTo(this.bcba.id());
		assertThat(supervised.json().get("supervises")).isEmpty();
	}

	@Test
	void theTechniciansSessionMayAlsoBeBookedUnderTheSupervision() {
		book(this.bcaba, "97155", at(30), 60);

		Api.Response treatment = book(this.technician, "97153", this.start, 120);

		assertThat(treatment.status()).as(treatment.text()).isEqualTo(201);
		assertThat(treatment.at("/occurrences/0/supervisedBy/0/therapist/id")).isEqualTo(this.bcaba.id());
	}

	@Test
	void twoTreatmentSessionsOfTheChildStillConflict() {
		book(this.technician, "97153", this.start, 120);

		assertConflict(book(this.otherTechnician, "97153", at(30), 60));
	}

	@Test
	void twoSupervisionsOfTheChildStillConflict() {
		book(this.technician, "97153", this.start, 120);
		assertThat(book(this.bcba, "97155", at(30), 60).status()).isEqualTo(201);

		assertConflict(book(this.bcaba, "97155", at(45), 30));
	}

	@Test
	void aSupervisionByTheTechniciansOwnTherapistConflicts() {
		book(this.bcba, "97153", this.start, 120);

		assertConflict(book(this.bcba, "97155", at(30), 60));
	}

	@Test
	void aSupervisionOverAnAssessmentOrFamilyGuidanceConflicts() {
		book(this.bcba, "97151", this.start, 120);
		assertConflict(book(this.bcaba, "97155", at(30), 60));

		Instant later = this.start.plus(1, ChronoUnit.DAYS);
		book(this.technician, "97153", later, 120);
		assertConflict(book(this.bcba, "97156", later.plus(30, ChronoUnit.MINUTES), 60));
	}

	@Test
	void aTechnicianIsNotBookedForSupervision() {
		Api.Response refused = book(this.technician, "97155", this.start, 60);

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/type")).endsWith("/service-not-for-credential");
		assertThat(refused.at("/errors/0/pointer")).isEqualTo("/therapistId");
		assertThat(refused.at("/errors/0/detail")).contains("RBT").contains("BCBA");
	}

	@Test
	void aTechnicianIsNotMovedOntoSupervision() {
		String treatment = booked(book(this.technician, "97153", this.start, 60));

		Api.Response refused = this.admin.api().put("/api/appointments/" + treatment, body("serviceCode", "97155"));

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.at("/errors/0/pointer")).isEqualTo("/therapistId");
	}

	/**
	 * The exclusion constraint itself, without the application's look ahead: only the
	 * supervision pair passes.
	 */
	@Test
	void theDatabaseRefusesEveryOverlapOfTheChildButTheSupervision() {
		Instant at = this.start.plus(2, ChronoUnit.DAYS);
		insert(this.technician, "97153", at, 120);
		insert(this.bcba, "97155", at.plus(30, ChronoUnit.MINUTES), 60);

		assertRefusedByTheDatabase(() -> insert(this.bcaba, "97155", at.plus(45, ChronoUnit.MINUTES), 30));
		assertRefusedByTheDatabase(() -> insert(this.otherTechnician, "97153", at.plus(90, ChronoUnit.MINUTES), 60));
		assertRefusedByTheDatabase(() -> insert(this.bcaba, "97151", at.plus(100, ChronoUnit.MINUTES), 30));
		assertRefusedByTheDatabase(() -> insert(this.bcaba, "97156", at.minus(30, ChronoUnit.MINUTES), 45));
	}

	/**
	 * Concurrency: an uncommitted supervision does not hold up the technician's booking
	 * over it, while an uncommitted treatment session makes a second one wait and then
	 * refuses it as a conflict (409, not 500).
	 */
	@Test
	void uncommittedRowsAreJudgedByTheSameRule() throws Exception {
		try (Connection held = this.dataSource.getConnection()) {
			held.setAutoCommit(false);
			insert(held, this.bcba, "97155", at(30), 60);

			Api.Response treatment = CompletableFuture
				.supplyAsync(() -> book(this.technician, "97153", this.start, 120))
				.get(15, TimeUnit.SECONDS);
			assertThat(treatment.status()).as("no wait for the supervision: " + treatment.text()).isEqualTo(201);
			held.rollback();
		}
		Instant later = this.start.plus(1, ChronoUnit.DAYS);
		try (Connection held = this.dataSource.getConnection()) {
			held.setAutoCommit(false);
			insert(held, this.otherTechnician, "97153", later, 120);
			CompletableFuture<Api.Response> second = CompletableFuture
				.supplyAsync(() -> book(this.technician, "97153", later.plus(30, ChronoUnit.MINUTES), 60));
			Awaitility.await()
				.atMost(Duration.ofSeconds(15))
				.until(() -> second.isDone() || this.jdbc
					.sql("""
							select count(*) from pg_stat_activity
							where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into appointments%'
							""")
					.query(Integer.class)
					.single() > 0);
			assertThat(second).as("the second treatment waits for the uncommitted one").isNotDone();
			held.commit();

			Api.Response refused = second.get(15, TimeUnit.SECONDS);
			assertThat(refused.status()).as(refused.text()).isEqualTo(409);
			assertThat(refused.at("/type")).endsWith("/appointment-conflict");
		}
	}

	private Instant at(int minutesAfterStart) {
		return this.start.plus(minutesAfterStart, ChronoUnit.MINUTES);
	}

	private Api.Response book(Person therapist, String serviceCode, Instant start, int minutes) {
		return this.admin.api()
			.post("/api/appointments",
					body("childId", this.childId, "therapistId", therapist.id(), "serviceCode", serviceCode, "place",
							"clinic", "start", start.toString(), "end",
							start.plus(minutes, ChronoUnit.MINUTES).toString()));
	}

	private static String booked(Api.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.at("/occurrences/0/id");
	}

	private static void assertConflict(Api.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(409);
		assertThat(response.at("/type")).endsWith("/appointment-conflict");
	}

	private void joinCareTeam(Person therapist, String role) {
		Api.Response joined = this.admin.api()
			.post("/api/children/" + this.childId + "/care-team", body("userId", therapist.id(), "role", role));
		assertThat(joined.status()).as(joined.text()).isEqualTo(201);
	}

	private void insert(Person therapist, String serviceCode, Instant start, int minutes) {
		try (Connection connection = this.dataSource.getConnection()) {
			insert(connection, therapist, serviceCode, start, minutes);
		}
		catch (java.sql.SQLException ex) {
			throw new DataIntegrityViolationException(ex.getMessage(), ex);
		}
	}

	private void insert(Connection connection, Person therapist, String serviceCode, Instant start, int minutes)
			throws java.sql.SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"""
						insert into appointments (id, child_id, therapist_id, service_code, place, starts_at, ends_at,
						    local_start, zone, status, created_by, created_at, updated_at)
						values (?::uuid, ?::uuid, ?::uuid, ?, 'clinic', ?, ?, ?, 'UTC', 'scheduled', ?::uuid, now(), now())""")) {
			insert.setString(1, UUID.randomUUID().toString());
			insert.setString(2, this.childId);
			insert.setString(3, therapist.id());
			insert.setString(4, serviceCode);
			insert.setObject(5, start.atOffset(ZoneOffset.UTC));
			insert.setObject(6, start.plus(minutes, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
			insert.setObject(7, start.atOffset(ZoneOffset.UTC).toLocalDateTime());
			insert.setString(8, this.admin.id());
			insert.executeUpdate();
		}
	}

	private static void assertRefusedByTheDatabase(Runnable insert) {
		assertThatThrownBy(insert::run).isInstanceOf(DataIntegrityViolationException.class)
			.cause()
			.satisfies(cause -> assertThat(((java.sql.SQLException) cause).getSQLState()).isEqualTo("23P01"));
	}

}
