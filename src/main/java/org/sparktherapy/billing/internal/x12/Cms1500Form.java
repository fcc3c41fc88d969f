package org.sparktherapy.billing.internal.x12;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import org.sparktherapy.billing.internal.x12.ClaimFile.Address;
import org.sparktherapy.billing.internal.x12.ClaimFile.BillingProvider;
import org.sparktherapy.billing.internal.x12.ClaimFile.Claim;
import org.sparktherapy.billing.internal.x12.ClaimFile.Line;
import org.sparktherapy.billing.internal.x12.ClaimFile.Person;

/**
 * A claim printed as the CMS-1500 (02/12) health insurance claim form: the form's
 * numbered boxes drawn as boxes with their labels and the claim's values, on US Letter
 * paper (PDFBox, standard Helvetica). It is not the red OCR form (that one is printed by
 * the government printer; payers that scan paper want it), but carries the same boxes in
 * the same order for payers and families who take a printed claim. Six service lines a
 * page, as on the form; earlier pages say CONTINUED in box 28, the last the total. Values
 * follow the NUCC instructions: upper case, ICD-10 codes without the dot, service dates
 * MM DD YY, birth dates MM DD YYYY.
 */
public final class Cms1500Form {

	private static final float PAGE_HEIGHT = PDRectangle.LETTER.getHeight();

	private static final float LEFT = 24;

	private static final float WIDTH = PDRectangle.LETTER.getWidth() - 48;

	private static final int LINES_PER_PAGE = 6;

	private static final DateTimeFormatter SERVICE_DATE = DateTimeFormatter.ofPattern("MM dd yy");

	private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("MM dd yyyy");

	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	/**
	 * The PDF of {@code claim} billed by {@code provider}, signed (box 31) on
	 * {@code signedOn}.
	 */
	public byte[] render(Claim claim, BillingProvider provider, LocalDate signedOn) {
		List<List<Line>> pages = new ArrayList<>();
		for (int from = 0; from < claim.lines().size(); from += LINES_PER_PAGE) {
			pages.add(claim.lines().subList(from, Math.min(from + LINES_PER_PAGE, claim.lines().size())));
		}
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDDocumentInformation info = new PDDocumentInformation();
			info.setTitle("CMS-1500 claim " + X12Text.id(claim.patientControlNumber(), 20));
			info.setCreator("SPARKTherapy");
			document.setDocumentInformation(info);
			for (int index = 0; index < pages.size(); index++) {
				PDPage page = new PDPage(PDRectangle.LETTER);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					new Page(content, claim, provider, signedOn, pages.get(index), index + 1, pages.size()).draw();
				}
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not draw the CMS-1500 form", ex);
		}
	}

	private final class Page {

		private final PDPageContentStream content;

		private final Claim claim;

		private final BillingProvider provider;

		private final LocalDate signedOn;

		private final List<Line> lines;

		private final int number;

		private final int pages;

		Page(PDPageContentStream content, Claim claim, BillingProvider provider, LocalDate signedOn, List<Line> lines,
				int number, int pages) {
			this.content = content;
			this.claim = claim;
			this.provider = provider;
			this.signedOn = signedOn;
			this.lines = lines;
			this.number = number;
			this.pages = pages;
		}

		void draw() throws IOException {
			Person insured = this.claim.subscriber().person();
			Person patient = this.claim.patient() != null ? this.claim.patient() : insured;
			text(LEFT, 30, Cms1500Form.this.bold, 12, "HEALTH INSURANCE CLAIM FORM");
			text(LEFT, 44, Cms1500Form.this.regular, 6.5f,
					"APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12 - FORM CMS-1500 LAYOUT");
			text(LEFT + 380, 30, Cms1500Form.this.bold, 8, clean(this.claim.payer().name(), 40));
			text(LEFT + 380, 42, Cms1500Form.this.regular, 7, "PAYER ID " + clean(this.claim.payer().payerId(), 20));
			text(LEFT + 380, 54, Cms1500Form.this.regular, 7, "PAGE " + this.number + " OF " + this.pages);

			float y = 62;
			box(0, y, 340, 26, "1. MEDICARE  MEDICAID  TRICARE  CHAMPVA  GROUP HEALTH PLAN  FECA  OTHER",
					programme(this.claim.payer().claimFilingIndicator()));
			box(340, y, WIDTH - 340, 26, "1a. INSURED'S I.D. NUMBER", clean(this.claim.subscriber().memberId(), 29));
			y += 26;
			box(0, y, 220, 26, "2. PATIENT'S NAME (Last Name, First Name, Middle Initial)", name(patient));
			box(220, y, 120, 26, "3. PATIENT'S BIRTH DATE / SEX", birthDate(patient) + "  " + sex(patient.gender()));
			box(340, y, WIDTH - 340, 26, "4. INSURED'S NAME (Last Name, First Name, Middle Initial)", name(insured));
			y += 26;
			box(0, y, 220, 52, "5. PATIENT'S ADDRESS (No., Street) / CITY / STATE / ZIP CODE",
					address(patient.address()));
			box(220, y, 120, 26, "6. PATIENT RELATIONSHIP TO INSURED", relationship());
			box(220, y + 26, 120, 26, "8. RESERVED FOR NUCC USE", "");
			box(340, y, WIDTH - 340, 52, "7. INSURED'S ADDRESS (No., Street) / CITY / STATE / ZIP CODE",
					address(insured.address()));
			y += 52;
			box(0, y, 220, 52, "9. OTHER INSURED'S NAME / 9a. POLICY OR GROUP NUMBER / 9d. PLAN NAME", "NONE");
			box(220, y, 120, 52, "10. IS PATIENT'S CONDITION RELATED TO:",
					"a. EMPLOYMENT? NO\nb. AUTO ACCIDENT? NO\nc. OTHER ACCIDENT? NO");
			box(340, y, WIDTH - 340, 52,
					"11. INSURED'S POLICY GROUP OR FECA NUMBER / a. BIRTH DATE, SEX / c. PLAN NAME / d. ANOTHER PLAN?",
					clean(this.claim.subscriber().groupNumber(), 29) + "\n" + birthDate(insured) + "  "
							+ sex(insured.gender()) + "\n" + clean(this.claim.payer().name(), 40)
							+ "   ANOTHER PLAN? NO");
			y += 52;
			box(0, y, 340, 26, "12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE",
					"SIGNATURE ON FILE     DATE " + SERVICE_DATE.format(this.signedOn));
			box(340, y, WIDTH - 340, 26, "13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE", "SIGNATURE ON FILE");
			y += 26;
			box(0, y, 220, 26, "14. DATE OF CURRENT ILLNESS, INJURY, OR PREGNANCY (LMP)", "");
			box(220, y, 120, 26, "15. OTHER DATE", "");
			box(340, y, WIDTH - 340, 26, "16. DATES PATIENT UNABLE TO WORK IN CURRENT OCCUPATION", "");
			y += 26;
			box(0, y, 340, 26, "17. NAME OF REFERRING PROVIDER OR OTHER SOURCE / 17b. NPI", "");
			box(340, y, WIDTH - 340, 26, "18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES", "");
			y += 26;
			box(0, y, 340, 26, "19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)", "");
			box(340, y, WIDTH - 340, 26, "20. OUTSIDE LAB?  $ CHARGES", "NO");
			y += 26;
			box(0, y, 340, 52, "21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY (Relate A-L to service line below 24E)"
					+ "   ICD Ind. 0", diagnoses());
			box(340, y, WIDTH - 340, 26, "22. RESUBMISSION CODE / ORIGINAL REF. NO.", resubmission());
			box(340, y + 26, WIDTH - 340, 26, "23. PRIOR AUTHORIZATION NUMBER",
					clean(this.claim.priorAuthorization(), 29));
			y += 52;
			y = serviceLines(y);
			box(0, y, 150, 30, "25. FEDERAL TAX I.D. NUMBER   SSN  EIN",
					X12Text.digits(this.provider.taxId()) + "   EIN");
			box(150, y, 110, 30, "26. PATIENT'S ACCOUNT NO.", clean(this.claim.patientControlNumber(), 20));
			box(260, y, 80, 30, "27. ACCEPT ASSIGNMENT?", "YES");
			box(340, y, 80, 30, "28. TOTAL CHARGE",
					this.number == this.pages ? "$ " + money(this.claim.totalCharge()) : "CONTINUED");
			box(420, y, 70, 30, "29. AMOUNT PAID", "$ 0.00");
			box(490, y, WIDTH - 490, 30, "30. Rsvd for NUCC Use", "");
			y += 30;
			ClaimFile.Provider rendering = this.claim.renderingProvider();
			box(0, y, 180, 62, "31. SIGNATURE OF PHYSICIAN OR SUPPLIER INCLUDING DEGREES OR CREDENTIALS",
					(rendering == null ? clean(this.provider.name(), 30)
							: clean(rendering.firstName(), 20) + " " + clean(rendering.lastName(), 30)) + "\nDATE "
							+ SERVICE_DATE.format(this.signedOn));
			box(180, y, 190, 62, "32. SERVICE FACILITY LOCATION INFORMATION / 32a. NPI", clean(this.provider.name(), 40)
					+ "\n" + address(this.provider.address()) + "\n32a. " + X12Text.digits(this.provider.npi()));
			box(370, y, WIDTH - 370, 62, "33. BILLING PROVIDER INFO & PH # / 33a. NPI", clean(this.provider.name(), 40)
					+ "   PH " + X12Text.digits(this.provider.phone()) + "\n" + address(this.provider.address())
					+ "\n33a. " + X12Text.digits(this.provider.npi())
					+ (this.provider.taxonomy() == null ? "" : "   33b. ZZ" + clean(this.provider.taxonomy(), 10)));
		}

		private float serviceLines(float top) throws IOException {
			float[] columns = { 0, 80, 110, 130, 270, 310, 380, 420, 450, 480, WIDTH };
			String[] headers = { "24. A. DATE(S) OF SERVICE From / To", "B. PLACE OF SERVICE", "C. EMG",
					"D. PROCEDURES, SERVICES, OR SUPPLIES (CPT/HCPCS / MODIFIER)", "E. DIAGNOSIS POINTER",
					"F. $ CHARGES", "G. DAYS OR UNITS", "H. EPSDT", "I. ID. QUAL.", "J. RENDERING PROVIDER ID. #" };
			float header = 26;
			for (int column = 0; column < headers.length; column++) {
				box(columns[column], top, columns[column + 1] - columns[column], header, headers[column], "");
			}
			float y = top + header;
			float row = 26;
			String renderingNpi = this.claim.renderingProvider() == null ? ""
					: X12Text.digits(this.claim.renderingProvider().npi());
			for (int index = 0; index < LINES_PER_PAGE; index++) {
				Line line = index < this.lines.size() ? this.lines.get(index) : null;
				String[] values = new String[headers.length];
				java.util.Arrays.fill(values, "");
				if (line != null) {
					values[0] = SERVICE_DATE.format(line.serviceDate()) + "  "
							+ SERVICE_DATE.format(line.serviceDate());
					values[1] = clean(this.claim.placeOfService(), 2);
					values[3] = clean(line.procedureCode(), 8) + "  " + String.join(" ",
							line.modifiers().stream().map((modifier) -> clean(modifier, 2)).toList());
					values[4] = pointers(line.diagnosisPointers());
					values[5] = money(line.charge());
					values[6] = line.units().stripTrailingZeros().toPlainString();
					values[8] = "NPI";
					values[9] = renderingNpi;
				}
				for (int column = 0; column < headers.length; column++) {
					box(columns[column], y, columns[column + 1] - columns[column], row,
							column == 0 ? String.valueOf(index + 1) : "", values[column]);
				}
				y += row;
			}
			return y;
		}

		private String diagnoses() {
			StringBuilder text = new StringBuilder();
			List<String> codes = this.claim.diagnosisCodes();
			for (int index = 0; index < 12; index++) {
				String code = index < codes.size() ? X12Text.diagnosis(codes.get(index)) : "";
				text.append((char) ('A' + index)).append(". ").append(code.isEmpty() ? "____" : code);
				text.append(index % 4 == 3 ? "\n" : "     ");
			}
			return text.toString().trim();
		}

		private String resubmission() {
			if (this.claim.frequency() == ClaimFile.Frequency.ORIGINAL) {
				return "";
			}
			return this.claim.frequency().code() + "     " + clean(this.claim.payerClaimNumber(), 30);
		}

		private String relationship() {
			return switch (this.claim.relationship()) {
				case SELF -> "SELF";
				case SPOUSE -> "SPOUSE";
				case CHILD -> "CHILD";
				case OTHER -> "OTHER";
			};
		}

		private void box(float x, float top, float width, float height, String label, String value) throws IOException {
			this.content.setLineWidth(0.5f);
			this.content.addRect(LEFT + x, PAGE_HEIGHT - top - height, width, height);
			this.content.stroke();
			float labelSize = 5f;
			String fitted = fit(label, Cms1500Form.this.regular, labelSize, width - 4);
			text(LEFT + x + 2, top + 6, Cms1500Form.this.regular, labelSize, fitted);
			float line = top + 15;
			for (String part : value.split("\n")) {
				if (line > top + height - 2) {
					break;
				}
				text(LEFT + x + 3, line, Cms1500Form.this.bold, 7.5f,
						fit(part, Cms1500Form.this.bold, 7.5f, width - 6));
				line += 9;
			}
		}

		private void text(float x, float fromTop, PDType1Font font, float size, String text) throws IOException {
			if (text.isEmpty()) {
				return;
			}
			this.content.beginText();
			this.content.setFont(font, size);
			this.content.newLineAtOffset(x, PAGE_HEIGHT - fromTop);
			this.content.showText(text);
			this.content.endText();
		}

	}

	private static String fit(String text, PDType1Font font, float size, float width) throws IOException {
		String fitted = text;
		while (!fitted.isEmpty() && font.getStringWidth(fitted) / 1000 * size > width) {
			fitted = fitted.substring(0, fitted.length() - 1);
		}
		return fitted;
	}

	/**
	 * Text the standard font can draw: upper case, accents dropped (as the form wants).
	 */
	private static String clean(String value, int max) {
		return X12Text.text(value, max);
	}

	private static String name(Person person) {
		return clean(person.lastName(), 30) + ", " + clean(person.firstName(), 24);
	}

	private static String address(Address address) {
		if (address == null) {
			return "";
		}
		String street = clean(address.line1(), 40)
				+ (address.line2() == null || address.line2().isBlank() ? "" : " " + clean(address.line2(), 20));
		return street + "\n" + clean(address.city(), 24) + "  " + clean(address.state(), 2) + "  "
				+ X12Text.digits(address.zip());
	}

	private static String birthDate(Person person) {
		return person.dateOfBirth() == null ? "" : BIRTH_DATE.format(person.dateOfBirth());
	}

	private static String sex(String gender) {
		return "M".equals(gender) ? "M" : "F".equals(gender) ? "F" : "";
	}

	private static String programme(String filingIndicator) {
		if (filingIndicator == null) {
			return "OTHER";
		}
		return switch (filingIndicator) {
			case "MB", "MA" -> "MEDICARE";
			case "MC" -> "MEDICAID";
			case "CH" -> "TRICARE";
			case "VA" -> "CHAMPVA";
			case "CI", "BL", "HM", "12", "13", "14", "15", "16", "17" -> "GROUP HEALTH PLAN";
			case "FI" -> "FECA BLK LUNG";
			default -> "OTHER";
		};
	}

	private static String pointers(List<Integer> pointers) {
		StringBuilder letters = new StringBuilder();
		for (int pointer : pointers) {
			letters.append((char) ('A' + pointer - 1));
		}
		return letters.toString();
	}

	private static String money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

}
