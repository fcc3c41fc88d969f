package org.sparktherapy.billing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.billing.internal.charges.ChargeLookup;
import org.sparktherapy.billing.internal.charges.ChargeProblems;
import org.sparktherapy.scheduling.AppointmentCompleted;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.EventPublications;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.sparktherapy.support.Api.body;

/**
 * From a signed session to a charge, with the real events (a completed appointment and a
 * submitted session heard asynchronously by billing), against the real database: units by
 * the payer's rounding rule, price, modifiers, providers, place of service, diagnosis and
 * authorization; the claim check's holds lifted by fixing their cause; the statuses the
 * rest of billing moves a charge through; who may see charges. The test clinic's time
 * zone is UTC.
 */
@IntegrationTest
class ChargesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChargeLookup lookup;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionOperations transactions;

	Clinic clinic;

	Person admin;

	Person parent;

	Person supervisor;

	Person technician;

	String childId;

	String payerId;

	String coverageId;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.parent = this.clinic.aParent();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.childId = aBillableChild(this.admin, this.parent, this.supervisor, this.technician);
		Api.Response settings = this.admin.api()
			.put("/api/billing-settings",
					body("legalName", "Bright Steps ABA LLC", "npi", "1234567893", "taxId", "123456789", "taxonomyCode",
							"103K00000X", "address",
							body("line1", "1 Main St", "city", "Springfield", "state", "IL", "postalCode", "62701"),
							"phone", "(217) 555-0100", "telehealthPlaceOfService", "10"));
		assertThat(settings.status()).as(settings.text()).isEqualTo(200);
		this.payerId = aPayer("cms_8_minute");
		this.coverageId = cover(this.childId, this.payerId, "MEM-" + UUID.randomUUID().toString().substring(0, 8));
		npi(this.supervisor);
		npi(this.technician);
		authorize(this.childId, "97153", 400);
	}

	@Test
	void aSignedSessionOfACompletedAppointmentBecomesAReadyCharge() {
		Instant start = minutesAgo(120);
		String appointment = signedSession(this.technician, "97153", start, 52);

		JsonNode charge = chargeOf(appointment);

		assertThat(charge.get("status").asString()).as(charge.toString()).isEqualTo("ready");
		assertThat(charge.get("holdReasons").size()).isZero();
		assertThat(charge.get("minutes").asInt()).isEqualTo(52);
		// 52 minutes: three full units and 7 minutes, which do not make a fourth
		assertThat(charge.get("units").asInt()).isEqualTo(3);
		assertThat(charge.get("unitRate").asString()).isEqualTo("20.00");
		assertThat(charge.get("amount").asString()).isEqualTo("60.00");
		assertThat(charge.get("currency").asString()).isEqualTo("USD");
		assertThat(charge.get("payerId").asString()).isEqualTo(this.payerId);
		assertThat(charge.get("coverageId").asString()).isEqualTo(this.coverageId);
		assertThat(strings(charge.get("modifiers"))).containsExactly("HM");
		assertThat(charge.get("placeOfService").asString()).isEqualTo("11");
		assertThat(charge.get("renderingProviderId").asString()).isEqualTo(this.technician.id());
		assertThat(charge.get("supervisingProviderId").asString()).isEqualTo(this.supervisor.id());
		assertThat(strings(charge.get("diagnosisCodes"))).containsExactly("F84.0");
		assertThat(charge.get("authorizationNumber").asString()).startsWith("PA-");
		assertThat(charge.get("serviceDate").asString())
			.isEqualTo(LocalDate.ofInstant(start, ZoneOffset.UTC).toString());
	}

	@Test
	void oneChargePerAppointmentWhenTheEventComesTwice() {
		String appointment = signedSession(this.technician, "97153", minutesAgo(120), 60);
		JsonNode charge = chargeOf(appointment);

		// the event publication registry may deliver again after a failure: publish it
		// once more
		Instant start = Instant.parse(charge.get("startsAt").asString());
		Instant end = Instant.parse(charge.get("endsAt").asString());
		this.transactions.executeWithoutResult(status -> this.events
			.publishEvent(new AppointmentCompleted(UUID.fromString(appointment), UUID.fromString(this.childId),
					UUID.fromString(this.technician.id()), ServiceCode.TREATMENT_BY_PROTOCOL, Place.CLINIC, start, end,
					UUID.fromString(charge.get("sessionId").asString()), Instant.now(), start, end)));
		EventPublications.awaitDelivered(this.jdbc, "AppointmentCompleted", this.childId);

		assertThat(this.jdbc.sql("select count(*) from charges where appointment_id = :id")
			.param("id", UUID.fromString(appointment))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anUnsignedNoteHoldsTheChargeUntilItsTherapistSubmitsIt() {
		Instant start = minutesAgo(120);
		String appointment = book(this.technician, "97153", start, 60);
		String sessionId = this.technician.api()
			.post("/api/appointments/" + appointment + "/record", "{}")
			.at("/sessionId");
		Api.Response completed = this.technician.api()
			.post("/api/appointments/" + appointment + "/complete",
					body("actualStart", start.toString(), "actualEnd", start.plus(60, ChronoUnit.MINUTES).toString()));
		assertThat(completed.status()).as(completed.text()).isEqualTo(200);

		JsonNode held = chargeOf(appointment);
		assertThat(held.get("status").asString()).isEqualTo("held");
		assertThat(held.get("holdReasons").get(0).get("code").asString()).isEqualTo("note_unsigned");
		assertThat(held.get("holdReasons").get(0).get("fix").asString()).isEqualTo("/sessions/" + sessionId);
		assertThat(held.get("units").asInt()).as("priced even while held").isEqualTo(4);

		Api.Response submitted = this.technician.api()
			.post("/api/sessions/" + sessionId + "/submit", body("note", "Worked on manding."));
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		EventPublications.awaitDelivered(this.jdbc, "SessionSubmitted", this.childId);

		assertThat(get(held.get("id").asString()).at("/status")).isEqualTo("ready");
	}

	@Test
	void aChildRecordWithoutSexOrAddressHoldsTheChargeUntilTheRecordIsCompleted() {
		String child = this.clinic.aChild(this.admin, null, this.supervisor, this.technician);
		cover(child, this.payerId, "MEM-REC");
		authorize(child, "97153", 100);

		JsonNode charge = chargeOf(signedSession(this.technician, child, "97153", minutesAgo(120), 60));

		assertThat(charge.get("status").asString()).isEqualTo("held");
		assertThat(codes(charge)).containsExactly("child_record_incomplete");
		JsonNode reason = charge.get("holdReasons").get(0);
		assertThat(reason.get("message").asString())
			.isEqualTo("The child's record has no sex and no home address; the claim names both for the patient.");
		assertThat(reason.get("fix").asString()).isEqualTo("/children/" + child);

		Api.Response sexOnly = this.admin.api().put("/api/children/" + child, body("sex", "female"));
		assertThat(sexOnly.status()).as(sexOnly.text()).isEqualTo(200);
		EventPublications.awaitDelivered(this.jdbc, "ChildRecordChanged", child);
		JsonNode stillHeld = get(charge.get("id").asString()).json();
		assertThat(stillHeld.get("status").asString()).isEqualTo("held");
		assertThat(stillHeld.at("/holdReasons/0/message").asString())
			.isEqualTo("The child's record has no home address; the claim names both for the patient.");

		recordSexAndAddress(child);
		EventPublications.awaitDelivered(this.jdbc, "ChildRecordChanged", child);
		JsonNode ready = get(charge.get("id").asString()).json();
		assertThat(ready.get("status").asString()).as(ready.toString()).isEqualTo("ready");
		assertThat(ready.get("holdReasons").size()).isZero();
	}

	@Test
	void aPayersRoundingRuleDecidesTheUnits() {
		String wholeUnits = aPayer("whole_units");
		Api.Response changed = this.admin.api()
			.put("/api/coverages/" + this.coverageId, coverage(wholeUnits, "MEM-W1", LocalDate.now().minusYears(1)));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);

		// 29 minutes: one full unit and 14 minutes; the 8-minute rule would bill two
		JsonNode charge = chargeOf(signedSession(this.technician, "97153", minutesAgo(120), 29));

		assertThat(charge.get("payerId").asString()).isEqualTo(wholeUnits);
		assertThat(charge.get("units").asInt()).isEqualTo(1);
		assertThat(charge.get("amount").asString()).isEqualTo("20.00");
		assertThat(strings(charge.get("modifiers"))).containsExactly("U1");
	}

	@Test
	void aSessionUnderEightMinutesBillsNothingAndIsHeld() {
		JsonNode charge = chargeOf(signedSession(this.technician, "97153", minutesAgo(120), 7));

		assertThat(charge.get("units").asInt()).isZero();
		assertThat(charge.get("amount").asString()).isEqualTo("0.00");
		assertThat(codes(charge)).containsExactly("below_minimum_time");
	}

	@Test
	void aMissingMemberIdHoldsTheChargeUntilTheCoverageHasOne() {
		JsonNode coverage = this.admin.api().get("/api/coverages/" + this.coverageId).json();
		String etag = "\"" + coverage.get("version").asInt() + "\"";
		Map<String, Object> noMember = coverage(this.payerId, null, LocalDate.now().minusYears(1));
		assertThat(this.admin.api().put("/api/coverages/" + this.coverageId, noMember, "If-Match", etag).status())
			.isEqualTo(200);
		JsonNode charge = chargeOf(signedSession(this.technician, "97153", minutesAgo(120), 60));
		assertThat(codes(charge)).containsExactly("missing_member_id");
		assertThat(charge.get("holdReasons").get(0).get("fix").asString())
			.isEqualTo("/children/" + this.childId + "#coverage");

		Api.Response stale = this.admin.api()
			.put("/api/coverages/" + this.coverageId, coverage(this.payerId, "MEM-1", null), "If-Match", etag);
		assertThat(stale.status()).as("the old version").isEqualTo(412);
		Api.Response fixed = this.admin.api()
			.put("/api/coverages/" + this.coverageId, coverage(this.payerId, "MEM-77", LocalDate.now().minusYears(1)));
		assertThat(fixed.status()).as(fixed.text()).isEqualTo(200);

		assertThat(get(charge.get("id").asString()).at("/status")).as("checked again after the edit")
			.isEqualTo("ready");
	}

	@Test
	void missingNpiFeeDiagnosisAndSupervisorHoldUntilFixedAndRechecked() {
		Person otherTechnician = this.clinic.aTherapist("RBT");
		String child = aBillableChild(this.admin, null, null, otherTechnician);
		String payer = aPayer("cms_8_minute");
		this.jdbc.sql("delete from fee_schedule_rates where payer_id = :id")
			.param("id", UUID.fromString(payer))
			.update();
		Map<String, Object> noDiagnosis = coverage(payer, "MEM-2", LocalDate.now().minusYears(1));
		noDiagnosis.put("diagnosisCodes", List.of());
		assertThat(this.admin.api().post("/api/children/" + child + "/coverages", noDiagnosis).status()).isEqualTo(201);
		// neither the coverage nor the child's record names a diagnosis
		this.jdbc.sql("update children set diagnosis_codes = '{}' where id = :id")
			.param("id", UUID.fromString(child))
			.update();
		authorize(child, "97153", 100);

		JsonNode charge = chargeOf(signedSession(otherTechnician, child, "97153", minutesAgo(120), 60));
		assertThat(codes(charge)).containsExactlyInAnyOrder("missing_npi", "missing_fee", "missing_diagnosis",
				"missing_supervisor");

		npi(otherTechnician);
		Api.Response rate = this.admin.api()
			.post("/api/payers/" + payer + "/rates", body("serviceCode", "97153", "ratePerUnit", "18.5",
					"effectiveFrom", LocalDate.now().minusYears(1).toString()));
		assertThat(rate.status()).as(rate.text()).isEqualTo(201);
		assertThat(rate.at("/ratePerUnit")).isEqualTo("18.50");
		String id = charge.get("id").asString();
		assertThat(codes(get(id).json())).containsExactlyInAnyOrder("missing_diagnosis", "missing_supervisor");

		Api.Response linked = this.admin.api()
			.post("/api/children/" + child + "/care-team", body("userId", this.supervisor.id(), "role", "supervisor"));
		assertThat(linked.status()).as(linked.text()).isEqualTo(201);
		String coverage = this.admin.api()
			.get("/api/children/" + child + "/coverages")
			.json()
			.get(0)
			.get("id")
			.asString();
		assertThat(this.admin.api()
			.put("/api/coverages/" + coverage, coverage(payer, "MEM-2", LocalDate.now().minusYears(1)))
			.status()).isEqualTo(200);
		Api.Response rechecked = this.admin.api().post("/api/charges/" + id + "/recheck", "{}");

		assertThat(rechecked.status()).as(rechecked.text()).isEqualTo(200);
		assertThat(rechecked.at("/status")).isEqualTo("ready");
		assertThat(rechecked.at("/amount")).isEqualTo("74.00");
		assertThat(rechecked.at("/supervisingProviderId")).isEqualTo(this.supervisor.id());
	}

	@Test
	void aCoverageWithoutDiagnosesBillsTheDiagnosesOfTheChildsRecord() {
		String child = aBillableChild(this.admin, null, null, this.technician);
		String payer = aPayer("cms_8_minute");
		Map<String, Object> noDiagnosis = coverage(payer, "MEM-3", LocalDate.now().minusYears(1));
		noDiagnosis.put("diagnosisCodes", List.of());
		assertThat(this.admin.api().post("/api/children/" + child + "/coverages", noDiagnosis).status()).isEqualTo(201);
		this.jdbc.sql("update children set diagnosis_codes = '{F84.0,F80.2}' where id = :id")
			.param("id", UUID.fromString(child))
			.update();
		authorize(child, "97153", 100);

		JsonNode charge = chargeOf(signedSession(this.technician, child, "97153", minutesAgo(120), 60));

		assertThat(strings(charge.get("diagnosisCodes"))).containsExactly("F84.0", "F80.2");
		assertThat(codes(charge)).doesNotContain("missing_diagnosis");
	}

	@Test
	void authorizationsMissingExpiredAndUsedUpHoldAndARecordedOneReleases() {
		String child = aBillableChild(this.admin, null, this.supervisor, this.technician);
		assertThat(this.admin.api()
			.post("/api/children/" + child + "/coverages",
					coverage(this.payerId, "MEM-3", LocalDate.now().minusYears(1)))
			.status()).isEqualTo(201);
		Instant start = minutesAgo(300);
		LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);

		JsonNode none = chargeOf(signedSession(this.technician, child, "97153", start, 60));
		assertThat(codes(none)).containsExactly("no_authorization");

		String expired = createAuthorization(child, "97153", 100, day.minusDays(60), day.minusDays(1));
		assertThat(codes(get(none.get("id").asString()).json())).containsExactly("authorization_expired");

		this.admin.api().delete("/api/authorizations/" + expired);
		createAuthorization(child, "97153", 6, day.minusDays(10), day.plusDays(10));
		assertThat(get(none.get("id").asString()).at("/status")).as("4 of 6 units").isEqualTo("ready");
		JsonNode second = chargeOf(signedSession(this.technician, child, "97153", minutesAgo(120), 60));
		List<String> reasons = codes(second);
		assertThat(reasons).as("4 more units, 2 left").containsExactly("authorization_exhausted");
	}

	@Test
	void servicesThatOverlapAreHeldButSupervisionOverTreatmentIsNot() {
		Instant first = minutesAgo(240);
		String a = book(this.technician, "97153", first, 60);
		String b = book(this.technician, "97153", first.plus(60, ChronoUnit.MINUTES), 60);
		String supervision = book(this.supervisor, "97155", first.plus(60, ChronoUnit.MINUTES), 30);
		// the first session ran 20 minutes into the second's time
		sign(this.technician, this.childId, a, "97153", first, first.plus(80, ChronoUnit.MINUTES));
		sign(this.technician, this.childId, b, "97153", first.plus(60, ChronoUnit.MINUTES),
				first.plus(120, ChronoUnit.MINUTES));
		sign(this.supervisor, this.childId, supervision, "97155", first.plus(60, ChronoUnit.MINUTES),
				first.plus(90, ChronoUnit.MINUTES));
		authorize(this.childId, "97155", 100);

		JsonNode chargeA = chargeOf(a);
		JsonNode chargeB = chargeOf(b);
		JsonNode chargeS = chargeOf(supervision);
		EventPublications.awaitDelivered(this.jdbc, "AppointmentCompleted", this.childId);

		assertThat(codes(get(chargeA.get("id").asString()).json())).containsExactly("overlapping_service");
		assertThat(codes(get(chargeB.get("id").asString()).json())).containsExactly("overlapping_service");
		JsonNode s = this.admin.api().post("/api/charges/" + chargeS.get("id").asString() + "/recheck", "{}").json();
		assertThat(s.get("status").asString()).as(s.toString()).isEqualTo("ready");
		assertThat(strings(s.get("modifiers"))).containsExactly("HO");
		assertThat(s.get("supervisingProviderId").isNull()).isTrue();

		Api.Response voided = this.admin.api()
			.post("/api/charges/" + chargeA.get("id").asString() + "/void", body("reason", "Recorded twice"));
		assertThat(voided.status()).as(voided.text()).isEqualTo(200);
		assertThat(voided.at("/status")).isEqualTo("void");
		assertThat(voided.at("/voidReason")).isEqualTo("Recorded twice");
		assertThat(get(chargeB.get("id").asString()).at("/status")).as("its overlap is gone").isEqualTo("ready");
		Api.Response again = this.admin.api()
			.post("/api/charges/" + chargeA.get("id").asString() + "/void", body("reason", "Again"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.at("/type")).endsWith("/charge-closed");
	}

	@Test
	void claimsMarkReadyChargesClaimedAllOrNoneAndReleaseThem() {
		UUID ready = UUID
			.fromString(chargeOf(signedSession(this.technician, "97153", minutesAgo(120), 60)).get("id").asString());
		String heldAppointment = signedSession(this.technician, "97153", minutesAgo(240), 5);
		UUID held = UUID.fromString(chargeOf(heldAppointment).get("id").asString());

		assertThat(this.lookup.ready(UUID.fromString(this.payerId), null)).extracting(c -> c.id())
			.contains(ready)
			.doesNotContain(held);
		assertThatThrownBy(
				() -> this.transactions.executeWithoutResult(status -> this.lookup.markClaimed(List.of(ready, held))))
			.isInstanceOfSatisfying(ChargeProblems.ChargeNotReady.class,
					ex -> assertThat(ex.notReady()).containsExactly(held));
		assertThat(get(ready.toString()).at("/status")).as("none were marked").isEqualTo("ready");

		this.transactions.executeWithoutResult(status -> this.lookup.markClaimed(List.of(ready)));
		assertThat(get(ready.toString()).at("/status")).isEqualTo("claimed");
		assertThat(this.admin.api().post("/api/charges/" + ready + "/void", body("reason", "x")).status())
			.isEqualTo(409);

		this.transactions.executeWithoutResult(status -> this.lookup.markReady(List.of(ready)));
		assertThat(get(ready.toString()).at("/status")).isEqualTo("ready");
		assertThat(this.lookup.settings()).hasValueSatisfying(s -> assertThat(s.taxId()).isEqualTo("12-3456789"));
		assertThat(this.lookup.npis(List.of(UUID.fromString(this.technician.id())))).hasSize(1);
	}

	@Test
	void theListFiltersByStatusPayerChildAndDates() {
		String appointment = signedSession(this.technician, "97153", minutesAgo(120), 60);
		String id = chargeOf(appointment).get("id").asString();
		LocalDate day = LocalDate.ofInstant(minutesAgo(120), ZoneOffset.UTC);

		Api.Response list = this.admin.api()
			.get("/api/charges?status=ready&payerId=" + this.payerId + "&childId=" + this.childId + "&from=" + day
					+ "&to=" + day + "&size=5");
		assertThat(list.status()).as(list.text()).isEqualTo(200);
		assertThat(list.json().get("content").get(0).get("id").asString()).isEqualTo(id);
		assertThat(list.json().get("page").get("totalElements").asInt()).isEqualTo(1);
		assertThat(this.admin.api()
			.get("/api/charges?status=held&childId=" + this.childId)
			.json()
			.get("page")
			.get("totalElements")
			.asInt()).isZero();
		assertThat(this.admin.api().get("/api/charges?status=pending").status()).isEqualTo(400);
		assertThat(this.admin.api().get("/api/charges?from=" + day + "&to=" + day.minusDays(1)).status())
			.isEqualTo(400);
	}

	@Test
	void onlyAdminsSeeChargesAndCoveragesAndEveryAccessIsLogged() {
		String id = chargeOf(signedSession(this.technician, "97153", minutesAgo(120), 60)).get("id").asString();
		Person stranger = this.clinic.aParent();

		assertThat(this.technician.api().get("/api/charges/" + id).status()).isEqualTo(403);
		assertThat(this.parent.api().get("/api/charges/" + id).status()).isEqualTo(403);
		assertThat(stranger.api().get("/api/charges/" + id).status()).isEqualTo(404);
		assertThat(this.supervisor.api().get("/api/charges").status()).isEqualTo(403);
		assertThat(this.parent.api().get("/api/children/" + this.childId + "/coverages").status()).isEqualTo(403);
		assertThat(stranger.api().get("/api/children/" + this.childId + "/coverages").status()).isEqualTo(404);
		assertThat(this.technician.api().get("/api/payers").status()).isEqualTo(403);
		assertThat(this.parent.api().get("/api/billing-settings").status()).isEqualTo(403);
		assertThat(this.admin.api().get("/api/charges/" + id).status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.jdbc.sql("""
					select count(*) from audit_log
					where resource_type = 'charge' and resource_id = :id and outcome in ('denied', 'not_found')""")
				.param("id", UUID.fromString(id))
				.query(Long.class)
				.single()).isEqualTo(3);
			assertThat(this.jdbc.sql("""
					select count(*) from audit_log
					where resource_type = 'charge' and resource_id = :id and outcome = 'success' and action = 'read'""")
				.param("id", UUID.fromString(id))
				.query(Long.class)
				.single()).isGreaterThanOrEqualTo(1);
			assertThat(this.jdbc.sql("""
					select count(*) from audit_log
					where resource_type = 'coverage' and child_id = :child and outcome = 'denied'""")
				.param("child", UUID.fromString(this.childId))
				.query(Long.class)
				.single()).isEqualTo(1);
		});
	}

	@Test
	void badBillingDataIsRefusedFieldByField() {
		Api.Response npi = this.admin.api()
			.put("/api/provider-numbers/" + this.technician.id(), body("npi", "1234567890"));
		assertThat(npi.status()).isEqualTo(400);
		assertThat(npi.contentType()).startsWith("application/problem+json");
		assertThat(npi.at("/errors/0/pointer")).isEqualTo("/npi");

		Api.Response settings = this.admin.api()
			.put("/api/billing-settings", body("legalName", "X", "npi", "1234567894", "taxId", "00-1234567",
					"taxonomyCode", "103K", "phone", "12", "telehealthPlaceOfService", "11"));
		assertThat(settings.status()).isEqualTo(400);
		assertThat(pointers(settings)).containsExactlyInAnyOrder("/npi", "/taxId", "/taxonomyCode", "/phone",
				"/telehealthPlaceOfService");

		Map<String, Object> coverage = coverage(this.payerId, "MEM 1", LocalDate.now().minusYears(9));
		coverage.put("diagnosisCodes", List.of("F84.0", "299.00"));
		coverage.put("endDate", LocalDate.now().minusYears(10).toString());
		Api.Response badCoverage = this.admin.api().post("/api/children/" + this.childId + "/coverages", coverage);
		assertThat(badCoverage.status()).isEqualTo(400);
		assertThat(pointers(badCoverage)).containsExactlyInAnyOrder("/memberId", "/diagnosisCodes/1", "/endDate");
		Map<String, Object> halfAnAddress = coverage(this.payerId, "MEM-4", LocalDate.now().minusYears(9));
		halfAnAddress.put("subscriberAddress", body("line1", "40 Birch Road", "state", "I1", "postalCode", "626"));
		Api.Response badAddress = this.admin.api().post("/api/children/" + this.childId + "/coverages", halfAnAddress);
		assertThat(badAddress.status()).as(badAddress.text()).isEqualTo(400);
		assertThat(badAddress.contentType()).startsWith("application/problem+json");
		assertThat(pointers(badAddress)).containsExactlyInAnyOrder("/subscriberAddress/city",
				"/subscriberAddress/state", "/subscriberAddress/postalCode");
		// what the 837P's N3 (55) and N4 (30) hold
		halfAnAddress.put("subscriberAddress",
				body("line1", "4".repeat(56), "city", "C".repeat(31), "state", "IL", "postalCode", "62629"));
		Api.Response tooLong = this.admin.api().post("/api/children/" + this.childId + "/coverages", halfAnAddress);
		assertThat(pointers(tooLong)).containsExactlyInAnyOrder("/subscriberAddress/line1", "/subscriberAddress/city");

		String privatePay = this.admin.api().get("/api/payers").json().get(0).get("id").asString();
		Api.Response toPrivatePay = this.admin.api()
			.post("/api/children/" + this.childId + "/coverages", coverage(privatePay, "M", LocalDate.now()));
		assertThat(pointers(toPrivatePay)).containsExactly("/payerId");

		Api.Response overlap = this.admin.api()
			.post("/api/children/" + this.childId + "/coverages", coverage(this.payerId, "M2", LocalDate.now()));
		assertThat(overlap.status()).isEqualTo(409);
		assertThat(overlap.at("/type")).endsWith("/billing-dates-overlap");

		Api.Response rate = this.admin.api()
			.post("/api/payers/" + this.payerId + "/rates",
					body("serviceCode", "97153", "ratePerUnit", "1.234", "effectiveFrom", LocalDate.now().toString()));
		assertThat(pointers(rate)).containsExactly("/ratePerUnit");
		Api.Response rateOverlap = this.admin.api()
			.post("/api/payers/" + this.payerId + "/rates",
					body("serviceCode", "97153", "ratePerUnit", "21.00", "effectiveFrom", LocalDate.now().toString()));
		assertThat(rateOverlap.status()).isEqualTo(409);

		Api.Response payer = this.admin.api()
			.post("/api/payers", body("name", "Payer " + UUID.randomUUID(), "roundingRule", "nearest", "modifiers",
					Map.of("RBT", "hm1", "Wizard", "XX"), "address", body("state", "I1", "postalCode", "1")));
		assertThat(payer.status()).isEqualTo(400);
		assertThat(pointers(payer)).containsExactlyInAnyOrder("/roundingRule", "/modifiers/Wizard");
		Api.Response address = this.admin.api()
			.post("/api/payers", body("name", "Payer " + UUID.randomUUID(), "modifiers", Map.of("RBT", "hm1"),
					"address", body("state", "I1", "postalCode", "1")));
		assertThat(pointers(address)).containsExactlyInAnyOrder("/modifiers/RBT", "/address/state",
				"/address/postalCode");
	}

	@Test
	void theServiceCatalogueNamesWhoDeliversEachCodeAndEachPayersModifier() {
		JsonNode catalogue = this.admin.api().get("/api/service-catalogue").json();

		JsonNode supervision = null;
		for (JsonNode entry : catalogue) {
			if (entry.get("code").asString().equals("97155")) {
				supervision = entry;
			}
		}
		assertThat(supervision).isNotNull();
		assertThat(supervision.get("unitMinutes").asInt()).isEqualTo(15);
		assertThat(strings(supervision.get("deliveredBy"))).containsExactlyInAnyOrder("BCBA", "BCaBA");
		JsonNode ours = null;
		for (JsonNode terms : supervision.get("payers")) {
			if (terms.get("payerId").asString().equals(this.payerId)) {
				ours = terms;
			}
		}
		assertThat(ours).isNotNull();
		assertThat(ours.get("currentRate").asString()).isEqualTo("30.00");
		assertThat(ours.get("modifiers").toString()).contains("\"BCBA\"").contains("\"HO\"").doesNotContain("RBT");
	}

	// --- fixtures

	/**
	 * An insurer with HM for RBTs and HO for BCBAs (U1 under whole units), 97153 at
	 * 20.00, 97155 at 30.00.
	 */
	private String aPayer(String rounding) {
		Map<String, String> modifiers = rounding.equals("whole_units") ? Map.of("RBT", "U1", "BCBA", "U2")
				: Map.of("RBT", "HM", "BCBA", "HO");
		Api.Response payer = this.admin.api()
			.post("/api/payers",
					body("name", "Insurer " + UUID.randomUUID(), "x12PayerId", "TEST01", "roundingRule", rounding,
							"modifiers", modifiers, "address",
							body("line1", "PO Box 1", "city", "Chicago", "state", "IL", "postalCode", "60601-1234")));
		assertThat(payer.status()).as(payer.text()).isEqualTo(201);
		String id = payer.at("/id");
		assertThat(payer.at("/address/postalCode")).isEqualTo("606011234");
		for (String[] rate : new String[][] { { "97153", "20.00" }, { "97155", "30.00" } }) {
			Api.Response added = this.admin.api()
				.post("/api/payers/" + id + "/rates", body("serviceCode", rate[0], "ratePerUnit", rate[1],
						"effectiveFrom", LocalDate.now().minusYears(1).toString()));
			assertThat(added.status()).as(added.text()).isEqualTo(201);
		}
		return id;
	}

	/**
	 * A child whose record names what a claim needs of the patient: sex and home address.
	 */
	private String aBillableChild(Person admin, Person parent, Person supervisor, Person technician) {
		String child = this.clinic.aChild(admin, parent, supervisor, technician);
		recordSexAndAddress(child);
		return child;
	}

	private void recordSexAndAddress(String child) {
		Api.Response saved = this.admin.api()
			.put("/api/children/" + child, body("sex", "male", "address",
					body("line1", "27 Linden Street", "city", "Springfield", "state", "IL", "postalCode", "62704")));
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
	}

	private String cover(String child, String payer, String memberId) {
		Api.Response created = this.admin.api()
			.post("/api/children/" + child + "/coverages", coverage(payer, memberId, LocalDate.now().minusYears(1)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.at("/id");
	}

	private static Map<String, Object> coverage(String payer, String memberId, LocalDate start) {
		Map<String, Object> body = new java.util.HashMap<>(body("payerId", payer, "groupNumber", "G-100",
				"subscriberName", "Pat Doe", "subscriberRelationship", "child", "diagnosisCodes", List.of("f84.0"),
				"startDate", (start == null) ? LocalDate.now().minusYears(1).toString() : start.toString()));
		body.put("memberId", memberId);
		return body;
	}

	private void npi(Person therapist) {
		Api.Response saved = this.admin.api().put("/api/provider-numbers/" + therapist.id(), body("npi", aNpi()));
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
	}

	/** A random NPI with a valid check digit. */
	static String aNpi() {
		String base = "1" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		String digits = "80840" + base;
		int sum = 0;
		boolean doubled = true;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d = (d * 2 > 9) ? d * 2 - 9 : d * 2;
			}
			sum += d;
			doubled = !doubled;
		}
		return base + ((10 - sum % 10) % 10);
	}

	private void authorize(String child, String code, int units) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		createAuthorization(child, code, units, today.minusDays(30), today.plusDays(30));
	}

	private String createAuthorization(String child, String code, int units, LocalDate start, LocalDate end) {
		Api.Response created = this.admin.api()
			.post("/api/children/" + child + "/authorizations",
					body("payer", "Insurer", "memberId", "MEM", "authorizationNumber", "PA-" + code + "-" + units,
							"serviceCode", code, "unitsAuthorized", units, "startDate", start.toString(), "endDate",
							end.toString()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.at("/id");
	}

	private static Instant minutesAgo(int minutes) {
		return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(minutes, ChronoUnit.MINUTES);
	}

	private String book(Person therapist, String code, Instant start, int minutes) {
		return book(therapist, this.childId, code, start, minutes);
	}

	private String book(Person therapist, String child, String code, Instant start, int minutes) {
		Api.Response booked = this.admin.api()
			.post("/api/appointments",
					body("childId", child, "therapistId", therapist.id(), "serviceCode", code, "place", "clinic",
							"start", start.toString(), "end", start.plus(minutes, ChronoUnit.MINUTES).toString()));
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		return booked.at("/occurrences/0/id");
	}

	/**
	 * A past appointment whose session ran {@code minutes} from its start and was signed.
	 */
	private String signedSession(Person therapist, String code, Instant start, int minutes) {
		return signedSession(therapist, this.childId, code, start, minutes);
	}

	private String signedSession(Person therapist, String child, String code, Instant start, int minutes) {
		String appointment = book(therapist, child, code, start, Math.max(minutes, 15));
		sign(therapist, child, appointment, code, start, start.plus(minutes, ChronoUnit.MINUTES));
		return appointment;
	}

	/**
	 * Records the appointment's session with these times and submits it (completing it).
	 */
	private void sign(Person therapist, String child, String appointment, String code, Instant start, Instant end) {
		Api.Response recording = therapist.api().post("/api/appointments/" + appointment + "/record", "{}");
		assertThat(recording.status()).as(recording.text()).isEqualTo(200);
		String sessionId = recording.at("/sessionId");
		Api.Response edited = therapist.api()
			.put("/api/sessions/" + sessionId, body("childId", child, "serviceCode", code, "place", "clinic",
					"startedAt", start.toString(), "endedAt", end.toString()));
		assertThat(edited.status()).as(edited.text()).isEqualTo(200);
		Api.Response submitted = therapist.api()
			.post("/api/sessions/" + sessionId + "/submit", body("note", "Session went as planned."));
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
	}

	/** The appointment's charge, once billing heard of the completion. */
	private JsonNode chargeOf(String appointment) {
		UUID id = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select id from charges where appointment_id = :id")
				.param("id", UUID.fromString(appointment))
				.query(UUID.class)
				.optional()
				.orElse(null), java.util.Objects::nonNull);
		UUID child = this.jdbc.sql("select child_id from charges where id = :id")
			.param("id", id)
			.query(UUID.class)
			.single();
		EventPublications.awaitDelivered(this.jdbc, "SessionSubmitted", child);
		Api.Response charge = get(id.toString());
		assertThat(charge.status()).as(charge.text()).isEqualTo(200);
		return charge.json();
	}

	private Api.Response get(String chargeId) {
		return this.admin.api().get("/api/charges/" + chargeId);
	}

	private static List<String> codes(JsonNode charge) {
		List<String> codes = new java.util.ArrayList<>();
		charge.get("holdReasons").forEach(r -> codes.add(r.get("code").asString()));
		return codes;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new java.util.ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

	private static List<String> pointers(Api.Response response) {
		List<String> pointers = new java.util.ArrayList<>();
		response.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
		return pointers;
	}

}
