package org.sparktherapy.billing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.EventPublications;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Insurance authorizations through the API against the real database: usage read from the
 * schedule, overlaps refused by the database, optimistic concurrency, who may see and
 * change them, and the access log. The test clinic's time zone is UTC, so an
 * appointment's local date is its UTC date.
 */
@IntegrationTest
class AuthorizationsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Clinic clinic;

	Person admin;

	Person parent;

	Person supervisor;

	Person technician;

	String childId;

	/**
	 * A Monday 20 days ahead at 15:00 UTC: usage counts scheduled appointments ahead as
	 * well as completed ones.
	 */
	Instant monday;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.parent = this.clinic.aParent();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.childId = this.clinic.aChild(this.admin, this.parent, this.supervisor, this.technician);
		this.monday = Clinic.aMondayAfternoonAhead();
	}

	@Test
	void usageFollowsTheScheduleCompletedAsUsedAndUpcomingAsScheduled() {
		LocalDate first = day(this.monday);
		Api.Response created = create(this.childId, terms("97153", 40, first, first.plusDays(13)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.at("/id");
		assertThat(created.header("Location")).endsWith("/api/authorizations/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(created.at("/childName")).isNotBlank();
		assertThat(created.at("/unitsUsed")).isEqualTo("0");

		String done = book("97153", this.monday, 120);
		book("97153", this.monday.plus(1, ChronoUnit.DAYS), 53);
		String cancelled = book("97153", this.monday.plus(2, ChronoUnit.DAYS), 60);
		book("97155", this.monday.plus(3, ChronoUnit.DAYS), 60);
		book("97153", this.monday.plus(4, ChronoUnit.DAYS), 22);
		book("97153", this.monday.plus(5, ChronoUnit.DAYS), 23);
		book("97153", this.monday.plus(13, ChronoUnit.DAYS), 60);
		book("97153", this.monday.plus(14, ChronoUnit.DAYS), 60);
		// ahead of its time, so an admin records it, saying why (the clock rules are
		// tested in scheduling)
		Object early = body("override", body("reason", "Recorded ahead for this test"));
		assertThat(this.admin.api().post("/api/appointments/" + done + "/check-in", early).status()).isEqualTo(200);
		assertThat(this.admin.api().post("/api/appointments/" + done + "/complete", early).status()).isEqualTo(200);
		assertThat(this.admin.api()
			.post("/api/appointments/" + cancelled + "/cancel", body("reason", "Family holiday"))
			.status()).isEqualTo(200);

		JsonNode read = this.admin.api().get("/api/authorizations/" + id).json();
		// used: 120 minutes, 8 units. Scheduled: 53 minutes 4 units, 22 minutes 1, 23
		// minutes 2 (a unit counts from
		// its 8th minute), and 4 on the last day, which is included. The cancelled one,
		// another service code and the
		// day after the end count for nothing.
		assertThat(read.get("unitsUsed").asInt()).isEqualTo(8);
		assertThat(read.get("unitsScheduled").asInt()).isEqualTo(11);
		assertThat(read.get("unitsRemaining").asInt()).isEqualTo(21);
		assertThat(read.get("status").asString()).isEqualTo("upcoming");
		assertThat(read.get("alert").isNull()).isTrue();
	}

	@Test
	void usedUnitsAreCountedFromWhenACompletedSessionActuallyTookPlace() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String id = create(this.childId, terms("97153", 40, today.minusDays(1), today.plusDays(1))).at("/id");
		Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.HOURS);
		String done = book("97153", start, 120);
		String missed = book("97153", start.minus(2, ChronoUnit.HOURS), 60);
		assertThat(this.technician.api().post("/api/appointments/" + done + "/check-in", "{}").status()).isEqualTo(200);

		Api.Response completed = this.technician.api()
			.post("/api/appointments/" + done + "/complete",
					body("actualStart", start.plus(15, ChronoUnit.MINUTES).toString(), "actualEnd",
							start.plus(75, ChronoUnit.MINUTES).toString()));
		Api.Response noShow = this.technician.api().post("/api/appointments/" + missed + "/no-show", "{}");

		assertThat(completed.status()).as(completed.text()).isEqualTo(200);
		assertThat(noShow.status()).as(noShow.text()).isEqualTo(200);
		JsonNode read = this.admin.api().get("/api/authorizations/" + id).json();
		// booked for 120 minutes (8 units), took place for 60 (4); the no-show counts for
		// nothing
		assertThat(read.get("unitsUsed").asInt()).isEqualTo(4);
		assertThat(read.get("unitsScheduled").asInt()).isZero();
	}

	@Test
	void anAuthorizationRunningOutOrOverIsFlaggedAndListedForTheClinicMostPressingFirst() {
		LocalDate first = day(this.monday);
		String runningOut = create(this.childId, terms("97153", 10, first, first.plusDays(6))).at("/id");
		String over = create(this.childId, terms("97155", 4, first, first.plusDays(6))).at("/id");
		String quiet = create(this.childId, terms("97156", 100, first, first.plusDays(6))).at("/id");
		book("97153", this.monday, 120);
		book("97155", this.monday.plus(1, ChronoUnit.DAYS), 120);

		assertThat(this.admin.api().get("/api/authorizations/" + runningOut).at("/alert")).isEqualTo("running_out");
		assertThat(this.admin.api().get("/api/authorizations/" + over).at("/alert")).isEqualTo("over");
		assertThat(this.admin.api().get("/api/authorizations/" + over).at("/unitsRemaining")).isEqualTo("-4");
		assertThat(this.admin.api().get("/api/authorizations/" + quiet).at("/alert")).isNull();

		List<String> all = ids(this.admin.api().get("/api/authorizations?size=200"));
		assertThat(all).contains(over, runningOut, quiet);
		assertThat(all.indexOf(over)).isLessThan(all.indexOf(runningOut));
		assertThat(ids(this.admin.api().get("/api/authorizations?alert=over&size=200"))).contains(over)
			.doesNotContain(runningOut, quiet);
		assertThat(ids(this.admin.api().get("/api/authorizations?alert=running_out&size=200"))).contains(runningOut)
			.doesNotContain(over, quiet);
		Api.Response badFilter = this.admin.api().get("/api/authorizations?alert=soon");
		assertThat(badFilter.status()).isEqualTo(400);
		assertThat(badFilter.at("/errors/0/pointer")).isEqualTo("alert");
	}

	@Test
	void adminsAreToldOnceWhenTheScheduleRunsAnAuthorizationOutAndAgainWhenItGoesOverInOneStandingNotice() {
		LocalDate first = day(this.monday);
		String id = create(this.childId, terms("97153", 10, first, first.plusDays(6))).at("/id");
		Person secondAdmin = this.clinic.anAdmin();
		String runningOut = "Avery T.'s authorization for 97153 is running out (80 % committed)";
		String over = "The schedule goes over Avery T.'s authorization for 97153";

		book("97153", this.monday, 60);
		book("97153", this.monday.plus(1, ChronoUnit.DAYS), 60);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> titles(authorizationNotices(this.admin, id)).equals(List.of(runningOut)));
		String notice = authorizationNotices(this.admin, id).get(0).get("id").asString();
		this.admin.api().post("/api/notifications/read", Map.of("ids", List.of(notice)));
		book("97153", this.monday.plus(2, ChronoUnit.DAYS), 60);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> titles(authorizationNotices(secondAdmin, id)).equals(List.of(over)));
		book("97153", this.monday.plus(3, ChronoUnit.DAYS), 60);
		EventPublications.awaitDelivered(this.jdbc, "AuthorizationRunningOut", id);

		// the escalation updates the standing notice: one per authorization, unread
		// again, never a pile
		List<JsonNode> notices = authorizationNotices(this.admin, id);
		assertThat(titles(notices)).containsExactly(over);
		assertThat(notices.get(0).get("id").asString()).isEqualTo(notice);
		assertThat(notices.get(0).get("read").asBoolean()).isFalse();
		assertThat(notices)
			.allSatisfy(n -> assertThat(n.get("link").asString()).isEqualTo("/children/" + this.childId));
		this.admin.api().post("/api/notifications/read", Map.of("ids", List.of(notice)));

		// more units are authorized (quiet), then fewer again: the admins are told afresh
		assertThat(this.admin.api()
			.put("/api/authorizations/" + id, terms("97153", 100, first, first.plusDays(6)))
			.status()).isEqualTo(200);
		assertThat(this.admin.api()
			.put("/api/authorizations/" + id, terms("97153", 12, first, first.plusDays(6)))
			.status()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> authorizationNotices(this.admin, id).stream().anyMatch(n -> !n.get("read").asBoolean()));
		assertThat(authorizationNotices(this.admin, id)).hasSize(1);
		assertThat(authorizationNotices(this.parent, null)).isEmpty();
		assertThat(authorizationNotices(this.supervisor, null)).isEmpty();
	}

	private static List<String> titles(List<JsonNode> notices) {
		return notices.stream().map(n -> n.get("title").asString()).toList();
	}

	@Test
	void anExpiredAuthorizationLeavesTheClinicListAndOneEndingSoonIsFlagged() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String expired = create(this.childId, terms("97153", 40, today.minusDays(60), today.minusDays(1))).at("/id");
		String endingSoon = create(this.childId, terms("97155", 40, today.minusDays(10), today.plusDays(10))).at("/id");

		assertThat(this.admin.api().get("/api/authorizations/" + expired).at("/status")).isEqualTo("expired");
		assertThat(this.admin.api().get("/api/authorizations/" + endingSoon).at("/status")).isEqualTo("active");
		assertThat(this.admin.api().get("/api/authorizations/" + endingSoon).at("/alert")).isEqualTo("expiring");
		assertThat(ids(this.admin.api().get("/api/authorizations?size=200"))).doesNotContain(expired);
		assertThat(ids(this.admin.api().get("/api/authorizations?alert=expiring&size=200"))).contains(endingSoon);
		assertThat(ids(this.admin.api().get("/api/children/" + this.childId + "/authorizations")))
			.containsExactly(endingSoon, expired);
	}

	@Test
	void overlappingAuthorizationsOfOneServiceAreRefusedAndNothingIsStored() {
		LocalDate start = LocalDate.of(2031, 1, 1);
		String first = create(this.childId, terms("97153", 40, start, start.plusDays(89))).at("/id");

		Api.Response overlapping = create(this.childId, terms("97153", 20, start.plusDays(89), start.plusDays(120)));
		Api.Response next = create(this.childId, terms("97153", 20, start.plusDays(90), start.plusDays(120)));
		Api.Response otherService = create(this.childId, terms("97155", 20, start, start.plusDays(89)));
		Api.Response movedOnto = this.admin.api()
			.put("/api/authorizations/" + next.at("/id"), terms("97153", 20, start.plusDays(80), start.plusDays(120)));

		assertThat(overlapping.status()).as(overlapping.text()).isEqualTo(409);
		assertThat(overlapping.at("/type")).endsWith("/authorization-overlap");
		assertThat(overlapping.at("/conflictingId")).isEqualTo(first);
		assertThat(next.status()).as("the next day starts a new one").isEqualTo(201);
		assertThat(otherService.status()).isEqualTo(201);
		assertThat(movedOnto.status()).isEqualTo(409);
		assertThat(this.admin.api().get("/api/authorizations/" + next.at("/id")).at("/startDate"))
			.isEqualTo(start.plusDays(90).toString());
		assertThat(count("select count(*) from authorizations where child_id = '" + this.childId + "'")).isEqualTo(3);
	}

	@Test
	void twoAdminsRecordingOverlappingAuthorizationsAtOnceCannotBothWin() throws Exception {
		LocalDate start = LocalDate.of(2029, 3, 1);
		Person secondAdmin = this.clinic.anAdmin();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<Api.Response> answers = new ArrayList<>();
		try {
			List<Callable<Api.Response>> both = List.of(
					() -> create(this.admin, this.childId, terms("97153", 40, start, start.plusDays(30))),
					() -> create(secondAdmin, this.childId,
							terms("97153", 40, start.plusDays(10), start.plusDays(40))));
			for (Future<Api.Response> answer : threads.invokeAll(both)) {
				answers.add(answer.get());
			}
		}
		finally {
			threads.shutdown();
		}

		assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
		assertThat(answers).filteredOn(answer -> answer.status() == 409)
			.singleElement()
			.satisfies(answer -> assertThat(answer.at("/type")).endsWith("/authorization-overlap"));
		assertThat(count("select count(*) from authorizations where child_id = '" + this.childId
				+ "' and service_code = '97153'"))
			.isEqualTo(1);
	}

	@Test
	void theDatabaseHasTheLastWordOnAnOverlapSavedWhileTheServiceLooked() throws Exception {
		LocalDate start = LocalDate.of(2029, 9, 1);
		ExecutorService threads = Executors.newSingleThreadExecutor();
		try (Connection other = this.dataSource.getConnection()) {
			// another admin's overlapping authorization, stored but not committed: the
			// service's look cannot see it
			other.setAutoCommit(false);
			int otherPid;
			try (Statement statement = other.createStatement()) {
				statement.executeUpdate("insert into authorizations (id, child_id, payer, authorization_number, "
						+ "service_code, units_authorized, starts_on, ends_on, created_by, created_at, updated_by, "
						+ "updated_at) values (gen_random_uuid(), '" + this.childId + "', 'Aetna', 'A-9', '97153', 40, "
						+ "'2029-09-01', '2029-11-30', '" + this.admin.id() + "', now(), '" + this.admin.id()
						+ "', now())");
				try (ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
					pid.next();
					otherPid = pid.getInt(1);
				}
			}
			Future<Api.Response> waiting = threads
				.submit(() -> create(this.childId, terms("97153", 20, start.plusDays(30), start.plusDays(60))));
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> !this.jdbc.sql("select pid from pg_stat_activity where :pid = any(pg_blocking_pids(pid))")
					.param("pid", otherPid)
					.query(Integer.class)
					.list()
					.isEmpty());
			other.commit();

			Api.Response refused = waiting.get(30, TimeUnit.SECONDS);
			assertThat(refused.status()).as(refused.text()).isEqualTo(409);
			assertThat(refused.at("/type")).endsWith("/authorization-overlap");
			assertThat(refused.at("/errors/0/pointer")).isEqualTo("/startDate");
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(count("select count(*) from authorizations where child_id = '" + this.childId + "'")).isEqualTo(1);
	}

	@Test
	void badInputIsAnsweredFieldByFieldAndNothingIsStored() {
		LocalDate start = LocalDate.of(2030, 5, 1);
		Api.Response backwards = create(this.childId, terms("97153", 40, start, start.minusDays(1)));
		Api.Response unknownCode = create(this.childId, terms("90837", 40, start, start));
		Api.Response noUnits = create(this.childId, terms("97153", 0, start, start));
		Map<String, Object> noPayer = terms("97153", 40, start, start);
		noPayer.put("payer", " ");
		Api.Response blankPayer = create(this.childId, noPayer);
		Map<String, Object> noDate = terms("97153", 40, start, start);
		noDate.remove("endDate");
		Api.Response missingEnd = create(this.childId, noDate);
		Api.Response longAgo = create(this.childId, terms("97153", 40, LocalDate.of(1999, 12, 31), start));
		Api.Response tooLong = create(this.childId, terms("97153", 40, start, start.plusYears(2).plusDays(1)));
		Api.Response farAhead = create(this.childId,
				terms("97153", 40, LocalDate.now().plusYears(6), LocalDate.now().plusYears(6)));
		Map<String, Object> control = terms("97153", 40, start, start);
		control.put("payer", "Aetna\u0000");
		Api.Response controlCharacter = create(this.childId, control);

		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.at("/errors/0/pointer")).isEqualTo("/endDate");
		assertThat(unknownCode.status()).isEqualTo(400);
		assertThat(unknownCode.at("/errors/0/pointer")).isEqualTo("/serviceCode");
		assertThat(noUnits.status()).isEqualTo(400);
		assertThat(noUnits.at("/errors/0/pointer")).isEqualTo("/unitsAuthorized");
		assertThat(blankPayer.status()).isEqualTo(400);
		assertThat(blankPayer.at("/errors/0/pointer")).isEqualTo("/payer");
		assertThat(longAgo.status()).isEqualTo(400);
		assertThat(longAgo.at("/errors/0/pointer")).isEqualTo("/startDate");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.at("/errors/0/pointer")).isEqualTo("/endDate");
		assertThat(farAhead.at("/errors/0/pointer")).isEqualTo("/startDate");
		assertThat(controlCharacter.status()).isEqualTo(400);
		assertThat(controlCharacter.at("/errors/0/pointer")).isEqualTo("/payer");
		assertThat(missingEnd.status()).isEqualTo(400);
		assertThat(missingEnd.at("/errors/0/pointer")).isEqualTo("/endDate");
		assertThat(count("select count(*) from authorizations where child_id = '" + this.childId + "'")).isZero();
	}

	@Test
	void aChangeMadeMeanwhileIsNotOverwritten() {
		LocalDate start = LocalDate.of(2030, 9, 1);
		String id = create(this.childId, terms("97153", 40, start, start.plusDays(30))).at("/id");

		Api.Response changed = this.admin.api()
			.put("/api/authorizations/" + id, terms("97153", 48, start, start.plusDays(30)), "If-Match", "\"0\"");
		Api.Response stale = this.admin.api()
			.put("/api/authorizations/" + id, terms("97153", 60, start, start.plusDays(30)), "If-Match", "\"0\"");

		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");
		assertThat(changed.at("/unitsAuthorized")).isEqualTo("48");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(this.admin.api().get("/api/authorizations/" + id).at("/unitsAuthorized")).isEqualTo("48");
	}

	@Test
	void guardiansAndSupervisorsReadTechniciansAndStrangersDoNotOnlyAdminsChangeAndEveryAccessIsLogged() {
		LocalDate start = LocalDate.of(2030, 1, 1);
		String id = create(this.childId, terms("97153", 40, start, start.plusDays(30))).at("/id");
		String list = "/api/children/" + this.childId + "/authorizations";
		Person otherParent = this.clinic.aParent();
		Person otherTherapist = this.clinic.aTherapist("BCBA");

		assertThat(ids(this.parent.api().get(list))).containsExactly(id);
		assertThat(this.parent.api().get("/api/authorizations/" + id).at("/memberId")).isEqualTo("XYZ123456789");
		Api.Response bySupervisor = this.supervisor.api().get("/api/authorizations/" + id);
		assertThat(bySupervisor.status()).isEqualTo(200);
		assertThat(bySupervisor.at("/memberId")).as("minimum necessary").isNull();
		assertThat(bySupervisor.at("/unitsAuthorized")).isEqualTo("40");
		assertThat(this.supervisor.api().get(list).json().get(0).get("memberId").isNull()).isTrue();
		assertThat(this.technician.api().get(list).status()).isEqualTo(403);
		assertThat(this.technician.api().get("/api/authorizations/" + id).status()).isEqualTo(403);
		assertThat(otherParent.api().get(list).status()).isEqualTo(404);
		assertThat(otherTherapist.api().get("/api/authorizations/" + id).status()).isEqualTo(404);
		assertThat(create(this.parent, this.childId, terms("97155", 4, start, start)).status()).isEqualTo(403);
		assertThat(this.supervisor.api()
			.put("/api/authorizations/" + id, terms("97153", 400, start, start.plusDays(30)))
			.status()).isEqualTo(403);
		assertThat(this.parent.api().delete("/api/authorizations/" + id).status()).isEqualTo(403);
		assertThat(this.supervisor.api().get("/api/authorizations").status()).isEqualTo(403);

		JsonNode audit = this.admin.api().get("/api/audit?childId=" + this.childId + "&size=200").json().get("content");
		assertThat(audit).anySatisfy(entry -> {
			assertThat(entry.get("userId").asString()).isEqualTo(this.parent.id());
			assertThat(entry.get("resourceType").asString()).isEqualTo("authorization");
			assertThat(entry.get("action").asString()).isEqualTo("list");
			assertThat(entry.get("outcome").asString()).isEqualTo("success");
		});
		assertThat(audit).anySatisfy(entry -> {
			assertThat(entry.get("userId").asString()).isEqualTo(this.technician.id());
			assertThat(entry.get("resourceType").asString()).isEqualTo("authorization");
			assertThat(entry.get("outcome").asString()).isEqualTo("denied");
		});
		assertThat(audit).anySatisfy(entry -> {
			assertThat(entry.get("userId").asString()).isEqualTo(otherParent.id());
			assertThat(entry.get("outcome").asString()).isEqualTo("not_found");
		});
		assertThat(audit).anySatisfy(entry -> {
			assertThat(entry.get("userId").asString()).isEqualTo(this.admin.id());
			assertThat(entry.get("resourceType").asString()).isEqualTo("authorization");
			assertThat(entry.get("action").asString()).isEqualTo("create");
		});
	}

	@Test
	void theChildsHistoryKeepsEveryChangeWithoutTheFamilysInsuranceDetails() {
		LocalDate start = LocalDate.of(2030, 4, 1);
		Map<String, Object> first = terms("97153", 40, start, start.plusDays(30));
		String id = create(this.childId, first).at("/id");
		Map<String, Object> changed = terms("97153", 60, start, start.plusDays(30));
		changed.put("memberId", "NEW987654321");
		assertThat(this.admin.api().put("/api/authorizations/" + id, changed).status()).isEqualTo(200);
		assertThat(this.admin.api().delete("/api/authorizations/" + id).status()).isEqualTo(204);

		JsonNode history = this.technician.api()
			.get("/api/children/" + this.childId + "/history")
			.json()
			.get("content");
		List<JsonNode> entries = new ArrayList<>();
		history.forEach(entry -> {
			if (entry.get("entity").asString().equals("authorization")) {
				entries.add(entry);
			}
		});
		assertThat(entries).extracting(e -> e.get("action").asString())
			.containsExactly("deleted", "updated", "created");
		JsonNode updated = entries.get(1).get("changes");
		assertThat(updated).anySatisfy(c -> {
			assertThat(c.get("field").asString()).isEqualTo("unitsAuthorized");
			assertThat(c.get("from").asString()).isEqualTo("40");
			assertThat(c.get("to").asString()).isEqualTo("60");
		});
		assertThat(updated).anySatisfy(c -> {
			assertThat(c.get("field").asString()).isEqualTo("memberId");
			assertThat(c.get("from").isNull()).isTrue();
			assertThat(c.get("to").isNull()).isTrue();
		});
		assertThat(history.toString()).doesNotContain("XYZ123456789", "NEW987654321");
		assertThat(entries.get(0).get("changes")).anySatisfy(c -> {
			assertThat(c.get("field").asString()).isEqualTo("unitsAuthorized");
			assertThat(c.get("from").asString()).isEqualTo("60");
		});
	}

	@Test
	void aMistakeIsDeletedAndAnArchivedChildsAuthorizationsAreKeptAsTheyAre() {
		LocalDate start = LocalDate.of(2030, 3, 1);
		String id = create(this.childId, terms("97153", 40, start, start.plusDays(30))).at("/id");

		assertThat(this.admin.api().delete("/api/authorizations/" + id).status()).isEqualTo(204);
		assertThat(this.admin.api().get("/api/authorizations/" + id).status()).isEqualTo(404);

		String kept = create(this.childId, terms("97153", 40, start, start.plusDays(30))).at("/id");
		assertThat(this.admin.api().delete("/api/children/" + this.childId).status()).isEqualTo(204);
		assertThat(create(this.childId, terms("97155", 4, start, start)).status()).isEqualTo(409);
		assertThat(this.admin.api().delete("/api/authorizations/" + kept).status()).isEqualTo(409);
		assertThat(this.admin.api().get("/api/authorizations/" + kept).status()).isEqualTo(200);
	}

	/**
	 * The person's authorization notices (about the authorization {@code id}, or any when
	 * null).
	 */
	private List<JsonNode> authorizationNotices(Person person, String id) {
		List<JsonNode> found = new ArrayList<>();
		person.api().get("/api/notifications?size=100").json().get("content").forEach(n -> {
			if (n.get("kind").asString().equals("authorization_running_out")
					&& (id == null || this.jdbc.sql("select source_key from notifications where id = :id")
						.param("id", java.util.UUID.fromString(n.get("id").asString()))
						.query(String.class)
						.single()
						.startsWith(id))) {
				found.add(n);
			}
		});
		return found;
	}

	private Api.Response create(String childId, Map<String, Object> terms) {
		return create(this.admin, childId, terms);
	}

	private static Api.Response create(Person who, String childId, Map<String, Object> terms) {
		return who.api().post("/api/children/" + childId + "/authorizations", terms);
	}

	private static Map<String, Object> terms(String serviceCode, int units, LocalDate start, LocalDate end) {
		return new java.util.HashMap<>(Map.of("payer", "Blue Cross Blue Shield", "memberId", "XYZ123456789",
				"authorizationNumber", "AUTH-" + serviceCode + "-" + start, "serviceCode", serviceCode,
				"unitsAuthorized", units, "startDate", start.toString(), "endDate", end.toString()));
	}

	/**
	 * Books one appointment of the child with the technician, or with the supervisor for
	 * a service only a BCBA or BCaBA delivers; returns its id.
	 */
	private String book(String serviceCode, Instant start, int minutes) {
		Person therapist = org.sparktherapy.vocabulary.ServiceCode.mayDeliver(org.sparktherapy.identity.Credential.RBT,
				serviceCode) ? this.technician : this.supervisor;
		Api.Response booked = this.admin.api()
			.post("/api/appointments",
					body("childId", this.childId, "therapistId", therapist.id(), "serviceCode", serviceCode, "place",
							"clinic", "start", start.toString(), "end",
							start.plus(minutes, ChronoUnit.MINUTES).toString()));
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		return booked.at("/occurrences/0/id");
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static List<String> ids(Api.Response list) {
		assertThat(list.status()).as(list.text()).isEqualTo(200);
		JsonNode json = list.json();
		JsonNode items = json.isArray() ? json : json.get("content");
		List<String> ids = new ArrayList<>();
		items.forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

}
