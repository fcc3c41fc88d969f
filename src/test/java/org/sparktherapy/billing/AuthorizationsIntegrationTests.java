package org.sparktherapy.billing;

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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Insurance authorizations through the API against the real database: usage read from the schedule, overlaps refused
 * by the database, optimistic concurrency, who may see and change them, and the access log. The test clinic's time
 * zone is UTC, so an appointment's local date is its UTC date.
 */
@IntegrationTest
class AuthorizationsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Clinic clinic;

	Person admin;

	Person parent;

	Person supervisor;

	Person technician;

	String childId;

	/** A Monday 20 days ahead at 15:00 UTC: usage counts scheduled appointments ahead as well as completed ones. */
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
		assertThat(created.header("Location")).isEqualTo("/api/authorizations/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(created.at("/childName")).isNotBlank();
		assertThat(created.at("/unitsUsed")).isEqualTo("0");

		String done = book("97153", this.monday, 120);
		String planned = book("97153", this.monday.plus(1, ChronoUnit.DAYS), 53);
		String cancelled = book("97153", this.monday.plus(2, ChronoUnit.DAYS), 60);
		book("97155", this.monday.plus(3, ChronoUnit.DAYS), 60);
		book("97153", this.monday.plus(14, ChronoUnit.DAYS), 60);
		assertThat(this.technician.api().post("/api/appointments/" + done + "/check-in", "{}").status()).isEqualTo(200);
		assertThat(this.technician.api().post("/api/appointments/" + done + "/complete", "{}").status()).isEqualTo(200);
		assertThat(this.admin.api()
			.post("/api/appointments/" + cancelled + "/cancel", body("reason", "Family holiday"))
			.status()).isEqualTo(200);

		JsonNode read = this.admin.api().get("/api/authorizations/" + id).json();
		// 120 minutes: 8 units used; 53 minutes: 4 units (8-minute rule); the cancelled one, another service code
		// and a day after the end count for nothing
		assertThat(read.get("unitsUsed").asInt()).isEqualTo(8);
		assertThat(read.get("unitsScheduled").asInt()).isEqualTo(4);
		assertThat(read.get("unitsRemaining").asInt()).isEqualTo(28);
		assertThat(read.get("status").asString()).isEqualTo("upcoming");
		assertThat(read.get("alert").isNull()).isTrue();
		assertThat(planned).isNotNull();
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
		LocalDate start = LocalDate.of(2032, 3, 1);
		Person secondAdmin = this.clinic.anAdmin();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Callable<Integer>> both = List.of(
					() -> create(this.admin, this.childId, terms("97153", 40, start, start.plusDays(30))).status(),
					() -> create(secondAdmin, this.childId, terms("97153", 40, start.plusDays(10), start.plusDays(40)))
						.status());
			for (Future<Integer> status : threads.invokeAll(both)) {
				statuses.add(status.get());
			}
		}
		finally {
			threads.shutdown();
		}

		assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		assertThat(count("select count(*) from authorizations where child_id = '" + this.childId
				+ "' and service_code = '97153'")).isEqualTo(1);
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

		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.at("/errors/0/pointer")).isEqualTo("/endDate");
		assertThat(unknownCode.status()).isEqualTo(400);
		assertThat(unknownCode.at("/errors/0/pointer")).isEqualTo("/serviceCode");
		assertThat(noUnits.status()).isEqualTo(400);
		assertThat(noUnits.at("/errors/0/pointer")).isEqualTo("/unitsAuthorized");
		assertThat(blankPayer.at("/errors/0/pointer")).isEqualTo("/payer");
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
		assertThat(this.supervisor.api().get("/api/authorizations/" + id).status()).isEqualTo(200);
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

	/** Books one appointment of the child with the technician; returns its id. */
	private String book(String serviceCode, Instant start, int minutes) {
		Api.Response booked = this.admin.api()
			.post("/api/appointments",
					body("childId", this.childId, "therapistId", this.technician.id(), "serviceCode", serviceCode,
							"place", "clinic", "start", start.toString(), "end",
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
