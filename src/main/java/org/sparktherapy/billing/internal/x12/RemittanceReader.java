package org.sparktherapy.billing.internal.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.sparktherapy.billing.internal.x12.Remittance.Adjustment;
import org.sparktherapy.billing.internal.x12.Remittance.ClaimPayment;
import org.sparktherapy.billing.internal.x12.Remittance.Group;
import org.sparktherapy.billing.internal.x12.Remittance.LinePayment;
import org.sparktherapy.billing.internal.x12.Remittance.ProviderAdjustment;
import org.sparktherapy.billing.internal.x12.X12Document.Segment;

/**
 * Reads 835 remittance advice (005010X221A1) with StAEDI: the envelopes must be valid
 * (control numbers and counts), then each 835 transaction becomes a {@link Remittance}:
 * payment (BPR), trace (TRN), payer (N1*PR) and payee (N1*PE), claims (CLP with CAS,
 * NM1*QC), service lines (SVC with DTM*472, CAS, REF*6R, AMT*B6) and provider adjustments
 * (PLB). Anything it cannot read is an {@link X12FormatException} naming the segment,
 * never a value.
 */
public final class RemittanceReader {

	private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

	/** Reads every 835 transaction of the file, in order. */
	public List<Remittance> read(byte[] file) {
		X12Document document = X12Document.read(file, null);
		if (!document.valid()) {
			throw new X12FormatException("The file's X12 envelopes are not valid: " + document.errors()
				.stream()
				.limit(5)
				.map(X12Document.Finding::toString)
				.collect(Collectors.joining("; ")) + ".");
		}
		List<Remittance> remittances = new ArrayList<>();
		Transaction current = null;
		for (Segment segment : document.segments()) {
			switch (segment.tag()) {
				case "ST" -> {
					if (!"835".equals(segment.element(1))) {
						throw new X12FormatException(
								"The file holds a " + segment.element(1) + " transaction, not an 835 remittance.");
					}
					current = new Transaction();
				}
				case "SE" -> {
					if (current != null) {
						remittances.add(current.finish(segment));
					}
					current = null;
				}
				case "ISA", "GS", "GE", "IEA" -> {
				}
				default -> {
					if (current == null) {
						throw new X12FormatException("Segment " + segment.tag() + " is outside a transaction.");
					}
					current.accept(segment);
				}
			}
		}
		if (remittances.isEmpty()) {
			throw new X12FormatException("The file holds no 835 remittance.");
		}
		return remittances;
	}

	/** One 835 being read. */
	private static final class Transaction {

		private BigDecimal totalPaid;

		private String paymentMethod;

		private LocalDate paymentDate;

		private String traceNumber;

		private String originator;

		private String currency = "USD";

		private String payerName;

		private String payerId;

		private String payeeName;

		private String payeeNpi;

		private String entity = "";

		private final List<ClaimPayment> claims = new ArrayList<>();

		private final List<ProviderAdjustment> providerAdjustments = new ArrayList<>();

		private ClaimBuilder claim;

		private LineBuilder line;

		void accept(Segment segment) {
			switch (segment.tag()) {
				case "BPR" -> {
					this.totalPaid = amount(segment, 2);
					this.paymentMethod = segment.element(4);
					this.paymentDate = date(segment, 16);
				}
				case "TRN" -> {
					this.traceNumber = segment.element(2);
					this.originator = segment.element(3);
				}
				case "CUR" -> this.currency = segment.element(2).isEmpty() ? "USD" : segment.element(2);
				case "N1" -> {
					this.entity = segment.element(1);
					if ("PR".equals(this.entity)) {
						this.payerName = segment.element(2);
						if (!segment.element(4).isEmpty()) {
							this.payerId = segment.element(4);
						}
					}
					else if ("PE".equals(this.entity)) {
						this.payeeName = segment.element(2);
						if ("XX".equals(segment.element(3))) {
							this.payeeNpi = segment.element(4);
						}
					}
				}
				case "REF" -> reference(segment);
				case "CLP" -> {
					finishClaim();
					this.claim = new ClaimBuilder(segment);
				}
				case "NM1" -> {
					if (this.claim != null) {
						this.claim.name(segment);
					}
				}
				case "CAS" -> {
					List<Adjustment> adjustments = adjustments(segment);
					if (this.line != null) {
						this.line.adjustments.addAll(adjustments);
					}
					else if (this.claim != null) {
						this.claim.adjustments.addAll(adjustments);
					}
					else {
						throw new X12FormatException("A CAS segment stands outside a claim.");
					}
				}
				case "SVC" -> {
					if (this.claim == null) {
						throw new X12FormatException("An SVC segment stands outside a claim.");
					}
					finishLine();
					this.line = new LineBuilder(segment);
				}
				case "DTM" -> {
					if (this.line != null && ("472".equals(segment.element(1)) || "150".equals(segment.element(1)))) {
						this.line.serviceDate = date(segment, 2);
					}
				}
				case "AMT" -> {
					if (this.line != null && "B6".equals(segment.element(1))) {
						this.line.allowed = amount(segment, 2);
					}
				}
				case "PLB" -> {
					finishClaim();
					for (int position = 3; position <= 13; position += 2) {
						if (!segment.element(position).isEmpty()) {
							this.providerAdjustments.add(new ProviderAdjustment(segment.component(position, 1),
									segment.component(position, 2), amount(segment, position + 1)));
						}
					}
				}
				default -> {
				}
			}
		}

		private void reference(Segment segment) {
			if (this.line != null && "6R".equals(segment.element(1))) {
				this.line.lineControlNumber = segment.element(2);
			}
			else if (this.claim == null && "PR".equals(this.entity) && "2U".equals(segment.element(1))
					&& this.payerId == null) {
				this.payerId = segment.element(2);
			}
		}

		private void finishLine() {
			if (this.line != null) {
				this.claim.lines.add(this.line.build());
				this.line = null;
			}
		}

		private void finishClaim() {
			if (this.claim != null) {
				finishLine();
				this.claims.add(this.claim.build());
				this.claim = null;
			}
		}

		Remittance finish(Segment se) {
			finishClaim();
			if (this.totalPaid == null) {
				throw new X12FormatException("The 835 has no BPR (financial information) segment.");
			}
			if (this.traceNumber == null || this.traceNumber.isBlank()) {
				throw new X12FormatException("The 835 has no TRN (check or EFT trace number) segment.");
			}
			String payer = this.originator != null && !this.originator.isBlank() ? this.originator : this.payerId;
			if (payer == null || payer.isBlank()) {
				throw new X12FormatException("The 835 names no payer identifier (TRN03, REF*2U or N1*PR).");
			}
			return new Remittance(this.payerName, payer, this.payeeName, this.payeeNpi, this.traceNumber,
					this.totalPaid, this.paymentMethod, this.paymentDate, this.currency, this.claims,
					this.providerAdjustments);
		}

	}

	private static final class ClaimBuilder {

		private final Segment clp;

		private String lastName;

		private String firstName;

		private String memberId;

		private final List<Adjustment> adjustments = new ArrayList<>();

		private final List<LinePayment> lines = new ArrayList<>();

		ClaimBuilder(Segment clp) {
			this.clp = clp;
			if (clp.element(1).isEmpty() || clp.element(2).isEmpty()) {
				throw new X12FormatException("A CLP segment lacks its claim number or status.");
			}
		}

		void name(Segment nm1) {
			if ("QC".equals(nm1.element(1))) {
				this.lastName = nm1.element(3);
				this.firstName = nm1.element(4);
				if (!nm1.element(9).isEmpty()) {
					this.memberId = nm1.element(9);
				}
			}
			else if ("IL".equals(nm1.element(1)) && !nm1.element(9).isEmpty()) {
				this.memberId = nm1.element(9);
			}
		}

		ClaimPayment build() {
			BigDecimal responsibility = this.clp.element(5).isEmpty() ? BigDecimal.ZERO : amount(this.clp, 5);
			return new ClaimPayment(this.clp.element(1), this.clp.element(2), amount(this.clp, 3), amount(this.clp, 4),
					responsibility, emptyToNull(this.clp.element(7)), emptyToNull(this.clp.element(9)), this.lastName,
					this.firstName, this.memberId, this.adjustments, this.lines);
		}

	}

	private static final class LineBuilder {

		private final Segment svc;

		private LocalDate serviceDate;

		private String lineControlNumber;

		private BigDecimal allowed;

		private final List<Adjustment> adjustments = new ArrayList<>();

		LineBuilder(Segment svc) {
			this.svc = svc;
		}

		LinePayment build() {
			List<String> components = this.svc.components(1);
			List<String> modifiers = components.size() > 2 ? components.subList(2, Math.min(components.size(), 6))
				.stream()
				.filter((m) -> !m.isEmpty())
				.toList() : List.of();
			BigDecimal units = this.svc.element(5).isEmpty() ? BigDecimal.ONE : amount(this.svc, 5);
			return new LinePayment(this.svc.component(1, 2), modifiers, amount(this.svc, 2), amount(this.svc, 3), units,
					this.serviceDate, this.lineControlNumber, this.allowed, this.adjustments);
		}

	}

	private static List<Adjustment> adjustments(Segment cas) {
		Group group = Group.of(cas.element(1));
		List<Adjustment> adjustments = new ArrayList<>();
		for (int position = 2; position <= 17; position += 3) {
			if (cas.element(position).isEmpty()) {
				continue;
			}
			BigDecimal quantity = cas.element(position + 2).isEmpty() ? null : amount(cas, position + 2);
			adjustments.add(new Adjustment(group, cas.element(position), amount(cas, position + 1), quantity));
		}
		if (adjustments.isEmpty()) {
			throw new X12FormatException("A CAS segment has no reason code.");
		}
		return adjustments;
	}

	private static BigDecimal amount(Segment segment, int position) {
		try {
			return new BigDecimal(segment.element(position));
		}
		catch (NumberFormatException ex) {
			throw new X12FormatException("Element " + position + " of " + segment.tag() + " is not an amount.");
		}
	}

	private static LocalDate date(Segment segment, int position) {
		String value = segment.element(position);
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(value, CCYYMMDD);
		}
		catch (DateTimeParseException ex) {
			throw new X12FormatException("Element " + position + " of " + segment.tag() + " is not a date (CCYYMMDD).");
		}
	}

	private static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
