package org.sparktherapy.billing;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.billing.internal.ledger.Ledger;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sparktherapy.support.Api.body;

/**
 * The family ledger through the API against the real database: append-only entries,
 * balances as sums, idempotent payments, allocation to the oldest open items, refunds,
 * write-offs, reversals, invoices, statements and their PDFs, aging, who may see a
 * family's money, and problem details for bad input.
 */
@IntegrationTest
class LedgerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	Clinic clinic;

	Person admin;

	Person parent;

	Person technician;

	String childId;

	LocalDate today;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.parent = this.clinic.aParent();
		this.technician = this.clinic.aTherapist("RBT");
		this.childId = this.clinic.aChild(this.admin, this.parent, this.clinic.aTherapist("BCBA"), this.technician);
		this.today = LocalDate.now(ZoneOffset.UTC);
	}

	@Test
	void aFamilyWithoutEntriesHasAZeroBalanceAndNoStatements() {
		JsonNode account = this.parent.api().get("/api/children/" + this.childId + "/account").json();
		assertThat(account.get("balance").asString()).isEqualTo("0.00");
		assertThat(account.get("lastPaymentOn").isNull()).isTrue();
		Api.Response months = this.parent.api().get("/api/children/" + this.childId + "/statements");
		assertThat(months.status()).as(months.text()).isEqualTo(200);
		assertThat(months.json()).isEmpty();
		assertThat(this.parent.api().get("/api/children/" + this.childId + "/statements/2026-13").status())
			.isEqualTo(400);
	}

	@Test
	void theDatabaseRefusesToUpdateOrDeleteAnEntry() {
		UUID entry = charge(this.today.minusDays(3), "80.00").entryId();
		assertThatThrownBy(
				() -> this.jdbc.sql("update ledger_entries set amount = 1 where id = :id").param("id", entry).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from ledger_entries where id = :id").param("id", entry).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThat(balance()).isEqualTo("80.00");
	}

	@Test
	void aRetriedPaymentWithTheSameKeyIsStoredOnce() {
		String key = UUID.randomUUID().toString();
		Object payment = payment("50.00", "check", "1042");
		Api.Response first = this.admin.api().post(payments(), payment, "Idempotency-Key", key);
		Api.Response retry = this.admin.api().post(payments(), payment, "Idempotency-Key", key);
		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(first.header("Location")).endsWith("/api/payments/" + first.at("/id"));
		assertThat(retry.status()).as(retry.text()).isEqualTo(200);
		assertThat(retry.at("/id")).isEqualTo(first.at("/id"));
		assertThat(count("select count(*) from payments where child_id = :child")).isEqualTo(1);
		assertThat(balance()).isEqualTo("-50.00");

		Api.Response other = this.admin.api()
			.post(payments(), payment("51.00", "check", "1042"), "Idempotency-Key", key);
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.contentType()).isEqualTo("application/problem+json");
		assertThat(other.at("/type")).endsWith("/idempotency-key-reused");
		assertThat(count("select count(*) from payments where child_id = :child")).isEqualTo(1);

		// keys belong to the account that sent them
		Person otherAdmin = this.clinic.anAdmin();
		assertThat(otherAdmin.api().post(payments(), payment, "Idempotency-Key", key).status()).isEqualTo(201);
		assertThat(balance()).isEqualTo("-100.00");
	}

	@Test
	void aPartialPaymentPaysTheOldestOpenItemsFirst() {
		UUID newer = charge(this.today.minusDays(5), "100.00").entryId();
		UUID older = charge(this.today.minusDays(20), "60.00").entryId();
		Api.Response paid = pay("90.00");
		assertThat(paid.at("/allocated")).isEqualTo("90.00");
		assertThat(paid.at("/unallocated")).isEqualTo("0.00");
		assertThat(open(older)).isEqualTo("0.00");
		assertThat(open(newer)).isEqualTo("70.00");
		assertThat(balance()).isEqualTo("70.00");

		// more than is owed: the rest is a credit that pays the next charge
		Api.Response over = pay("100.00");
		assertThat(over.at("/unallocated")).isEqualTo("30.00");
		assertThat(balance()).isEqualTo("-30.00");
		UUID later = charge(this.today.minusDays(1), "45.00").entryId();
		assertThat(open(later)).isEqualTo("15.00");
		assertThat(balance()).isEqualTo("15.00");
		// the balance is the sum of the entries, never a counter
		assertThat(this.ledger.balanceOf(UUID.fromString(this.childId))).isEqualByComparingTo("15.00");
	}

	@Test
	void aRefundReturnsUnallocatedMoneyAndTakesBackAllocatedMoneyOnlyWhenAsked() {
		UUID item = charge(this.today.minusDays(10), "40.00").entryId();
		String payment = pay("100.00").at("/id");

		Api.Response tooMuch = refund(payment, "100.01", false);
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(tooMuch.at("/type")).endsWith("/refund-exceeds-payment");

		Api.Response allocated = refund(payment, "70.00", false);
		assertThat(allocated.status()).isEqualTo(409);
		assertThat(allocated.at("/type")).endsWith("/refund-needs-deallocation");
		assertThat(allocated.at("/limit")).isEqualTo("60.00");

		Api.Response credit = refund(payment, "60.00", false);
		assertThat(credit.status()).as(credit.text()).isEqualTo(201);
		assertThat(credit.at("/kind")).isEqualTo("refund");
		assertThat(balance()).isEqualTo("0.00");

		Api.Response back = refund(payment, "15.00", true);
		assertThat(back.status()).as(back.text()).isEqualTo(201);
		assertThat(open(item)).isEqualTo("15.00");
		assertThat(balance()).isEqualTo("15.00");
		JsonNode read = this.admin.api().get("/api/payments/" + payment).json();
		assertThat(read.get("refunded").asString()).isEqualTo("75.00");
		assertThat(read.get("allocated").asString()).isEqualTo("25.00");
	}

	@Test
	void aWriteOffForgivesAtMostWhatIsOpenAndAnEntryIsReversedOnce() {
		UUID item = charge(this.today.minusDays(10), "40.00").entryId();
		pay("10.00");
		Api.Response tooMuch = writeOff(item, "30.01");
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(tooMuch.at("/type")).endsWith("/write-off-exceeds-open");
		Api.Response written = writeOff(item, "30.00");
		assertThat(written.status()).as(written.text()).isEqualTo(201);
		assertThat(balance()).isEqualTo("0.00");

		Api.Response reversed = this.admin.api()
			.post("/api/ledger-entries/" + written.at("/id") + "/reversal", body("reason", "Written off by mistake"));
		assertThat(reversed.status()).as(reversed.text()).isEqualTo(201);
		assertThat(reversed.at("/kind")).isEqualTo("reversal");
		assertThat(reversed.at("/amount")).isEqualTo("30.00");
		assertThat(open(item)).isEqualTo("30.00");
		assertThat(balance()).isEqualTo("30.00");
		Api.Response again = this.admin.api()
			.post("/api/ledger-entries/" + written.at("/id") + "/reversal", body("reason", "Again"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.at("/type")).endsWith("/entry-not-reversible");
	}

	@Test
	void aFamilyShareIsPostedOncePerRemittanceLine() {
		UUID child = UUID.fromString(this.childId);
		String reference = "835-" + UUID.randomUUID() + "-1";
		Ledger.FamilyShare share = new Ledger.FamilyShare(child, null, reference, new BigDecimal("25.00"),
				new BigDecimal("112.50"), "USD", this.today.minusDays(30), this.today.minusDays(2),
				"97153 on " + this.today.minusDays(30) + ": coinsurance");
		Ledger.Posted first = this.ledger.postFamilyShare(share);
		Ledger.Posted again = this.ledger.postFamilyShare(share);
		assertThat(first.created()).isTrue();
		assertThat(again.created()).isFalse();
		assertThat(again.entryId()).isEqualTo(first.entryId());
		assertThat(balance()).isEqualTo("25.00");
		assertThatThrownBy(() -> this.ledger.postFamilyShare(new Ledger.FamilyShare(child, null, "x",
				new BigDecimal("-1"), null, "USD", this.today, this.today, "bad")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anInvoiceIsIssuedNumberedVoidedAndCredited() {
		Api.Response draft = this.admin.api()
			.post("/api/children/" + this.childId + "/invoices", body("lines", List
				.of(line("Adaptive behavior treatment 97153", 8, "31.25"), line("Parent training 97156", 4, "40.00"))));
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		assertThat(draft.at("/status")).isEqualTo("draft");
		assertThat(draft.at("/total")).isEqualTo("410.00");
		assertThat(balance()).isEqualTo("0.00");
		// a draft is the office's: the family sees the invoice once it is issued
		assertThat(this.parent.api().get("/api/invoices/" + draft.at("/id")).status()).isEqualTo(404);
		assertThat(this.parent.api().get("/api/children/" + this.childId + "/invoices").json().get("content"))
			.isEmpty();

		Api.Response issued = this.admin.api().post("/api/invoices/" + draft.at("/id") + "/issue", "{}");
		assertThat(issued.status()).as(issued.text()).isEqualTo(200);
		assertThat(issued.at("/number")).matches("INV-\\d{6}");
		assertThat(issued.at("/open")).isEqualTo("410.00");
		assertThat(this.parent.api().get("/api/invoices/" + draft.at("/id")).status()).isEqualTo(200);
		assertThat(balance()).isEqualTo("410.00");
		assertThat(this.admin.api().post("/api/invoices/" + draft.at("/id") + "/issue", "{}").status()).isEqualTo(409);

		pay("100.00");
		Api.Response credited = this.admin.api()
			.post("/api/invoices/" + draft.at("/id") + "/credit-notes", body("amount", "60.00", "reason", "Goodwill"));
		assertThat(credited.status()).as(credited.text()).isEqualTo(201);
		assertThat(credited.at("/kind")).isEqualTo("credit_note");
		assertThat(credited.at("/number")).matches("CN-\\d{6}");
		assertThat(credited.at("/total")).isEqualTo("-60.00");
		assertThat(balance()).isEqualTo("250.00");
		Api.Response overCredit = this.admin.api()
			.post("/api/invoices/" + draft.at("/id") + "/credit-notes", body("amount", "250.01", "reason", "Too much"));
		assertThat(overCredit.status()).isEqualTo(409);
		// credited: voiding it would leave the credit behind
		assertThat(this.admin.api()
			.post("/api/invoices/" + draft.at("/id") + "/void", body("reason", "Wrong family"))
			.status()).isEqualTo(409);

		saveClinicSettings();
		String text = pdfText("/api/invoices/" + draft.at("/id") + "/pdf", this.parent);
		assertThat(text).startsWith("Bright Steps ABA LLC\n100 Main Street, Suite 4\n")
			.contains("NPI 1234567893   Tax ID 12-3456789")
			.contains("Invoice " + issued.at("/number"))
			.contains("Adaptive behavior treatment 97153")
			.contains("250.00")
			.contains("410.00");
	}

	@Test
	void voidingAnIssuedInvoiceReversesItsChargesAndFreesThePayments() {
		Api.Response draft = this.admin.api()
			.post("/api/children/" + this.childId + "/invoices", body("lines", List.of(line("Session", 2, "50.00"))));
		String id = draft.at("/id");
		this.admin.api().post("/api/invoices/" + id + "/issue", "{}");
		Api.Response payment = pay("30.00");
		Api.Response voided = this.admin.api().post("/api/invoices/" + id + "/void", body("reason", "Billed twice"));
		assertThat(voided.status()).as(voided.text()).isEqualTo(200);
		assertThat(voided.at("/status")).isEqualTo("void");
		assertThat(balance()).isEqualTo("-30.00");
		assertThat(this.admin.api().get("/api/payments/" + payment.at("/id")).at("/unallocated")).isEqualTo("30.00");
	}

	@Test
	void aMonthlyStatementCarriesTheBalanceAndReadsBackFromItsPdf() {
		YearMonth last = YearMonth.from(this.today).minusMonths(1);
		charge(last.minusMonths(1).atDay(10), "20.00");
		charge(last.atDay(3), "100.00");
		this.ledger.postFamilyShare(new Ledger.FamilyShare(UUID.fromString(this.childId), null,
				"835-" + UUID.randomUUID(), new BigDecimal("12.34"), new BigDecimal("87.66"), "USD", last.atDay(2),
				last.atDay(20), "97155 on " + last.atDay(2) + ": deductible"));

		JsonNode statement = this.parent.api().get("/api/children/" + this.childId + "/statements/" + last).json();
		assertThat(statement.get("opening").asString()).isEqualTo("20.00");
		assertThat(statement.get("charges").asString()).isEqualTo("100.00");
		assertThat(statement.get("familyShare").asString()).isEqualTo("12.34");
		assertThat(statement.get("insurancePaid").asString()).isEqualTo("87.66");
		assertThat(statement.get("closing").asString()).isEqualTo("132.34");
		assertThat(statement.get("lines")).hasSize(2);
		JsonNode months = this.parent.api().get("/api/children/" + this.childId + "/statements").json();
		assertThat(months.get(0).get("month").asString()).isEqualTo(YearMonth.from(this.today).toString());
		assertThat(months).hasSize(3);

		saveClinicSettings();
		String text = pdfText("/api/children/" + this.childId + "/statements/" + last + "/pdf", this.parent);
		assertThat(text).as("the clinic's letterhead, first")
			.startsWith("Bright Steps ABA LLC\n100 Main Street, Suite 4\nSpringfield, IL 62701-1234\n"
					+ "Phone (217) 555-0100   NPI 1234567893   Tax ID 12-3456789\nStatement");
		assertThat(text).contains("Statement")
			.contains("Opening balance")
			.contains("20.00")
			.contains("Family share: 12.34")
			.contains("Insurance paid: 87.66")
			.contains("Balance due: 132.34 USD");
	}

	@Test
	void agingPutsEachOpenItemInTheBucketOfItsAge() {
		charge(this.today.minusDays(10), "10.00");
		charge(this.today.minusDays(45), "20.00");
		charge(this.today.minusDays(75), "30.00");
		charge(this.today.minusDays(120), "40.00");
		pay("45.00");
		JsonNode aging = this.admin.api().get("/api/family-accounts/aging").json();
		JsonNode row = null;
		for (JsonNode family : aging.get("families")) {
			if (family.get("childId").asString().equals(this.childId)) {
				row = family;
			}
		}
		assertThat(row).isNotNull();
		// the payment paid the oldest (40) and 5 of the next (75 days)
		assertThat(row.get("over90").asString()).isEqualTo("0.00");
		assertThat(row.get("days61To90").asString()).isEqualTo("25.00");
		assertThat(row.get("days31To60").asString()).isEqualTo("20.00");
		assertThat(row.get("current").asString()).isEqualTo("10.00");
		assertThat(row.get("balance").asString()).isEqualTo("55.00");
		assertThat(this.parent.api().get("/api/family-accounts/aging").status()).isEqualTo(403);
	}

	/**
	 * A past day's aging is the ledger as it stood that day: items, payments and credits
	 * dated after it do not count, and the payments are allocated to the oldest items
	 * again. Hand-computed: as of the day, A (100.00, 70 days old) less a 10.00 write-off
	 * and the 30.00 paid before the day is 60.00 open (61–90); B (50.00, 20 days) is open
	 * in full (0–30); the balance is 110.00. Today the later payment (60.00) has paid A,
	 * B has a later write-off (20.00) and C (40.00) was added: B 30.00 and C 40.00, both
	 * 31–60.
	 */
	@Test
	void agingAsOfAPastDayIsTheLedgerAsItStoodThatDay() {
		LocalDate asOf = this.today.minusDays(40);
		UUID a = charge(asOf.minusDays(70), "100.00").entryId();
		UUID b = charge(asOf.minusDays(20), "50.00").entryId();
		payOn("30.00", asOf.minusDays(10));
		assertThat(writeOff(a, "10.00", asOf.minusDays(5)).status()).isEqualTo(201);
		payOn("60.00", asOf.plusDays(5));
		charge(asOf.plusDays(3), "40.00");
		assertThat(writeOff(b, "20.00", asOf.plusDays(1)).status()).isEqualTo(201);

		JsonNode then = agingRow(asOf);
		assertThat(then.get("current").asString()).isEqualTo("50.00");
		assertThat(then.get("days31To60").asString()).isEqualTo("0.00");
		assertThat(then.get("days61To90").asString()).isEqualTo("60.00");
		assertThat(then.get("over90").asString()).isEqualTo("0.00");
		assertThat(then.get("unappliedCredit").asString()).isEqualTo("0.00");
		assertThat(then.get("balance").asString()).isEqualTo("110.00");

		JsonNode now = agingRow(this.today);
		assertThat(now.get("current").asString()).isEqualTo("0.00");
		assertThat(now.get("days31To60").asString()).isEqualTo("70.00");
		assertThat(now.get("days61To90").asString()).isEqualTo("0.00");
		assertThat(now.get("balance").asString()).isEqualTo(balance()).isEqualTo("70.00");
		assertThat(open(b)).as("today's aging agrees with the ledger").isEqualTo("30.00");

		assertThat(agingRow(asOf.minusDays(71))).as("before the first entry the family owed nothing").isNull();
	}

	/**
	 * A credit adjustment names the item it applies to at {@code /appliesTo}, in its own
	 * words, not a write-off's.
	 */
	@Test
	void aCreditOnAnItemThatIsNotOpenIsRefusedInACreditsWords() {
		UUID paid = charge(this.today.minusDays(3), "20.00").entryId();
		UUID open = charge(this.today.minusDays(2), "30.00").entryId();
		pay("20.00");
		Api.Response closed = credit("-5.00", paid);
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.contentType()).isEqualTo("application/problem+json");
		assertThat(closed.at("/type")).endsWith("/entry-not-an-item");
		assertThat(closed.at("/detail")).startsWith("A credit applies only to").doesNotContain("written off");
		assertThat(closed.at("/errors/0/pointer")).isEqualTo("/appliesTo");

		Api.Response tooMuch = credit("-30.01", open);
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(tooMuch.at("/type")).endsWith("/credit-exceeds-open");
		assertThat(tooMuch.at("/detail")).startsWith("A credit applied to an item");
		assertThat(tooMuch.at("/errors/0/pointer")).isEqualTo("/amount");
		assertThat(tooMuch.at("/limit")).isEqualTo("30.00");

		assertThat(credit("-30.00", open).status()).isEqualTo(201);
		assertThat(open(open)).isEqualTo("0.00");
	}

	@Test
	void badMoneyIsAProblemNamingTheField() {
		assertInvalid(payment("-5.00", "cash", null), "/amount");
		assertInvalid(payment("0", "cash", null), "/amount");
		assertInvalid(payment("10.005", "cash", null), "/amount");
		assertInvalid(payment("ten", "cash", null), "/amount");
		assertInvalid(payment("10.00", "bitcoin", null), "/method");
		assertInvalid(body("method", "cash", "amount", "10.00", "currency", "EUR", "receivedOn", this.today.toString()),
				"/currency");
		assertInvalid(payment("10.00", "cash", null, this.today.plusDays(1)), "/receivedOn");
		Api.Response noKey = this.admin.api().post(payments(), payment("10.00", "cash", null));
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(noKey.text()).contains("Idempotency-Key");
		Api.Response unknown = this.admin.api()
			.post("/api/children/" + UUID.randomUUID() + "/payments", payment("10.00", "cash", null), "Idempotency-Key",
					UUID.randomUUID().toString());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).isEqualTo("application/problem+json");
		assertThat(count("select count(*) from payments where child_id = :child")).isZero();
	}

	@Test
	void aParentSeesTheirOwnFamilysMoneyAndNoOneElsesAndATherapistSeesNone() {
		charge(this.today.minusDays(3), "80.00");
		Person otherParent = this.clinic.aParent();
		assertThat(this.parent.api().get("/api/children/" + this.childId + "/account").at("/balance"))
			.isEqualTo("80.00");
		JsonNode mine = this.parent.api().get("/api/family-accounts").json();
		assertThat(mine.get("content")).hasSize(1);
		assertThat(mine.get("content").get(0).get("childId").asString()).isEqualTo(this.childId);
		assertThat(otherParent.api().get("/api/family-accounts").json().get("content")).isEmpty();
		assertThat(otherParent.api().get("/api/children/" + this.childId + "/account").status()).isEqualTo(404);
		assertThat(otherParent.api().get("/api/children/" + this.childId + "/ledger-entries").status()).isEqualTo(404);
		assertThat(this.technician.api().get("/api/children/" + this.childId + "/account").status()).isEqualTo(403);
		assertThat(this.technician.api().get("/api/family-accounts").status()).isEqualTo(403);
		assertThat(this.parent.api()
			.post(payments(), payment("10.00", "cash", null), "Idempotency-Key", UUID.randomUUID().toString())
			.status()).isEqualTo(403);
		// the refused reads are in the access log (written once the request's transaction
		// ended)
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> count("""
				select count(*) from audit_log where child_id = :child and outcome = 'not_found'
				  and resource_type = 'family_account'
				""") > 0);
	}

	@Test
	void paymentsAreInTheAccessLogAndTheChildsHistoryWithoutAmounts() {
		String id = pay("12.00").at("/id");
		assertThat(count("select count(*) from audit_log where resource_id = '" + id
				+ "'::uuid and action = 'create' and resource_type = 'payment'"))
			.isEqualTo(1);
		JsonNode history = this.admin.api().get("/api/children/" + this.childId + "/history").json();
		assertThat(history.toString()).contains("payment").doesNotContain("12.00");
	}

	@Test
	void onlineCardPaymentsNeedAProcessorThatIsNotThere() {
		Api.Response online = this.parent.api()
			.post("/api/children/" + this.childId + "/online-payments", body("amount", "10.00"));
		assertThat(online.status()).isEqualTo(501);
		assertThat(online.at("/type")).endsWith("/online-payments-unavailable");
		assertThat(this.technician.api()
			.post("/api/children/" + this.childId + "/online-payments", body("amount", "10.00"))
			.status()).isEqualTo(403);
	}

	// fixtures

	private Ledger.Posted charge(LocalDate on, String amount) {
		return this.ledger.postPrivatePayCharge(new Ledger.PrivatePayCharge(UUID.randomUUID(),
				UUID.fromString(this.childId), on, "97153 Adaptive behavior treatment", new BigDecimal(amount), "USD"));
	}

	private Api.Response pay(String amount) {
		Api.Response paid = this.admin.api()
			.post(payments(), payment(amount, "cash", null), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(paid.status()).as(paid.text()).isEqualTo(201);
		return paid;
	}

	private Api.Response payOn(String amount, LocalDate on) {
		Api.Response paid = this.admin.api()
			.post(payments(), payment(amount, "cash", null, on), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(paid.status()).as(paid.text()).isEqualTo(201);
		return paid;
	}

	private Api.Response writeOff(UUID item, String amount, LocalDate on) {
		return this.admin.api()
			.post("/api/children/" + this.childId + "/write-offs", body("entryId", item.toString(), "amount", amount,
					"writtenOffOn", on.toString(), "reason", "Hardship"));
	}

	private Api.Response credit(String amount, UUID item) {
		return this.admin.api()
			.post("/api/children/" + this.childId + "/adjustments", body("amount", amount, "occurredOn",
					this.today.toString(), "description", "Goodwill credit", "appliesTo", item.toString()));
	}

	/** This family's row of the aging on {@code day}; null when it owed nothing. */
	private JsonNode agingRow(LocalDate day) {
		JsonNode aging = this.admin.api().get("/api/family-accounts/aging?asOf=" + day).json();
		for (JsonNode family : aging.get("families")) {
			if (family.get("childId").asString().equals(this.childId)) {
				return family;
			}
		}
		return null;
	}

	private Api.Response refund(String payment, String amount, boolean deallocate) {
		return this.admin.api()
			.post("/api/payments/" + payment + "/refunds",
					body("amount", amount, "reason", "Family moved", "deallocate", deallocate));
	}

	private Api.Response writeOff(UUID item, String amount) {
		return this.admin.api()
			.post("/api/children/" + this.childId + "/write-offs",
					body("entryId", item.toString(), "amount", amount, "reason", "Hardship"));
	}

	private String payments() {
		return "/api/children/" + this.childId + "/payments";
	}

	private Object payment(String amount, String method, String reference) {
		return payment(amount, method, reference, this.today);
	}

	private Object payment(String amount, String method, String reference, LocalDate on) {
		return (reference == null) ? body("method", method, "amount", amount, "receivedOn", on.toString())
				: body("method", method, "reference", reference, "amount", amount, "receivedOn", on.toString());
	}

	private Object line(String description, int quantity, String price) {
		return body("description", description, "serviceDate", this.today.minusDays(7).toString(), "quantity", quantity,
				"unitPrice", price);
	}

	private void assertInvalid(Object payment, String pointer) {
		Api.Response response = this.admin.api()
			.post(payments(), payment, "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.text()).contains(pointer);
	}

	private String balance() {
		return this.admin.api().get("/api/children/" + this.childId + "/account").at("/balance");
	}

	private String open(UUID entry) {
		JsonNode entries = this.admin.api().get("/api/children/" + this.childId + "/ledger-entries?size=200").json();
		for (JsonNode e : entries.get("content")) {
			if (e.get("id").asString().equals(entry.toString())) {
				return e.get("open").asString();
			}
		}
		throw new AssertionError("no entry " + entry);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).param("child", UUID.fromString(this.childId)).query(Long.class).single();
	}

	/** The clinic's billing settings, which the PDFs' letterhead names. */
	private void saveClinicSettings() {
		Api.Response settings = this.admin.api()
			.put("/api/billing-settings", body("legalName", "Bright Steps ABA LLC", "npi", "1234567893", "taxId",
					"12-3456789", "taxonomyCode", "103K00000X", "address", body("line1", "100 Main Street", "line2",
							"Suite 4", "city", "Springfield", "state", "IL", "postalCode", "62701-1234"),
					"phone", "217 555 0100", "telehealthPlaceOfService", "10"));
		assertThat(settings.status()).as(settings.text()).isEqualTo(200);
	}

	private String pdfText(String path, Person person) {
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Authorization", "Bearer " + person.accessToken())
					.header("X-Forwarded-For", person.api().clientAddress())
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
			try (PDDocument pdf = Loader.loadPDF(response.body())) {
				return new PDFTextStripper().getText(pdf);
			}
		}
		catch (IOException | InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

}
