package org.sparktherapy.billing.internal.claims;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.billing.internal.BillingAccessPolicy;
import org.sparktherapy.billing.internal.ledger.Ledger;
import org.sparktherapy.billing.internal.x12.Remittance;
import org.sparktherapy.billing.internal.x12.Remittance.Adjustment;
import org.sparktherapy.billing.internal.x12.Remittance.ClaimPayment;
import org.sparktherapy.billing.internal.x12.Remittance.Group;
import org.sparktherapy.billing.internal.x12.Remittance.LinePayment;
import org.sparktherapy.billing.internal.x12.RemittanceReader;
import org.sparktherapy.billing.internal.x12.X12FormatException;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports 835 remittance advice and posts it to claims: each claim (CLP01 = our claim
 * number) gets the payer's payment, patient responsibility, payer claim number and state
 * (paid, partially paid, denied); each line its payment (matched by REF*6R, else code and
 * date); every CAS adjustment is kept. The family's share (group PR) of each line is kept
 * in {@code remittance_family_shares} and posted, in the same transaction, to the family
 * ledger ({@link Ledger#postFamilyShare}, once per remittance line: ADR 0028, 0030). A
 * payment is its trace number (TRN02) and payer (TRN03): importing it again answers 409
 * and posts nothing.
 */
@Service
public class RemittanceService {

	/** The currency the claims and the family ledger are kept in (ADR 0028). */
	private static final String CLINIC_CURRENCY = "USD";

	private final RemittanceRepository remittances;

	private final ClaimRepository claims;

	private final BillingAccessPolicy policy;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	private final Ledger ledger;

	RemittanceService(RemittanceRepository remittances, ClaimRepository claims, BillingAccessPolicy policy,
			AuditTrail audit, Clock clock, SparkProperties properties, Ledger ledger) {
		this.ledger = ledger;
		this.remittances = remittances;
		this.claims = claims;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	record Detail(RemittanceRepository.Stored remittance, List<RemittanceRepository.StoredClaim> claims,
			List<RemittanceRepository.StoredAdjustment> adjustments) {
	}

	/** Imports every 835 of the file, all or nothing; returns what was posted. */
	@Transactional
	public List<Detail> importFile(CurrentUser user, byte[] file, boolean tooLarge) {
		allowed(user, "import", null);
		if (tooLarge) {
			throw new ClaimProblems.RemittanceInvalid("The file is larger than 10 MB.");
		}
		if (file == null || file.length == 0) {
			throw new ClaimProblems.RemittanceInvalid("Attach the 835 file as the part named file.");
		}
		List<Remittance> read;
		try {
			read = new RemittanceReader().read(file);
		}
		catch (X12FormatException ex) {
			throw new ClaimProblems.RemittanceInvalid(ex.getMessage());
		}
		for (Remittance remittance : read) {
			if (!CLINIC_CURRENCY.equals(remittance.currency())) {
				throw new ClaimProblems.RemittanceInvalid("The payment " + remittance.traceNumber() + " is in "
						+ remittance.currency() + "; the clinic bills and posts in " + CLINIC_CURRENCY + ".");
			}
			if (!remittance.balances()) {
				throw new ClaimProblems.RemittanceInvalid("The payment " + remittance.traceNumber()
						+ " does not balance: its claims' payments less provider adjustments differ from BPR02.");
			}
			Optional<UUID> existing = this.remittances.existing(remittance.payerId(), remittance.traceNumber());
			if (existing.isPresent()) {
				throw new ClaimProblems.RemittanceAlreadyImported(existing.get());
			}
		}
		String sha256 = sha256(file);
		List<Detail> imported = new ArrayList<>();
		for (Remittance remittance : read) {
			UUID id = post(user, remittance, sha256);
			imported.add(detail(id));
		}
		return imported;
	}

	@Transactional(readOnly = true)
	public List<RemittanceRepository.Stored> list(CurrentUser user) {
		allowed(user, "list", null);
		return this.remittances.list(200);
	}

	@Transactional
	public Detail get(CurrentUser user, UUID id) {
		allowed(user, "read", id);
		this.remittances.find(id).orElseThrow(() -> new ClaimProblems.ClaimNotFound("remittance"));
		this.audit.successAll(this.remittances.children(id)
			.stream()
			.map(child -> new PhiAccess("read", "remittance", id, child))
			.toList());
		return detail(id);
	}

	private Detail detail(UUID id) {
		return new Detail(this.remittances.find(id).orElseThrow(), this.remittances.claims(id),
				this.remittances.adjustments(id));
	}

	private UUID post(CurrentUser user, Remittance remittance, String sha256) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		if (!this.remittances.insert(id, remittance.payerId(), remittance.traceNumber(), remittance.payerName(), null,
				remittance.totalPaid(), remittance.currency(), remittance.paymentMethod(), remittance.paymentDate(),
				sha256, user.id(), now)) {
			// imported by a concurrent request a moment ago
			throw new ClaimProblems.RemittanceAlreadyImported(null);
		}
		LocalDate remittedOn = remittance.paymentDate() != null ? remittance.paymentDate()
				: LocalDate.now(this.clock.withZone(this.zone));
		Set<UUID> children = new HashSet<>();
		for (ClaimPayment payment : remittance.claims()) {
			Optional<Claims.Claim> claim = this.claims.claimByNumber(payment.patientControlNumber());
			String outcome = claim.isEmpty() ? "unmatched" : outcome(payment);
			UUID remittanceClaimId = UUID.randomUUID();
			this.remittances.insertClaim(new RemittanceRepository.StoredClaim(remittanceClaimId,
					claim.map(Claims.Claim::id).orElse(null), payment.patientControlNumber(), payment.status(), outcome,
					payment.charge(), payment.paid(), payment.patientResponsibility(), payment.payerClaimNumber()), id);
			for (Adjustment adjustment : payment.adjustments()) {
				adjustment(remittanceClaimId, null, adjustment);
			}
			if (claim.isEmpty()) {
				for (LinePayment line : payment.lines()) {
					line.adjustments().forEach((adjustment) -> adjustment(remittanceClaimId, null, adjustment));
				}
				continue;
			}
			children.add(claim.get().childId());
			postClaim(remittance, id, claim.get(), payment, remittanceClaimId, remittedOn, now);
		}
		this.audit
			.successAll(children.stream().map(child -> new PhiAccess("import", "remittance", id, child)).toList());
		return id;
	}

	private void postClaim(Remittance remittance, UUID remittanceId, Claims.Claim claim, ClaimPayment payment,
			UUID remittanceClaimId, LocalDate remittedOn, Instant now) {
		List<Claims.Line> lines = new ArrayList<>(this.claims.lines(claim.id()));
		String prefix = remittance.payerId() + "/" + remittance.traceNumber() + "/" + claim.claimNumber();
		BigDecimal sharedOnLines = BigDecimal.ZERO;
		int index = 0;
		for (LinePayment linePayment : payment.lines()) {
			index++;
			Claims.Line line = match(claim, lines, linePayment);
			if (line != null) {
				lines.remove(line);
				this.remittances.postToLine(line.id(), linePayment.paid());
			}
			for (Adjustment adjustment : linePayment.adjustments()) {
				adjustment(remittanceClaimId, line == null ? null : line.id(), adjustment);
			}
			BigDecimal share = linePayment.adjusted(Group.PR);
			if (share.signum() > 0) {
				sharedOnLines = sharedOnLines.add(share);
				shareWithFamily(remittanceId, claim.childId(), line == null ? null : line.chargeId(), prefix + "/"
						+ (linePayment.lineControlNumber() != null ? linePayment.lineControlNumber() : "line-" + index),
						share, linePayment.paid(), remittance.currency(), linePayment.serviceDate(), remittedOn,
						description(linePayment.procedureCode(), linePayment.serviceDate(), linePayment.adjustments()));
			}
		}
		BigDecimal claimShare = payment.adjustments()
			.stream()
			.filter((adjustment) -> adjustment.group() == Group.PR)
			.map(Adjustment::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		if (claimShare.signum() == 0 && sharedOnLines.signum() == 0) {
			claimShare = payment.patientResponsibility();
		}
		if (claimShare.signum() > 0) {
			shareWithFamily(remittanceId, claim.childId(), null, prefix + "/claim", claimShare, payment.paid(),
					remittance.currency(), null, remittedOn, description(null, null, payment.adjustments()));
		}
		this.remittances.postToClaim(claim.id(), payment.paid(), payment.patientResponsibility(),
				ClaimState.of(stateOf(outcome(payment))), payment.payerClaimNumber(), now);
	}

	/**
	 * Keeps the family's share of a remitted line (or claim) and posts it to the family
	 * ledger; a reference kept before posts nothing again.
	 */
	private void shareWithFamily(UUID remittanceId, UUID childId, UUID chargeId, String reference, BigDecimal amount,
			BigDecimal insurancePaid, String currency, LocalDate serviceDate, LocalDate remittedOn,
			String description) {
		if (!this.remittances.insertFamilyShare(remittanceId, childId, chargeId, reference, amount, insurancePaid,
				currency, serviceDate, remittedOn, description)) {
			return;
		}
		Ledger.Posted posted = this.ledger.postFamilyShare(new Ledger.FamilyShare(childId, chargeId, reference, amount,
				insurancePaid, currency, serviceDate, remittedOn, description));
		this.remittances.markFamilySharePosted(reference, posted.entryId(), this.clock.instant());
	}

	/**
	 * The claim line a remitted line pays: REF*6R names it, else the first of its code
	 * and date.
	 */
	private static Claims.Line match(Claims.Claim claim, List<Claims.Line> open, LinePayment payment) {
		if (payment.lineControlNumber() != null) {
			for (Claims.Line line : open) {
				if (ClaimService.lineControlNumber(claim.claimNumber(), line.lineNumber())
					.equalsIgnoreCase(payment.lineControlNumber())) {
					return line;
				}
			}
		}
		for (Claims.Line line : open) {
			if (line.serviceCode().equals(payment.procedureCode())
					&& (payment.serviceDate() == null || line.serviceDate().equals(payment.serviceDate()))) {
				return line;
			}
		}
		return null;
	}

	private void adjustment(UUID remittanceClaimId, UUID lineId, Adjustment adjustment) {
		this.remittances.insertAdjustment(new RemittanceRepository.StoredAdjustment(remittanceClaimId, lineId,
				adjustment.group().name(), adjustment.reasonCode(), adjustment.amount()), adjustment.quantity());
	}

	/** paid, partially_paid (the family owes part), denied, or reversed. */
	static String outcome(ClaimPayment payment) {
		if (payment.reversal()) {
			return "reversed";
		}
		if (payment.denied() || (payment.paid().signum() == 0 && payment.patientResponsibility().signum() == 0)) {
			return "denied";
		}
		return payment.patientResponsibility().signum() > 0 ? "partially_paid" : "paid";
	}

	private static String stateOf(String outcome) {
		return switch (outcome) {
			case "reversed" -> "accepted";
			default -> outcome;
		};
	}

	private static String description(String procedureCode, LocalDate serviceDate, List<Adjustment> adjustments) {
		List<String> reasons = adjustments.stream()
			.filter((adjustment) -> adjustment.group() == Group.PR)
			.map((adjustment) -> switch (adjustment.reasonCode()) {
				case "1" -> "deductible";
				case "2" -> "coinsurance";
				case "3" -> "copay";
				default -> "patient responsibility";
			})
			.distinct()
			.toList();
		return "Family share of insurance claim" + (procedureCode == null ? "" : " for " + procedureCode)
				+ (serviceDate == null ? "" : " on " + serviceDate)
				+ (reasons.isEmpty() ? "" : ": " + String.join(", ", reasons));
	}

	private void allowed(CurrentUser user, String action, UUID id) {
		if (!this.policy.mayWorkClaims(user)) {
			this.audit.refused(new PhiAccess(action, "remittance", id, null), false);
			throw new ClaimProblems.NotAllowedInClaims();
		}
	}

	private static String sha256(byte[] file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
