package org.sparktherapy.billing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.billing.internal.x12.ClaimFileValidator;
import org.sparktherapy.billing.internal.x12.X12Document;
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
 * Claim batches through the API on the real database: ready charges (written straight
 * into the charges table, as the charges module leaves them) become claims, the 837P
 * download passes the independent StAEDI validation, the CMS-1500 reads back, the batch
 * is marked submitted; admins only, every claim access in the audit log.
 */
@IntegrationTest
class ClaimsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Clinic clinic;

	Person admin;

	Person parent;

	Person technician;

	Person supervisor;

	String childId;

	UUID payerId;

	UUID coverageId;

	String memberId;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.parent = this.clinic.aParent();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.childId = this.clinic.aChild(this.admin, this.parent, this.supervisor, this.technician);
		this.payerId = UUID.randomUUID();
		String suffix = this.payerId.toString().substring(0, 8);
		this.jdbc.sql("""
				insert into payers (id, name, kind, x12_payer_id, currency, created_at, updated_at)
				values (:id, :name, 'insurance', :x12, 'USD', now(), now())""")
			.param("id", this.payerId)
			.param("name", "Claims Test Health " + suffix)
			.param("x12", "CT" + suffix.toUpperCase())
			.update();
		this.memberId = "MBR" + suffix.toUpperCase();
		Api.Response home = this.admin.api()
			.put("/api/children/" + this.childId, body("sex", "female", "address", body("line1", "27 Linden Street",
					"line2", "Unit 4", "city", "Springfield", "state", "IL", "postalCode", "62704")));
		assertThat(home.status()).as(home.text()).isEqualTo(200);
		// The child's people and record changes above make billing re-check the child's
		// open charges, asynchronously: were it to run after a test inserted its ready
		// charges, it would hold them (they have no signed session), and the batch built
		// next would lack them. Wait for it first.
		EventPublications.awaitDelivered(this.jdbc, "ChildPeopleChanged", this.childId);
		EventPublications.awaitDelivered(this.jdbc, "ChildRecordChanged", this.childId);
		this.coverageId = coverage("self", this.memberId);
		this.jdbc.sql("""
				insert into billing_settings (id, legal_name, npi, tax_id, taxonomy_code, address_line1, city, state,
				                              postal_code, phone, updated_at)
				values (1, 'Bright Steps ABA LLC', '1234567893', '12-3456789', '103K00000X', '100 Main Street',
				        'Springfield', 'IL', '62701', '2175550100', now())
				on conflict (id) do update set legal_name = excluded.legal_name, npi = excluded.npi,
				    tax_id = excluded.tax_id, taxonomy_code = excluded.taxonomy_code,
				    address_line1 = excluded.address_line1, city = excluded.city, state = excluded.state,
				    postal_code = excluded.postal_code, phone = excluded.phone""").update();
		this.jdbc.sql("insert into provider_numbers (account_id, npi, updated_at) values (:id, :npi, now())")
			.param("id", UUID.fromString(this.supervisor.id()))
			.param("npi", String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)))
			.update();
	}

	@Test
	void readyChargesBecomeClaimsAndTheFilePassesTheIndependentValidation() throws IOException {
		UUID first = charge("97153", "12", LocalDate.of(2026, 11, 2), 8, "120.00");
		UUID second = charge("97153", "12", LocalDate.of(2026, 11, 3), 6, "90.00");
		UUID office = charge("97155", "11", LocalDate.of(2026, 11, 4), 2, "55.50");

		Api.Response created = this.admin.api().post("/api/claim-batches", body("payerId", this.payerId.toString()));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode batch = created.json();
		String batchId = batch.at("/batch/id").asString();
		assertThat(created.header("Location")).endsWith("/api/claim-batches/" + batchId);
		assertThat(batch.at("/batch/status").asString()).isEqualTo("draft");
		assertThat(new BigDecimal(batch.at("/batch/totalCharge").asString())).isEqualByComparingTo("265.50");
		// one claim per place of service: the two home sessions share one
		assertThat(batch.at("/claims").size()).isEqualTo(2);
		assertThat(statusOf(first)).isEqualTo("claimed");
		assertThat(statusOf(second)).isEqualTo("claimed");
		assertThat(statusOf(office)).isEqualTo("claimed");
		assertThat(this.admin.api()
			.post("/api/claim-batches", body("payerId", this.payerId.toString()))
			.json()
			.at("/type")
			.asString()).endsWith("/no-ready-charges");

		Api.Response file = this.admin.api().get("/api/claim-batches/" + batchId + "/837");
		assertThat(file.status()).as(file.text()).isEqualTo(200);
		assertThat(file.contentType()).startsWith("application/edi-x12");
		assertThat(file.header("Content-Disposition")).startsWith("attachment").contains(".837");
		byte[] content = file.text().getBytes(StandardCharsets.US_ASCII);
		X12Document read = new ClaimFileValidator().read(content);
		assertThat(read.errors()).isEmpty();
		assertThat(read.all("CLM")).hasSize(2);
		assertThat(file.text()).contains("*MI*" + this.memberId + "~", "SV1*HC:97153*120*UN*8***1~",
				"SV1*HC:97155*55.5*UN*2***1~", "HI*ABK:F840~", "NM1*85*2*BRIGHT STEPS ABA LLC*****XX*1234567893~");

		String claimId = batch.at("/claims/0/id").asString();
		JsonNode claim = this.admin.api().get("/api/claims/" + claimId).json();
		assertThat(claim.at("/claim/state").asString()).isEqualTo("draft");
		assertThat(claim.at("/lines").size()).isGreaterThan(0);

		Api.Response pdf = this.admin.api().get("/api/claims/" + claimId + "/cms1500");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");

		Api.Response submitted = this.admin.api().post("/api/claim-batches/" + batchId + "/submission", body());
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		assertThat(submitted.json().at("/batch/status").asString()).isEqualTo("submitted");
		assertThat(submitted.json().at("/claims/0/state").asString()).isEqualTo("submitted");
		assertThat(this.admin.api().post("/api/claim-batches/" + batchId + "/submission", body()).status())
			.isEqualTo(409);

		assertThat(this.jdbc.sql("""
				select count(*) from audit_log
				where resource_type = 'claim' and child_id = :child and action = 'export' and outcome = 'success'""")
			.param("child", UUID.fromString(this.childId))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theCms1500CarriesTheMemberIdAndCodes() throws IOException {
		charge("97153", "12", LocalDate.of(2026, 11, 2), 8, "120.00");
		JsonNode batch = newBatch();

		byte[] pdf = download("/api/claims/" + batch.at("/claims/0/id").asString() + "/cms1500");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains(this.memberId, "97153", "F840", "120.00",
					batch.at("/claims/0/claimNumber").asString());
		}
	}

	@Test
	void aChildOnAParentsPlanIsThePatientWithTheAddressAndSexOfItsRecord() throws IOException {
		this.coverageId = coverage("child", "KID" + this.memberId);
		charge("97153", "12", LocalDate.of(2026, 11, 2), 8, "120.00");
		JsonNode batch = newBatch();

		Api.Response file = this.admin.api().get("/api/claim-batches/" + batch.at("/batch/id").asString() + "/837");

		assertThat(file.status()).as(file.text()).isEqualTo(200);
		X12Document read = new ClaimFileValidator().read(file.text().getBytes(StandardCharsets.US_ASCII));
		assertThat(read.errors()).isEmpty();
		String lastName = this.admin.api().get("/api/children/" + this.childId).at("/lastName").toUpperCase();
		// 2000B: the parent by name and member id (the guide wants the subscriber's
		// address
		// and demographics only when the patient is the subscriber); 2000C: the child
		assertThat(file.text()).contains("SBR*P**GRP-1******CI~", "NM1*IL*1*CARTER*DANA****MI*KID" + this.memberId,
				"HL*3*2*23*0~", "PAT*19~", "NM1*QC*1*" + lastName + "*AVERY~", "N3*27 LINDEN STREET*UNIT 4~",
				"N4*SPRINGFIELD*IL*62704~", "DMG*D8*20190514*F~");
		assertThat(read.all("N3")).as("the clinic's and the child's address, not the parent's").hasSize(2);
		assertThat(read.all("DMG")).hasSize(1);

		byte[] pdf = download("/api/claims/" + batch.at("/claims/0/id").asString() + "/cms1500");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("27 LINDEN STREET", "SPRINGFIELD", "62704");
		}
	}

	@Test
	void aParentsAddressOnTheCoverageNamesTheSubscriberIn2010BAAndBox7() throws IOException {
		this.coverageId = coverage("child", "KID" + this.memberId);
		Api.Response saved = this.admin.api()
			.put("/api/coverages/" + this.coverageId, body("payerId", this.payerId.toString(), "memberId",
					"KID" + this.memberId, "groupNumber", "GRP-1", "subscriberName", "Dana Carter",
					"subscriberRelationship", "child", "subscriberAddress", body("line1", "40 Birch Road", "line2", " ",
							"city", "Chatham", "state", "il", "postalCode", "62629-1234"),
					"diagnosisCodes", List.of("F84.0"), "startDate", "2026-01-01"));
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().get("subscriberAddress").toString()).isEqualTo(
				"{\"line1\":\"40 Birch Road\",\"line2\":null,\"city\":\"Chatham\",\"state\":\"IL\",\"postalCode\":\"626291234\"}");
		charge("97153", "12", LocalDate.of(2026, 11, 2), 8, "120.00");
		JsonNode batch = newBatch();

		Api.Response file = this.admin.api().get("/api/claim-batches/" + batch.at("/batch/id").asString() + "/837");

		assertThat(file.status()).as(file.text()).isEqualTo(200);
		X12Document read = new ClaimFileValidator().read(file.text().getBytes(StandardCharsets.US_ASCII));
		assertThat(read.errors()).isEmpty();
		assertThat(read.all("N3")).extracting(X12Document.Segment::loop).containsExactly("2010AA", "2010BA", "2010CA");
		assertThat(file.text().replace("\r", "").replace("\n", "")).contains("NM1*IL*1*CARTER*DANA****MI*KID"
				+ this.memberId + "~N3*40 BIRCH ROAD~N4*CHATHAM*IL*626291234~NM1*PR*2*");
		byte[] pdf = download("/api/claims/" + batch.at("/claims/0/id").asString() + "/cms1500");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("40 BIRCH ROAD", "CHATHAM  IL  626291234",
					"27 LINDEN STREET");
		}
	}

	@Test
	void aChildWithoutAddressOrSexOnItsRecordCannotBeExported() {
		this.jdbc.sql("""
				update children set sex = null, address_line1 = null, address_line2 = null, address_city = null,
				    address_state = null, address_postal_code = null where id = :id""")
			.param("id", UUID.fromString(this.childId))
			.update();
		this.coverageId = coverage("child", "KID" + this.memberId);
		charge("97153", "12", LocalDate.of(2026, 11, 2), 8, "120.00");
		JsonNode batch = newBatch();

		Api.Response file = this.admin.api().get("/api/claim-batches/" + batch.at("/batch/id").asString() + "/837");

		assertThat(file.status()).isEqualTo(409);
		assertThat(file.json().at("/type").asString()).endsWith("/claim-data-missing");
		assertThat(file.json().at("/missing").toString()).contains("patient address", "patient sex")
			.doesNotContain("date of birth");
	}

	@Test
	void thePayersClaimFilingIndicatorAndTheClinicsSubmitterIdReachTheFile() {
		String payer = this.admin.api().get("/api/payers/" + this.payerId).text();
		Api.Response medicaid = this.admin.api()
			.put("/api/payers/" + this.payerId, body("name", Api.JSON.readTree(payer).at("/name").asString(),
					"x12PayerId", Api.JSON.readTree(payer).at("/x12PayerId").asString(), "claimFilingIndicator", "MC"));
		assertThat(medicaid.status()).as(medicaid.text()).isEqualTo(200);
		assertThat(medicaid.at("/claimFilingIndicator")).isEqualTo("MC");
		Api.Response badIndicator = this.admin.api()
			.put("/api/payers/" + this.payerId, body("name", "X", "claimFilingIndicator", "XX"));
		assertThat(badIndicator.status()).isEqualTo(400);
		assertThat(badIndicator.at("/errors/0/pointer")).isEqualTo("/claimFilingIndicator");
		Api.Response settings = this.admin.api().get("/api/billing-settings");
		JsonNode saved = settings.json();
		Api.Response badSubmitter = this.admin.api()
			.put("/api/billing-settings", body("legalName", "Bright Steps ABA LLC", "submitterId", "no spaces!"));
		assertThat(badSubmitter.status()).isEqualTo(400);
		assertThat(badSubmitter.at("/errors/0/pointer")).isEqualTo("/submitterId");
		Api.Response withSubmitter = this.admin.api()
			.put("/api/billing-settings",
					body("legalName", saved.at("/legalName").asString(), "npi", saved.at("/npi").asString(), "taxId",
							saved.at("/taxId").asString(), "taxonomyCode", saved.at("/taxonomyCode").asString(),
							"address", saved.get("address"), "phone", saved.at("/phone").asString(), "submitterId",
							"CLRH00042"));
		assertThat(withSubmitter.status()).as(withSubmitter.text()).isEqualTo(200);
		try {
			charge("97153", "12", LocalDate.of(2026, 11, 2), 8, "120.00");
			JsonNode batch = newBatch();

			Api.Response file = this.admin.api().get("/api/claim-batches/" + batch.at("/batch/id").asString() + "/837");

			assertThat(file.status()).as(file.text()).isEqualTo(200);
			assertThat(new ClaimFileValidator().read(file.text().getBytes(StandardCharsets.US_ASCII)).errors())
				.isEmpty();
			// the child is the subscriber: its address and sex are the subscriber's
			assertThat(file.text()).contains("*ZZ*CLRH00042      *", "GS*HC*CLRH00042*", "NM1*41*2*", "*46*CLRH00042~",
					"SBR*P*18*GRP-1******MC~", "N3*27 LINDEN STREET*UNIT 4~", "DMG*D8*20190514*F~");
		}
		finally {
			this.jdbc.sql("update billing_settings set submitter_id = null").update();
		}
	}

	@Test
	void privatePayIsNotClaimed() {
		UUID privatePay = this.jdbc.sql("select id from payers where kind = 'private_pay'").query(UUID.class).single();

		Api.Response refused = this.admin.api().post("/api/claim-batches", body("payerId", privatePay.toString()));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.at("/errors/0/pointer")).isEqualTo("/payerId");
	}

	@Test
	void onlyAdminsWorkWithClaims() {
		charge("97153", "12", LocalDate.of(2026, 11, 2), 8, "120.00");
		String batchId = newBatch().at("/batch/id").asString();

		for (Person someone : List.of(this.parent, this.supervisor, this.technician)) {
			assertThat(someone.api().get("/api/claim-batches").status()).isEqualTo(403);
			assertThat(someone.api().get("/api/claim-batches/" + batchId).status()).isEqualTo(403);
			assertThat(someone.api().get("/api/claim-batches/" + batchId + "/837").status()).isEqualTo(403);
		}
		assertThat(this.admin.api().get("/api/claim-batches/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log
				where resource_type = 'claim' and account_id = :parent and outcome = 'denied'""")
			.param("parent", UUID.fromString(this.parent.id()))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void aRemittancePostsPaymentsDenialsAndTheFamilyShareOnce() throws IOException {
		UUID paidCharge = charge("97153", "12", LocalDate.of(2026, 11, 2), 8, "240.00");
		UUID firstPartly = charge("97151", "11", LocalDate.of(2026, 11, 3), 4, "100.00");
		UUID secondPartly = charge("97155", "11", LocalDate.of(2026, 11, 4), 2, "100.00");
		charge("97153", "03", LocalDate.of(2026, 11, 5), 8, "120.00");
		JsonNode batch = newBatch();
		String paid = claimNumberOf(batch, "240");
		String partly = claimNumberOf(batch, "200");
		String denied = claimNumberOf(batch, "120");
		String trace = "EFT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		byte[] file = remittance(trace,
				List.of("BPR*I*260*C*ACH*CCP*01*071000013*DA*123456789*1512345678**01*071000013*DA*987654321*20261201",
						"TRN*1*" + trace + "*1512345678", "N1*PR*CLAIMS TEST HEALTH",
						"N1*PE*BRIGHT STEPS ABA LLC*XX*1234567893", "LX*1", "CLP*" + paid + "*1*240*180*0*12*PAY-1",
						"NM1*QC*1*CARTER*AVA****MI*" + this.memberId, "SVC*HC:97153*240*180**8", "DTM*472*20261102",
						"CAS*CO*45*60", "REF*6R*" + paid + "-1", "CLP*" + partly + "*1*200*80*70*12*PAY-2",
						"SVC*HC:97151*100*30**4", "DTM*472*20261103", "CAS*PR*1*50", "CAS*CO*45*20",
						"REF*6R*" + partly + "-1", "SVC*HC:97155*100*50**2", "DTM*472*20261104", "CAS*PR*2*15**3*5",
						"CAS*CO*45*30", "REF*6R*" + partly + "-2", "CLP*" + denied + "*4*120*0*0*12*PAY-3",
						"CAS*CO*197*120", "CLP*SPK-NOT-OURS*1*50*0*0*12*PAY-4", "CAS*CO*45*50"));

		BigDecimal balanceBefore = balance();
		Api.Response imported = upload(file);

		assertThat(imported.status()).as(imported.text()).isEqualTo(201);
		JsonNode posted = imported.json().get(0);
		assertThat(posted.at("/remittance/traceNumber").asString()).isEqualTo(trace);
		assertThat(new BigDecimal(posted.at("/remittance/familyShare").asString())).isEqualByComparingTo("70");
		assertThat(posted.at("/claims").findValuesAsString("outcome")).containsExactlyInAnyOrder("paid",
				"partially_paid", "denied", "unmatched");
		assertThat(state(batch, "240")).isEqualTo("paid");
		assertThat(state(batch, "200")).isEqualTo("partially_paid");
		assertThat(state(batch, "120")).isEqualTo("denied");
		JsonNode partlyClaim = this.admin.api().get("/api/claims/" + claimIdOf(batch, "200")).json();
		assertThat(new BigDecimal(partlyClaim.at("/claim/paidAmount").asString())).isEqualByComparingTo("80");
		assertThat(new BigDecimal(partlyClaim.at("/claim/patientResponsibility").asString()))
			.isEqualByComparingTo("70");
		assertThat(new BigDecimal(partlyClaim.at("/lines/1/paidAmount").asString())).isEqualByComparingTo("50");
		assertThat(this.jdbc.sql("select payer_claim_number from claims where claim_number = :n")
			.param("n", paid)
			.query(String.class)
			.single()).isEqualTo("PAY-1");
		// the family's share, per line, shaped for the ledger
		List<java.util.Map<String, Object>> shares = this.jdbc
			.sql("select charge_id, amount, insurance_paid, description from remittance_family_shares "
					+ "where child_id = :child order by amount desc")
			.param("child", UUID.fromString(this.childId))
			.query()
			.listOfRows();
		assertThat(shares).hasSize(2);
		assertThat(shares.get(0).get("charge_id")).isEqualTo(firstPartly);
		assertThat((BigDecimal) shares.get(0).get("amount")).isEqualByComparingTo("50");
		assertThat(shares.get(0).get("description").toString()).contains("deductible").doesNotContain("F84");
		assertThat(shares.get(1).get("charge_id")).isEqualTo(secondPartly);
		assertThat((BigDecimal) shares.get(1).get("amount")).isEqualByComparingTo("20");
		assertThat(statusOf(paidCharge)).isEqualTo("claimed");
		// ... and handed to the family's ledger: the family owes 70.00 more, once
		assertThat(this.jdbc
			.sql("select count(*) from remittance_family_shares where child_id = :child and posted_entry_id is null")
			.param("child", UUID.fromString(this.childId))
			.query(Long.class)
			.single()).isZero();
		assertThat(balance()).isEqualByComparingTo(balanceBefore.add(new BigDecimal("70")));

		Api.Response again = upload(file);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().at("/type").asString()).endsWith("/remittance-already-imported");
		assertThat(again.json().at("/remittanceId").asString()).isEqualTo(posted.at("/remittance/id").asString());
		assertThat(this.jdbc.sql("select count(*) from remittance_family_shares where child_id = :child")
			.param("child", UUID.fromString(this.childId))
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(balance()).isEqualByComparingTo(balanceBefore.add(new BigDecimal("70")));
		assertThat(new BigDecimal(this.admin.api()
			.get("/api/claims/" + claimIdOf(batch, "200"))
			.json()
			.at("/claim/paidAmount")
			.asString())).isEqualByComparingTo("80");
		assertThat(this.admin.api().get("/api/remittances/" + posted.at("/remittance/id").asString()).status())
			.isEqualTo(200);
		assertThat(this.admin.api().get("/api/remittances").json().findValuesAsString("traceNumber")).contains(trace);
		assertThat(this.parent.api().get("/api/remittances").status()).isEqualTo(403);

		// corrections: a replacement (7) and a void (8) name the payer's claim number
		Api.Response replaced = this.admin.api()
			.post("/api/claims/" + claimIdOf(batch, "240") + "/replacement", body());
		assertThat(replaced.status()).as(replaced.text()).isEqualTo(201);
		assertThat(replaced.json().at("/claims/0/frequency").asString()).isEqualTo("7");
		Api.Response replacementFile = this.admin.api()
			.get("/api/claim-batches/" + replaced.json().at("/batch/id").asString() + "/837");
		assertThat(replacementFile.status()).as(replacementFile.text()).isEqualTo(200);
		assertThat(replacementFile.text()).contains("*12:B:7*", "REF*F8*PAY-1~");
		assertThat(new ClaimFileValidator().read(replacementFile.text().getBytes(StandardCharsets.US_ASCII)).errors())
			.isEmpty();
		// (the released charges are checked again, against the child's authorizations)
		for (String code : List.of("97151", "97155")) {
			assertThat(this.admin.api()
				.post("/api/children/" + this.childId + "/authorizations",
						body("payer", "Claims Test Health", "authorizationNumber", "AUTH-" + code, "serviceCode", code,
								"unitsAuthorized", 100, "startDate", "2026-11-01", "endDate", "2026-11-30"))
				.status()).isEqualTo(201);
		}
		Api.Response voided = this.admin.api().post("/api/claims/" + claimIdOf(batch, "200") + "/void", body());
		assertThat(voided.status()).as(voided.text()).isEqualTo(201);
		assertThat(voided.json().at("/claims/0/frequency").asString()).isEqualTo("8");
		assertThat(
				this.admin.api().get("/api/claim-batches/" + voided.json().at("/batch/id").asString() + "/837").text())
			.contains("*11:B:8*", "REF*F8*PAY-2~");
		assertThat(state(batch, "200")).isEqualTo("void");
		assertThat(statusOf(firstPartly)).isNotEqualTo("claimed");
		assertThat(this.admin.api().post("/api/claims/" + claimIdOf(batch, "200") + "/void", body()).status())
			.isEqualTo(409);
		// a draft was never sent: nothing to replace
		assertThat(this.admin.api()
			.post("/api/claims/" + replaced.json().at("/claims/0/id").asString() + "/replacement", body())
			.json()
			.at("/type")
			.asString()).endsWith("/claim-not-correctable");
	}

	@Test
	void agingPerPayerSumsOpenClaimBalancesByDaysSinceSubmission() throws IOException {
		charge("97153", "12", LocalDate.of(2026, 11, 2), 8, "240.00");
		charge("97151", "11", LocalDate.of(2026, 11, 3), 4, "100.00");
		charge("97155", "11", LocalDate.of(2026, 11, 4), 2, "100.00");
		charge("97153", "03", LocalDate.of(2026, 11, 5), 8, "120.00");
		Api.Response created = this.admin.api().post("/api/claim-batches", body("payerId", this.payerId.toString()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode batch = created.json();
		String batchId = batch.at("/batch/id").asString();
		assertThat(aging("2026-12-31")).as("drafts are not receivables").isNull();
		Api.Response submitted = this.admin.api().post("/api/claim-batches/" + batchId + "/submission", "{}");
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		submittedOn(claimIdOf(batch, "240"), "2026-11-25");
		submittedOn(claimIdOf(batch, "200"), "2026-12-10");
		submittedOn(claimIdOf(batch, "120"), "2026-09-30");

		JsonNode open = aging("2026-12-31");
		assertThat(open.get("claims").asInt()).isEqualTo(3);
		assertThat(amounts(open)).containsExactly("200.00", "240.00", "0.00", "120.00", "560.00");

		String paid = claimNumberOf(batch, "240");
		String trace = "EFT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Api.Response imported = upload(remittance(trace,
				List.of("BPR*I*180*C*ACH*CCP*01*071000013*DA*123456789*1512345678**01*071000013*DA*987654321*20261201",
						"TRN*1*" + trace + "*1512345678", "N1*PR*CLAIMS TEST HEALTH",
						"N1*PE*BRIGHT STEPS ABA LLC*XX*1234567893", "LX*1", "CLP*" + paid + "*1*240*180*0*12*PAY-1",
						"NM1*QC*1*CARTER*AVA****MI*" + this.memberId, "SVC*HC:97153*240*180**8", "DTM*472*20261102",
						"CAS*CO*45*60", "REF*6R*" + paid + "-1")));
		assertThat(imported.status()).as(imported.text()).isEqualTo(201);

		JsonNode after = aging("2026-12-31");
		assertThat(after.get("claims").asInt()).as("the paid claim is settled: paid plus CO adjustment").isEqualTo(2);
		assertThat(amounts(after)).containsExactly("200.00", "0.00", "0.00", "120.00", "320.00");
		// on a day before the payment arrived, the claim was still open; the later claim
		// was not submitted yet
		JsonNode before = aging("2026-11-30");
		assertThat(amounts(before)).containsExactly("240.00", "0.00", "120.00", "0.00", "360.00");

		Api.Response total = this.admin.api().get("/api/claims/aging?asOf=2026-12-31");
		assertThat(new BigDecimal(total.json().at("/total/balance").asString()))
			.isGreaterThanOrEqualTo(new BigDecimal("320.00"));
		assertThat(this.parent.api().get("/api/claims/aging").status()).isEqualTo(403);
		assertThat(this.admin.api().get("/api/claims/aging?asOf=someday").status()).isEqualTo(400);
	}

	/** A batch of this test's payer's ready charges, created. */
	private JsonNode newBatch() {
		Api.Response created = this.admin.api().post("/api/claim-batches", body("payerId", this.payerId.toString()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json();
	}

	/** This test's payer's row of the aging per payer on the day, or null. */
	private JsonNode aging(String asOf) {
		Api.Response response = this.admin.api().get("/api/claims/aging?asOf=" + asOf);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		for (JsonNode row : response.json().get("payers")) {
			if (row.get("payerId").asString().equals(this.payerId.toString())) {
				return row;
			}
		}
		return null;
	}

	private static List<String> amounts(JsonNode row) {
		return List.of(row.get("current").asString(), row.get("days31To60").asString(),
				row.get("days61To90").asString(), row.get("over90").asString(), row.get("balance").asString());
	}

	private void submittedOn(String claimId, String day) {
		this.jdbc
			.sql("update claims set submitted_at = cast(:day as date) + time '12:00' at time zone 'UTC' where id = :id")
			.param("day", day)
			.param("id", UUID.fromString(claimId))
			.update();
	}

	@Test
	void unreadableOrUnbalancedRemittancesAreRefused() throws IOException {
		assertThat(upload("hello".getBytes(StandardCharsets.US_ASCII)).json().at("/type").asString())
			.endsWith("/remittance-invalid");
		byte[] unbalanced = remittance("EFT-UNBALANCED",
				List.of("BPR*I*99*C*CHK************20261201", "TRN*1*EFT-UNBALANCED*1512345678", "N1*PR*X",
						"N1*PE*Y*XX*1234567893", "LX*1", "CLP*SPK000000999*1*100*80*0*12*P", "CAS*CO*45*20"));
		Api.Response refused = upload(unbalanced);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().at("/detail").asString()).contains("does not balance");
		assertThat(this.jdbc.sql("select count(*) from remittances where trace_number = 'EFT-UNBALANCED'")
			.query(Long.class)
			.single()).isZero();
		// balanced, but in a currency the family ledger does not keep
		byte[] foreign = remittance("EFT-CAD",
				List.of("BPR*I*80*C*CHK************20261201", "TRN*1*EFT-CAD*1512345678", "CUR*PR*CAD", "N1*PR*X",
						"N1*PE*Y*XX*1234567893", "LX*1", "CLP*SPK000000998*1*100*80*0*12*P", "CAS*CO*45*20"));
		Api.Response inCad = upload(foreign);
		assertThat(inCad.status()).as(inCad.text()).isEqualTo(400);
		assertThat(inCad.json().at("/detail").asString()).contains("CAD");
		assertThat(this.jdbc.sql("select count(*) from remittances where trace_number = 'EFT-CAD'")
			.query(Long.class)
			.single()).isZero();
	}

	private BigDecimal balance() {
		return new BigDecimal(
				this.admin.api().get("/api/children/" + this.childId + "/account").json().get("balance").asString());
	}

	private static byte[] remittance(String trace, List<String> body) {
		List<String> segments = new java.util.ArrayList<>();
		segments.add("ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *261201*0930*^*00501*"
				+ "000000001*0*P*:");
		segments.add("GS*HP*PAYER*CLINIC*20261201*0930*1*X*005010X221A1");
		segments.add("ST*835*0001*005010X221A1");
		segments.addAll(body);
		segments.add("SE*" + (body.size() + 2) + "*0001");
		segments.add("GE*1*1");
		segments.add("IEA*1*000000001");
		return (String.join("~\n", segments) + "~\n").getBytes(StandardCharsets.US_ASCII);
	}

	private Api.Response upload(byte[] file) throws IOException {
		String boundary = "----spark" + UUID.randomUUID();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"era.835\"\r\n"
				+ "Content-Type: application/edi-x12\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.write(file);
		out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return this.admin.api()
			.sendRaw("POST", "/api/remittances",
					java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()), "Content-Type",
					"multipart/form-data; boundary=" + boundary);
	}

	private static JsonNode claimWithTotal(JsonNode batch, String total) {
		for (JsonNode claim : batch.at("/claims")) {
			if (new BigDecimal(claim.at("/totalCharge").asString()).compareTo(new BigDecimal(total)) == 0) {
				return claim;
			}
		}
		throw new AssertionError("no claim of " + total);
	}

	private static String claimNumberOf(JsonNode batch, String total) {
		return claimWithTotal(batch, total).at("/claimNumber").asString();
	}

	private static String claimIdOf(JsonNode batch, String total) {
		return claimWithTotal(batch, total).at("/id").asString();
	}

	private String state(JsonNode batch, String total) {
		return this.admin.api().get("/api/claims/" + claimIdOf(batch, total)).json().at("/claim/state").asString();
	}

	private UUID coverage(String relationship, String member) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("delete from coverages where child_id = :child and payer_id = :payer and id <> :keep")
			.param("child", UUID.fromString(this.childId))
			.param("payer", this.payerId)
			.param("keep", id)
			.update();
		this.jdbc.sql("""
				insert into coverages (id, child_id, payer_id, member_id, group_number, subscriber_name,
				                       subscriber_relationship, subscriber_date_of_birth, diagnosis_codes, starts_on,
				                       priority, created_at, updated_at)
				values (:id, :child, :payer, :member, 'GRP-1', 'Dana Carter', :relationship, '2015-04-02',
				        '{F84.0}', '2026-01-01', 1, now(), now())""")
			.param("id", id)
			.param("child", UUID.fromString(this.childId))
			.param("payer", this.payerId)
			.param("member", member)
			.param("relationship", relationship)
			.update();
		return id;
	}

	private UUID charge(String code, String placeOfService, LocalDate date, int units, String amount) {
		UUID id = UUID.randomUUID();
		Instant start = date.atTime(15, 0).toInstant(java.time.ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into charges (id, appointment_id, child_id, payer_id, coverage_id, service_code, service_date,
				                     starts_at, ends_at, minutes, units, unit_rate, amount, currency, place,
				                     place_of_service, rendering_provider_id, diagnosis_codes, status, created_at,
				                     updated_at)
				values (:id, :appointment, :child, :payer, :coverage, :code, :date, :start, :end, :minutes, :units,
				        :rate, :amount, 'USD', 'home', :pos, :rendering, '{F84.0}', 'ready', now(), now())""")
			.param("id", id)
			.param("appointment", UUID.randomUUID())
			.param("child", UUID.fromString(this.childId))
			.param("payer", this.payerId)
			.param("coverage", this.coverageId)
			.param("code", code)
			.param("date", date)
			.param("start", java.sql.Timestamp.from(start))
			.param("end", java.sql.Timestamp.from(start.plusSeconds(units * 15L * 60)))
			.param("minutes", units * 15)
			.param("units", units)
			.param("rate", new BigDecimal(amount).divide(BigDecimal.valueOf(units), 2, java.math.RoundingMode.HALF_UP))
			.param("amount", new BigDecimal(amount))
			.param("pos", placeOfService)
			.param("rendering", UUID.fromString(this.supervisor.id()))
			.update();
		return id;
	}

	private byte[] download(String path) throws IOException {
		java.net.http.HttpRequest request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(this.admin.api().baseUrl() + path))
			.header("X-Forwarded-For", this.admin.api().clientAddress())
			.header("Authorization", "Bearer " + this.admin.accessToken())
			.build();
		try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
			java.net.http.HttpResponse<byte[]> response = http.send(request,
					java.net.http.HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String statusOf(UUID chargeId) {
		return this.jdbc.sql("select status from charges where id = :id")
			.param("id", chargeId)
			.query(String.class)
			.single();
	}

}
