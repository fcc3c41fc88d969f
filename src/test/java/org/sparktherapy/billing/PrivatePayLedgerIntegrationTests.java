package org.sparktherapy.billing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.billing.internal.charges.ChargeReady;
import org.sparktherapy.billing.internal.charges.ChargeVoided;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.EventPublications;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sparktherapy.support.Api.body;

/**
 * Private-pay charges reach the family's ledger by themselves (ADR 0028), with the real
 * events: a child without coverage has a signed session, its charge becomes ready, the
 * ledger hears {@code ChargeReady} after commit and posts it once (marking it claimed); a
 * redelivered event posts nothing; voiding the charge posts its reversing entry (once); a
 * late {@code ChargeReady} of a voided charge posts nothing; the balance is the sum.
 */
@IntegrationTest
class PrivatePayLedgerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionOperations transactions;

	Clinic clinic;

	Person admin;

	Person technician;

	String childId;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		Person supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.childId = this.clinic.aChild(this.admin, this.clinic.aParent(), supervisor, this.technician);
		// private pay needs a fee for 97153 to be ready; the private-pay payer is shared
		this.jdbc.sql("""
				insert into fee_schedule_rates (id, payer_id, service_code, rate_per_unit, currency, effective_from)
				select gen_random_uuid(), p.id, '97153', 30.00, 'USD', date '2000-01-01' from payers p
				where p.kind = 'private_pay' and not exists (select 1 from fee_schedule_rates r
				  where r.payer_id = p.id and r.service_code = '97153')""").update();
	}

	@Test
	void aReadyPrivatePayChargeIsPostedOnceEvenWhenItsEventComesAgain() {
		JsonNode charge = readyCharge(minutesAgo(300), 60);
		UUID chargeId = UUID.fromString(charge.get("id").asString());

		awaitPosted(chargeId);
		assertThat(chargeEntries(chargeId)).isEqualTo(1);
		JsonNode entry = entryOf(chargeId, "charge");
		assertThat(new BigDecimal(entry.get("amount").asString()))
			.isEqualByComparingTo(new BigDecimal(charge.get("amount").asString()));
		assertThat(entry.get("occurredOn").asString()).isEqualTo(charge.get("serviceDate").asString());
		assertThat(entry.get("description").asString()).startsWith("97153 Adaptive behavior treatment");
		assertThat(status(chargeId)).as("still ready: an invoice may bill it").isEqualTo("ready");

		this.transactions.executeWithoutResult(status -> this.events
			.publishEvent(new ChargeReady(chargeId, UUID.fromString(this.childId), UUID.randomUUID(), true)));
		EventPublications.awaitDelivered(this.jdbc, "ChargeReady");

		assertThat(chargeEntries(chargeId)).as("a redelivered event posts nothing").isEqualTo(1);
		assertThat(balance()).isEqualByComparingTo(charge.get("amount").asString());
	}

	@Test
	void aVoidedChargeGetsOneReversingEntryAndThePaymentOnItIsACreditAgain() {
		JsonNode first = readyCharge(minutesAgo(600), 60);
		JsonNode second = readyCharge(minutesAgo(300), 30);
		UUID firstId = UUID.fromString(first.get("id").asString());
		UUID secondId = UUID.fromString(second.get("id").asString());
		awaitPosted(firstId);
		awaitPosted(secondId);
		BigDecimal both = new BigDecimal(first.get("amount").asString())
			.add(new BigDecimal(second.get("amount").asString()));
		assertThat(balance()).as("the balance is the sum of the charges").isEqualByComparingTo(both);
		Api.Response paid = this.admin.api()
			.post("/api/children/" + this.childId + "/payments",
					body("method", "cash", "amount", "10.00", "receivedOn", LocalDate.now().toString()),
					"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(paid.status()).as(paid.text()).isEqualTo(201);

		Api.Response voided = this.admin.api()
			.post("/api/charges/" + firstId + "/void", body("reason", "Recorded for the wrong day."));
		assertThat(voided.status()).as(voided.text()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> entryOf(firstId, "reversal") != null);
		EventPublications.awaitDelivered(this.jdbc, "ChargeVoided");

		JsonNode reversal = entryOf(firstId, "reversal");
		assertThat(new BigDecimal(reversal.get("amount").asString()))
			.isEqualByComparingTo(new BigDecimal(first.get("amount").asString()).negate());
		assertThat(balance())
			.isEqualByComparingTo(new BigDecimal(second.get("amount").asString()).subtract(BigDecimal.TEN));
		assertThat(open(secondId)).as("the payment taken back from the voided charge pays the other")
			.isEqualByComparingTo(new BigDecimal(second.get("amount").asString()).subtract(BigDecimal.TEN));

		this.transactions.executeWithoutResult(status -> this.events
			.publishEvent(new ChargeVoided(firstId, UUID.fromString(this.childId), UUID.randomUUID())));
		EventPublications.awaitDelivered(this.jdbc, "ChargeVoided");
		assertThat(
				count("select count(*) from ledger_entries where kind = 'reversal' and charge_id = :charge", firstId))
			.as("reversed once")
			.isEqualTo(1);
		assertThat(count("select count(*) from ledger_entries where charge_id = :charge", firstId))
			.as("nothing deleted")
			.isEqualTo(2);
	}

	@Test
	void aChargeVoidedBeforeItWasPostedIsNeverPosted() {
		// seven minutes bill no unit: held, so nothing is posted
		String appointment = signedSession(minutesAgo(900), 7);
		JsonNode held = chargeOf(appointment);
		UUID chargeId = UUID.fromString(held.get("id").asString());
		assertThat(held.get("status").asString()).isEqualTo("held");
		assertThat(this.admin.api().post("/api/charges/" + chargeId + "/void", body("reason", "Too short.")).status())
			.isEqualTo(200);

		// a ready event that arrives late (redelivered) for the voided charge
		this.transactions.executeWithoutResult(status -> this.events
			.publishEvent(new ChargeReady(chargeId, UUID.fromString(this.childId), UUID.randomUUID(), true)));
		EventPublications.awaitDelivered(this.jdbc, "ChargeReady");
		EventPublications.awaitDelivered(this.jdbc, "ChargeVoided");

		assertThat(count("select count(*) from ledger_entries where charge_id = :charge", chargeId)).isZero();
		assertThat(status(chargeId)).isEqualTo("void");
	}

	@Test
	void aPostedPrivatePayChargeMayBeVoidedOnce() {
		JsonNode charge = readyCharge(minutesAgo(1200), 60);
		UUID chargeId = UUID.fromString(charge.get("id").asString());
		awaitPosted(chargeId);
		Api.Response voided = this.admin.api().post("/api/charges/" + chargeId + "/void", body("reason", "Twice."));
		assertThat(voided.status()).as("a posted private-pay charge may be voided").isEqualTo(200);
		Api.Response again = this.admin.api().post("/api/charges/" + chargeId + "/void", body("reason", "Twice."));
		assertThat(again.status()).as("but only once").isEqualTo(409);
	}

	@Test
	void aCoverageRecordedAfterThePostingBillsTheInsurerAndReversesTheFamilysCharge() {
		JsonNode charge = readyCharge(minutesAgo(1500), 60);
		UUID chargeId = UUID.fromString(charge.get("id").asString());
		awaitPosted(chargeId);

		Api.Response payer = this.admin.api()
			.post("/api/payers",
					body("name", "Insurer " + UUID.randomUUID(), "x12PayerId", "TEST01", "roundingRule", "cms_8_minute",
							"address",
							body("line1", "PO Box 1", "city", "Chicago", "state", "IL", "postalCode", "60601")));
		assertThat(payer.status()).as(payer.text()).isEqualTo(201);
		Api.Response covered = this.admin.api()
			.post("/api/children/" + this.childId + "/coverages",
					body("payerId", payer.at("/id"), "memberId", "MEM-1", "subscriberName", "Pat Doe",
							"subscriberRelationship", "child", "diagnosisCodes", List.of("F84.0"), "startDate",
							LocalDate.now().minusYears(1).toString()));
		assertThat(covered.status()).as(covered.text()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(30)).until(() -> entryOf(chargeId, "reversal") != null);
		EventPublications.awaitDelivered(this.jdbc, "ChargeChanged");
		assertThat(entryOf(chargeId, "reversal").get("description").asString()).contains("insurance");
		assertThat(balance()).isEqualByComparingTo("0");
		assertThat(status(chargeId)).isNotEqualTo("void");
	}

	private JsonNode readyCharge(Instant start, int minutes) {
		JsonNode charge = chargeOf(signedSession(start, minutes));
		assertThat(charge.get("status").asString()).as(charge.toString()).isIn("ready", "claimed");
		return charge;
	}

	private void awaitPosted(UUID chargeId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> chargeEntries(chargeId) > 0);
		EventPublications.awaitDelivered(this.jdbc, "ChargeReady");
	}

	private long chargeEntries(UUID chargeId) {
		return count("select count(*) from ledger_entries where kind = 'charge' and charge_id = :charge", chargeId);
	}

	private long count(String sql, UUID chargeId) {
		return this.jdbc.sql(sql).param("charge", chargeId).query(Long.class).single();
	}

	private String status(UUID chargeId) {
		return this.admin.api().get("/api/charges/" + chargeId).at("/status");
	}

	private BigDecimal balance() {
		return new BigDecimal(this.admin.api().get("/api/children/" + this.childId + "/account").at("/balance"));
	}

	/** The child's entry of this kind that names the charge, or null. */
	private JsonNode entryOf(UUID chargeId, String kind) {
		JsonNode entries = this.admin.api().get("/api/children/" + this.childId + "/ledger-entries?size=200").json();
		for (JsonNode e : entries.get("content")) {
			if (e.get("kind").asString().equals(kind) && e.hasNonNull("chargeId")
					&& e.get("chargeId").asString().equals(chargeId.toString())) {
				return e;
			}
		}
		return null;
	}

	private BigDecimal open(UUID chargeId) {
		return new BigDecimal(entryOf(chargeId, "charge").get("open").asString());
	}

	private static Instant minutesAgo(int minutes) {
		return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(minutes, ChronoUnit.MINUTES);
	}

	/** A past appointment whose session ran {@code minutes} and was signed. */
	private String signedSession(Instant start, int minutes) {
		Api.Response booked = this.admin.api()
			.post("/api/appointments",
					body("childId", this.childId, "therapistId", this.technician.id(), "serviceCode", "97153", "place",
							"clinic", "start", start.toString(), "end",
							start.plus(Math.max(minutes, 15), ChronoUnit.MINUTES).toString()));
		assertThat(booked.status()).as(booked.text()).isEqualTo(201);
		String appointment = booked.at("/occurrences/0/id");
		Api.Response recording = this.technician.api().post("/api/appointments/" + appointment + "/record", "{}");
		assertThat(recording.status()).as(recording.text()).isEqualTo(200);
		String sessionId = recording.at("/sessionId");
		Api.Response edited = this.technician.api()
			.put("/api/sessions/" + sessionId, body("childId", this.childId, "serviceCode", "97153", "place", "clinic",
					"startedAt", start.toString(), "endedAt", start.plus(minutes, ChronoUnit.MINUTES).toString()));
		assertThat(edited.status()).as(edited.text()).isEqualTo(200);
		Api.Response submitted = this.technician.api()
			.post("/api/sessions/" + sessionId + "/submit", body("note", "Session went as planned."));
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		return appointment;
	}

	/** The appointment's charge, once billing heard of the completion. */
	private JsonNode chargeOf(String appointment) {
		UUID id = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select id from charges where appointment_id = :id")
				.param("id", UUID.fromString(appointment))
				.query(UUID.class)
				.optional()
				.orElse(null), java.util.Objects::nonNull);
		EventPublications.awaitDelivered(this.jdbc, "SessionSubmitted");
		Api.Response charge = this.admin.api().get("/api/charges/" + id);
		assertThat(charge.status()).as(charge.text()).isEqualTo(200);
		return charge.json();
	}

}
