package org.sparktherapy.billing.internal.x12;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.sparktherapy.billing.internal.x12.ClaimFile.Claim;
import org.sparktherapy.billing.internal.x12.ClaimFile.Frequency;
import org.sparktherapy.billing.internal.x12.ClaimFile.Line;

import static org.assertj.core.api.Assertions.assertThat;

/** The CMS-1500 PDF read back with PDFBox's text extraction. */
class Cms1500FormTests {

	private final Cms1500Form form = new Cms1500Form();

	@Test
	void theFormCarriesTheClaimsValuesInItsBoxes() throws IOException {
		byte[] pdf = this.form.render(SampleClaims.childOnParentsPlan("C-1001"), SampleClaims.CLINIC,
				LocalDate.of(2026, 12, 2));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("CMS-1500 claim C-1001");
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("HEALTH INSURANCE CLAIM FORM", "1a. INSURED'S I.D. NUMBER", "XJH123456789",
					"GROUP HEALTH PLAN", "CARTER, AVA", "09 14 2019", "CARTER, DANA", "CHILD", "GRP-7781", "A. F840",
					"B. F802", "AUTH-2026-001", "11 02 26", "120.00", "55.50", "$ 175.50", "1679576722", "123456789",
					"C-1001", "BRIGHT STEPS ABA LLC", "1234567893", "SIGNATURE ON FILE", "PAGE 1 OF 1");
			// box 5 the child's address, box 7 the insured parent's
			assertThat(text).contains("12 OAK LANE", "40 BIRCH ROAD UNIT 9", "CHATHAM  IL  62629");
			assertThat(text).containsPattern("97153\\s+HN").containsPattern("97155\\s+HO").doesNotContain("CONTINUED");
		}
	}

	@Test
	void aReplacementNamesItsCodeAndTheOriginalClaim() throws IOException {
		byte[] pdf = this.form.render(SampleClaims.subscriberIsPatient("C-1003", Frequency.REPLACEMENT, "PAYER-55501"),
				SampleClaims.CLINIC, LocalDate.of(2026, 12, 2));

		assertThat(text(pdf)).contains("22. RESUBMISSION CODE", "7     PAYER-55501", "NUNEZ, LEO", "SELF", "MEDICAID");
	}

	@Test
	void moreThanSixLinesContinueOnASecondPage() throws IOException {
		Claim claim = SampleClaims.childOnParentsPlan("C-2000");
		List<Line> lines = new ArrayList<>();
		for (int day = 1; day <= 8; day++) {
			lines.add(new Line("L-" + day, "97153", List.of("HN"), new BigDecimal("4"), new BigDecimal("60.00"),
					LocalDate.of(2026, 11, day), List.of(1)));
		}
		Claim longer = new Claim(claim.patientControlNumber(), claim.subscriber(), claim.patient(),
				claim.relationship(), claim.payer(), claim.diagnosisCodes(), claim.placeOfService(), claim.frequency(),
				null, null, claim.renderingProvider(), lines);

		byte[] pdf = this.form.render(longer, SampleClaims.CLINIC, LocalDate.of(2026, 12, 2));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(1);
			stripper.setEndPage(1);
			assertThat(stripper.getText(document)).contains("CONTINUED", "11 06 26").doesNotContain("11 07 26");
			stripper.setStartPage(2);
			stripper.setEndPage(2);
			assertThat(stripper.getText(document)).contains("$ 480.00", "11 07 26", "11 08 26", "PAGE 2 OF 2");
		}
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
