package org.sparktherapy.billing.internal.x12;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

import org.sparktherapy.billing.internal.x12.ClaimFile.Address;
import org.sparktherapy.billing.internal.x12.ClaimFile.Claim;
import org.sparktherapy.billing.internal.x12.ClaimFile.Line;
import org.sparktherapy.billing.internal.x12.ClaimFile.Person;
import org.sparktherapy.billing.internal.x12.ClaimFile.Relationship;

/**
 * Writes a {@link ClaimFile} as an ANSI X12 837 professional claim, implementation guide
 * 005010X222A1, with StAEDI's stream writer: ISA/GS/ST, BHT, submitter (1000A) and
 * receiver (1000B), the billing provider (2000A/2010AA), then per claim a subscriber
 * level (2000B with 2010BA subscriber and 2010BB payer), a patient level (2000C/2010CA)
 * when the patient is not the subscriber (an ABA child on a parent's plan), the claim
 * (2300: CLM, REF F8/G1, HI), the rendering provider (2310B) and the service lines (2400:
 * LX, SV1, DTP 472, REF 6R), and SE/GE/IEA with their counts. Delimiters: {@code *}
 * elements, {@code :} components, {@code ^} repetitions, {@code ~} segments (one a line).
 */
public final class ClaimFileWriter {

	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

	private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

	/** The implementation guide's version (GS08, ST03). */
	public static final String VERSION = "005010X222A1";

	/** The only transaction of the file (ST02/SE02). */
	static final String TRANSACTION_CONTROL_NUMBER = "0001";

	/** The file as bytes (US-ASCII). */
	public byte[] write(ClaimFile file) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(file, out);
		return out.toByteArray();
	}

	/** Writes the file to {@code out}. */
	public void write(ClaimFile file, OutputStream out) {
		EDIOutputFactory factory = EDIOutputFactory.newFactory();
		factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
		try (EDIStreamWriter writer = factory.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name())) {
			writer.setControlSchema(SchemaFactory.newFactory()
				.getControlSchema(EDIStreamConstants.Standards.X12, new String[] { "00501" }));
			new Run(writer, file).write();
		}
		catch (EDIStreamException | EDISchemaException ex) {
			throw new IllegalStateException("could not write the 837P file", ex);
		}
	}

	/** One file being written: counts the transaction's segments for SE01. */
	private static final class Run {

		private final EDIStreamWriter writer;

		private final ClaimFile file;

		private int segmentsInTransaction;

		private int hierarchicalId;

		Run(EDIStreamWriter writer, ClaimFile file) {
			this.writer = writer;
			this.file = file;
		}

		void write() throws EDIStreamException {
			String control = String.format("%09d", this.file.controlNumber());
			String sender = X12Text.id(this.file.submitter().id(), 15);
			String receiver = X12Text.id(this.file.receiver().id(), 15);
			this.writer.startInterchange();
			segment("ISA", "00", X12Text.fixed("", 10), "00", X12Text.fixed("", 10), "ZZ", X12Text.fixed(sender, 15),
					"ZZ", X12Text.fixed(receiver, 15), YYMMDD.format(this.file.createdAt()),
					HHMM.format(this.file.createdAt()), "^", "00501", control, "1", this.file.production() ? "P" : "T",
					":");
			segment("GS", "HC", sender, receiver, CCYYMMDD.format(this.file.createdAt()),
					HHMM.format(this.file.createdAt()), Integer.toString(this.file.controlNumber()), "X", VERSION);
			this.segmentsInTransaction = 0;
			transactionSegment("ST", "837", TRANSACTION_CONTROL_NUMBER, VERSION);
			transactionSegment("BHT", "0019", "00", X12Text.id(this.file.batchReference(), 30),
					CCYYMMDD.format(this.file.createdAt()), HHMM.format(this.file.createdAt()), "CH");
			submitterAndReceiver();
			int billingLevel = billingProvider();
			for (Claim claim : this.file.claims()) {
				claim(claim, billingLevel);
			}
			transactionSegment("SE", Integer.toString(this.segmentsInTransaction + 1), TRANSACTION_CONTROL_NUMBER);
			segment("GE", "1", Integer.toString(this.file.controlNumber()));
			segment("IEA", "1", control);
			this.writer.endInterchange();
		}

		private void submitterAndReceiver() throws EDIStreamException {
			ClaimFile.Submitter submitter = this.file.submitter();
			transactionSegment("NM1", "41", "2", X12Text.text(submitter.name(), 60), "", "", "", "", "46",
					X12Text.id(submitter.id(), 80));
			transactionSegment("PER", "IC", X12Text.text(submitter.contactName(), 60), "TE",
					X12Text.digits(submitter.phone()));
			transactionSegment("NM1", "40", "2", X12Text.text(this.file.receiver().name(), 60), "", "", "", "", "46",
					X12Text.id(this.file.receiver().id(), 80));
		}

		private int billingProvider() throws EDIStreamException {
			ClaimFile.BillingProvider provider = this.file.billingProvider();
			int level = ++this.hierarchicalId;
			transactionSegment("HL", Integer.toString(level), "", "20", "1");
			if (provider.taxonomy() != null && !provider.taxonomy().isBlank()) {
				transactionSegment("PRV", "BI", "PXC", X12Text.id(provider.taxonomy(), 10));
			}
			transactionSegment("NM1", "85", "2", X12Text.text(provider.name(), 60), "", "", "", "", "XX",
					X12Text.digits(provider.npi()));
			address(provider.address());
			transactionSegment("REF", "EI", X12Text.digits(provider.taxId()));
			return level;
		}

		private void claim(Claim claim, int billingLevel) throws EDIStreamException {
			boolean self = claim.relationship() == Relationship.SELF;
			int subscriberLevel = ++this.hierarchicalId;
			transactionSegment("HL", Integer.toString(subscriberLevel), Integer.toString(billingLevel), "22",
					self ? "0" : "1");
			transactionSegment("SBR", "P", self ? "18" : "", X12Text.id(claim.subscriber().groupNumber(), 50), "", "",
					"", "", "", X12Text.id(claim.payer().claimFilingIndicator(), 2));
			Person insured = claim.subscriber().person();
			transactionSegment("NM1", "IL", "1", X12Text.text(insured.lastName(), 60),
					X12Text.text(insured.firstName(), 35), "", "", "", "MI",
					X12Text.id(claim.subscriber().memberId(), 80));
			// 2010BA N3/N4: the child holding the plan, or a parent whose address the
			// coverage records (the guide requires it for the patient as subscriber only,
			// and allows it when the subscriber's address is known)
			address(insured.address());
			if (self) {
				demographics(insured);
			}
			transactionSegment("NM1", "PR", "2", X12Text.text(claim.payer().name(), 60), "", "", "", "", "PI",
					X12Text.id(claim.payer().payerId(), 80));
			if (!self) {
				Person patient = claim.patient();
				transactionSegment("HL", Integer.toString(++this.hierarchicalId), Integer.toString(subscriberLevel),
						"23", "0");
				transactionSegment("PAT", claim.relationship().code());
				transactionSegment("NM1", "QC", "1", X12Text.text(patient.lastName(), 60),
						X12Text.text(patient.firstName(), 35));
				address(patient.address());
				demographics(patient);
			}
			transactionSegment("CLM", X12Text.id(claim.patientControlNumber(), 20), X12Text.amount(claim.totalCharge()),
					"", "", List.of(X12Text.id(claim.placeOfService(), 2), "B", claim.frequency().code()), "Y", "A",
					"Y", "Y");
			if (claim.frequency() != ClaimFile.Frequency.ORIGINAL) {
				transactionSegment("REF", "F8", X12Text.id(claim.payerClaimNumber(), 50));
			}
			if (claim.priorAuthorization() != null && !claim.priorAuthorization().isBlank()) {
				transactionSegment("REF", "G1", X12Text.id(claim.priorAuthorization(), 50));
			}
			List<Object> diagnoses = new ArrayList<>();
			for (String code : claim.diagnosisCodes()) {
				diagnoses.add(List.of(diagnoses.isEmpty() ? "ABK" : "ABF", X12Text.diagnosis(code)));
			}
			transactionSegment("HI", diagnoses.toArray());
			ClaimFile.Provider rendering = claim.renderingProvider();
			if (rendering != null) {
				transactionSegment("NM1", "82", "1", X12Text.text(rendering.lastName(), 60),
						X12Text.text(rendering.firstName(), 35), "", "", "", "XX", X12Text.digits(rendering.npi()));
				if (rendering.taxonomy() != null && !rendering.taxonomy().isBlank()) {
					transactionSegment("PRV", "PE", "PXC", X12Text.id(rendering.taxonomy(), 10));
				}
			}
			int number = 0;
			for (Line line : claim.lines()) {
				line(line, ++number);
			}
		}

		private void line(Line line, int number) throws EDIStreamException {
			transactionSegment("LX", Integer.toString(number));
			List<String> procedure = new ArrayList<>();
			procedure.add("HC");
			procedure.add(X12Text.id(line.procedureCode(), 48));
			line.modifiers().forEach((modifier) -> procedure.add(X12Text.id(modifier, 2)));
			List<String> pointers = line.diagnosisPointers().stream().map(String::valueOf).toList();
			transactionSegment("SV1", procedure, X12Text.amount(line.charge()), "UN",
					line.units().stripTrailingZeros().toPlainString(), "", "", pointers);
			transactionSegment("DTP", "472", "D8", CCYYMMDD.format(line.serviceDate()));
			if (line.lineControlNumber() != null && !line.lineControlNumber().isBlank()) {
				transactionSegment("REF", "6R", X12Text.id(line.lineControlNumber(), 50));
			}
		}

		private void address(Address address) throws EDIStreamException {
			if (address == null) {
				return;
			}
			if (address.line2() == null || address.line2().isBlank()) {
				transactionSegment("N3", X12Text.text(address.line1(), 55));
			}
			else {
				transactionSegment("N3", X12Text.text(address.line1(), 55), X12Text.text(address.line2(), 55));
			}
			transactionSegment("N4", X12Text.text(address.city(), 30), X12Text.id(address.state(), 2),
					X12Text.digits(address.zip()));
		}

		private void demographics(Person person) throws EDIStreamException {
			if (person.dateOfBirth() == null) {
				return; // the validator names the missing DMG where the guide requires it
			}
			transactionSegment("DMG", "D8", CCYYMMDD.format(person.dateOfBirth()),
					person.gender() == null ? "U" : X12Text.id(person.gender(), 1));
		}

		private void transactionSegment(String tag, Object... elements) throws EDIStreamException {
			this.segmentsInTransaction++;
			segment(tag, elements);
		}

		/**
		 * One segment: a {@code String} element is simple (empty for an unused position),
		 * a {@code List<String>} is a composite; unused trailing positions are left out.
		 */
		private void segment(String tag, Object... elements) throws EDIStreamException {
			int last = elements.length - 1;
			while (last >= 0 && isEmpty(elements[last])) {
				last--;
			}
			this.writer.writeStartSegment(tag);
			for (int i = 0; i <= last; i++) {
				Object element = elements[i];
				if (element instanceof List<?> components) {
					int lastComponent = components.size() - 1;
					while (lastComponent >= 0 && isEmpty(components.get(lastComponent))) {
						lastComponent--;
					}
					this.writer.writeStartElement();
					for (int c = 0; c <= lastComponent; c++) {
						this.writer.writeComponent((String) components.get(c));
					}
					this.writer.endElement();
				}
				else if (isEmpty(element)) {
					this.writer.writeEmptyElement();
				}
				else {
					this.writer.writeElement((String) element);
				}
			}
			this.writer.writeEndSegment();
		}

		private static boolean isEmpty(Object element) {
			if (element == null) {
				return true;
			}
			if (element instanceof List<?> list) {
				return list.stream().allMatch(ClaimFileWriter.Run::isEmpty);
			}
			return element.toString().isEmpty();
		}

	}

}
