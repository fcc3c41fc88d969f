package org.sparktherapy.billing.internal.x12;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sparktherapy.billing.internal.x12.ClaimFile.Frequency;
import org.sparktherapy.billing.internal.x12.X12Document.Segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every 837P the writer produces is read back and validated by StAEDI (envelope control
 * schema plus the 005010X222A1 transaction schema in {@code x12/}), then checked segment
 * by segment; broken files must be rejected.
 */
class ClaimFileWriterTests {

	private final ClaimFileValidator validator = new ClaimFileValidator();

	private final byte[] file = new ClaimFileWriter().write(SampleClaims.sample());

	@Test
	void aBatchOfClaimsIsValid837P() {
		X12Document document = this.validator.read(this.file);

		assertThat(document.errors()).isEmpty();
		assertThat(document.all("ST")).singleElement()
			.satisfies((st) -> assertThat(st.toString()).isEqualTo("ST*837*0001*005010X222A1"));
		assertThat(document.all("GS").get(0).element(8)).isEqualTo("005010X222A1");
		assertThat(document.all("ISA").get(0).element(13)).isEqualTo("000000042");
		assertThat(document.all("ISA").get(0).element(15)).isEqualTo("T");
		assertThat(document.all("IEA").get(0).toString()).isEqualTo("IEA*1*000000042");
		assertThat(document.all("GE").get(0).toString()).isEqualTo("GE*1*42");
		int transactionSegments = document.segments().size() - 4; // ISA, GS, GE, IEA
		assertThat(document.all("SE").get(0).toString()).isEqualTo("SE*" + transactionSegments + "*0001");
	}

	@Test
	void loopsFollowTheImplementationGuide() {
		X12Document document = this.validator.read(this.file);

		assertThat(loopOf(document, "NM1", "41")).endsWith("1000A");
		assertThat(loopOf(document, "NM1", "40")).endsWith("1000B");
		assertThat(loopOf(document, "NM1", "85")).isEqualTo("2000A/2010AA");
		assertThat(loopOf(document, "NM1", "IL")).isEqualTo("2000B/2010BA");
		assertThat(loopOf(document, "NM1", "PR")).isEqualTo("2000B/2010BB");
		assertThat(loopOf(document, "NM1", "QC")).isEqualTo("2000C/2010CA");
		assertThat(document.all("CLM").stream().map((clm) -> String.join("/", clm.loops())).distinct())
			.containsExactlyInAnyOrder("2000C/2300C", "2000B/2300");
		assertThat(document.all("SV1").get(0).loops()).containsExactly("2000C", "2300C", "2400C");
		assertThat(document.all("NM1")
			.stream()
			.filter((nm1) -> nm1.element(1).equals("82"))
			.findFirst()
			.orElseThrow()
			.loops()).containsExactly("2000C", "2300C", "2310BC");
	}

	@Test
	void theClaimCarriesCodesAmountsAndFrequency() {
		String text = new String(this.file, StandardCharsets.US_ASCII);

		assertThat(text).contains("HL*1**20*1~", "PRV*BI*PXC*103K00000X~",
				"NM1*85*2*BRIGHT STEPS ABA LLC*****XX*1234567893~", "N3*100 MAIN STREET*SUITE 4~",
				"N4*SPRINGFIELD*IL*627011234~", "REF*EI*123456789~",
				// the child on a parent's plan: subscriber level with a child, then the
				// patient
				"HL*2*1*22*1~", "SBR*P**GRP-7781******CI~", "NM1*IL*1*CARTER*DANA****MI*XJH123456789~",
				"NM1*PR*2*BLUE VALLEY HEALTH PLAN*****PI*BVHP1~", "HL*3*2*23*0~", "PAT*19~", "NM1*QC*1*CARTER*AVA~",
				"DMG*D8*20190914*F~", "CLM*C-1001*175.5***12:B:1*Y*A*Y*Y~", "REF*G1*AUTH-2026-001~",
				"HI*ABK:F840*ABF:F802~", "NM1*82*1*OKAFOR*MAYA****XX*1679576722~", "PRV*PE*PXC*103K00000X~", "LX*1~",
				"SV1*HC:97153:HN*120*UN*8***1~", "DTP*472*D8*20261102~", "REF*6R*L-1~", "LX*2~",
				"SV1*HC:97155:HO*55.5*UN*2***1:2~",
				// the subscriber is the patient: no 2000C, SBR02 18, demographics on
				// 2010BA
				"HL*4*1*22*0~", "SBR*P*18*******MC~", "NM1*IL*1*NUNEZ*LEO****MI*MCD998877~", "DMG*D8*20170130*M~",
				"CLM*C-1002*100***11:B:1*Y*A*Y*Y~", "SV1*HC:97151*100*UN*4***1~",
				// the replacement names the payer's claim number
				"CLM*C-1003*100***11:B:7*Y*A*Y*Y~", "REF*F8*PAYER-55501~");
	}

	@Test
	void aVoidIsFrequencyEightWithTheOriginalClaimNumber() {
		byte[] voided = new ClaimFileWriter()
			.write(SampleClaims.file(List.of(SampleClaims.subscriberIsPatient("C-1009", Frequency.VOID, "PAYER-777"))));

		X12Document document = this.validator.read(voided);

		assertThat(document.errors()).isEmpty();
		assertThat(document.all("CLM").get(0).components(5)).containsExactly("11", "B", "8");
		assertThat(document.all("REF").stream().map(Segment::toString)).contains("REF*F8*PAYER-777");
	}

	@Test
	void delimitersAndAccentsInNamesCannotBreakTheFile() {
		ClaimFile.Claim claim = SampleClaims.childOnParentsPlan("C-2001");
		ClaimFile.Person odd = new ClaimFile.Person("O'Brien*~:^", "Zoë", claim.patient().dateOfBirth(), "F",
				claim.patient().address());
		ClaimFile.Claim renamed = new ClaimFile.Claim(claim.patientControlNumber(), claim.subscriber(), odd,
				claim.relationship(), claim.payer(), claim.diagnosisCodes(), claim.placeOfService(), claim.frequency(),
				null, null, null, claim.lines());

		X12Document document = this.validator.read(new ClaimFileWriter().write(SampleClaims.file(List.of(renamed))));

		assertThat(document.errors()).isEmpty();
		assertThat(document.all("NM1")
			.stream()
			.filter((nm1) -> nm1.element(1).equals("QC"))
			.findFirst()
			.orElseThrow()
			.toString()).isEqualTo("NM1*QC*1*O'BRIEN*ZOE");
	}

	@Test
	void theValidatorRejectsAWrongSegmentCount() {
		String text = new String(this.file, StandardCharsets.US_ASCII).replaceFirst("SE\\*(\\d+)\\*", "SE*7*");

		assertThat(errorsOf(text)).anyMatch((error) -> error.startsWith("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT"));
	}

	@Test
	void theValidatorRejectsMismatchedControlNumbers() {
		String text = new String(this.file, StandardCharsets.US_ASCII).replace("IEA*1*000000042", "IEA*1*000000043");

		assertThat(errorsOf(text)).anyMatch((error) -> error.startsWith("CONTROL_REFERENCE_MISMATCH"));
	}

	@Test
	void theValidatorRejectsAMissingBillingProvider() {
		String text = new String(this.file, StandardCharsets.US_ASCII)
			.replaceFirst("NM1\\*85\\*2\\*BRIGHT STEPS ABA LLC\\*\\*\\*\\*\\*XX\\*1234567893~\\s*", "")
			.replaceFirst("SE\\*(\\d+)\\*", "SE*" + (segmentCount() - 1) + "*");

		assertThat(errorsOf(text)).isNotEmpty();
	}

	@Test
	void theValidatorRejectsAnUnknownFrequencyCode() {
		String text = new String(this.file, StandardCharsets.US_ASCII).replace("12:B:1*", "12:B:9*");

		assertThat(errorsOf(text)).anyMatch((error) -> error.contains("INVALID_CODE_VALUE") && error.contains("CLM"));
	}

	@Test
	void theValidatorRejectsATotalThatIsNotTheSumOfItsLines() {
		String text = new String(this.file, StandardCharsets.US_ASCII).replace("CLM*C-1001*175.5*", "CLM*C-1001*175*");

		assertThat(errorsOf(text)).anyMatch((error) -> error.startsWith("CLAIM_TOTAL_NOT_SUM_OF_LINES"));
	}

	@Test
	void theValidatorRejectsADiagnosisWithoutItsQualifierAndAnOverlongElement() {
		String text = new String(this.file, StandardCharsets.US_ASCII).replaceFirst("HI\\*ABK:F840", "HI*ZZZ:F840")
			.replaceFirst("REF\\*6R\\*L-1~", "REF*6R*" + "X".repeat(60) + "~");

		assertThat(errorsOf(text)).anyMatch((error) -> error.contains("INVALID_CODE_VALUE") && error.contains("HI"))
			.anyMatch((error) -> error.startsWith("DATA_ELEMENT_TOO_LONG"));
	}

	@Test
	void theValidatorRejectsAPatientLevelWithoutClaim() {
		String text = new String(this.file, StandardCharsets.US_ASCII);
		int from = text.indexOf("CLM*C-1004");
		int to = text.indexOf("SE*");
		String withoutLastClaim = text.substring(0, from) + text.substring(to);

		assertThat(errorsOf(withoutLastClaim)).anyMatch((error) -> error.startsWith("HL_WITHOUT_CLAIM"));
	}

	@Test
	void aParentSubscriberNamedOnlyByNameAndMemberIdIsValidWhenTheChildIsThePatient() {
		ClaimFile.Claim claim = SampleClaims.childOnParentsPlan("C-3001");
		ClaimFile.Person parentByName = new ClaimFile.Person("Carter", "Dana", null, "U", null);
		ClaimFile.Claim asClinicsSendIt = new ClaimFile.Claim(claim.patientControlNumber(),
				new ClaimFile.Subscriber(parentByName, "XJH123456789", "GRP-7781"), claim.patient(),
				claim.relationship(), new ClaimFile.Payer("State Medicaid", "ILMCD", "MC"), claim.diagnosisCodes(),
				claim.placeOfService(), claim.frequency(), null, null, claim.renderingProvider(), claim.lines());

		byte[] written = new ClaimFileWriter().write(SampleClaims.file(List.of(asClinicsSendIt)));
		X12Document document = this.validator.read(written);

		assertThat(document.errors()).isEmpty();
		assertThat(document.all("SBR").get(0).toString()).isEqualTo("SBR*P**GRP-7781******MC");
		assertThat(document.all("N3")).extracting(Segment::loop).containsExactly("2010AA", "2010CA");
		assertThat(document.all("DMG")).singleElement().satisfies((dmg) -> {
			assertThat(dmg.loop()).isEqualTo("2010CA");
			assertThat(dmg.toString()).isEqualTo("DMG*D8*20190914*F");
		});
	}

	@Test
	void aParentSubscriberWithAKnownAddressIsNamedWithItIn2010BA() {
		X12Document document = this.validator
			.read(new ClaimFileWriter().write(SampleClaims.file(List.of(SampleClaims.childOnParentsPlan("C-3003")))));

		assertThat(document.errors()).isEmpty();
		assertThat(document.all("N3")).extracting(Segment::loop).containsExactly("2010AA", "2010BA", "2010CA");
		assertThat(document.all("N3").get(1).toString()).isEqualTo("N3*40 BIRCH ROAD*UNIT 9");
		assertThat(document.all("N4").get(1).toString()).isEqualTo("N4*CHATHAM*IL*62629");
		assertThat(document.all("DMG")).as("the subscriber's demographics only when the subscriber is the patient")
			.extracting(Segment::loop)
			.containsExactly("2010CA");
	}

	@Test
	void theValidatorRejectsAPatientWithoutAddressOrDemographics() {
		ClaimFile.Claim claim = SampleClaims.childOnParentsPlan("C-3002");
		ClaimFile.Person homeless = new ClaimFile.Person("Carter", "Ava", null, "F", null);
		ClaimFile.Claim incomplete = new ClaimFile.Claim(claim.patientControlNumber(), claim.subscriber(), homeless,
				claim.relationship(), claim.payer(), claim.diagnosisCodes(), claim.placeOfService(), claim.frequency(),
				null, null, claim.renderingProvider(), claim.lines());

		X12Document document = this.validator.read(new ClaimFileWriter().write(SampleClaims.file(List.of(incomplete))));

		// N3, N4 and DMG of 2010CA, each named where the claim (CLM) begins instead
		assertThat(document.errors()).hasSize(3)
			.allSatisfy((finding) -> assertThat(finding.toString())
				.isEqualTo("IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE at CLM (segment 23) in loop 2000C/2010CA"));
	}

	@Test
	void somethingThatIsNotX12IsRefused() {
		assertThatThrownBy(() -> this.validator.read("hello".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(X12FormatException.class);
	}

	private int segmentCount() {
		return Integer.parseInt(this.validator.read(this.file).all("SE").get(0).element(1));
	}

	private List<String> errorsOf(String text) {
		return this.validator.read(text.getBytes(StandardCharsets.US_ASCII))
			.errors()
			.stream()
			.map(X12Document.Finding::toString)
			.toList();
	}

	private static String loopOf(X12Document document, String tag, String qualifier) {
		return document.all(tag)
			.stream()
			.filter((segment) -> segment.element(1).equals(qualifier))
			.findFirst()
			.map((segment) -> String.join("/", segment.loops()))
			.orElseThrow();
	}

}
