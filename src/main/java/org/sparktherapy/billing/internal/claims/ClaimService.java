package org.sparktherapy.billing.internal.claims;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.billing.internal.BillingAccessPolicy;
import org.sparktherapy.billing.internal.charges.BillingSettings;
import org.sparktherapy.billing.internal.charges.Charge;
import org.sparktherapy.billing.internal.charges.ChargeLookup;
import org.sparktherapy.billing.internal.charges.Coverage;
import org.sparktherapy.billing.internal.charges.Payer;
import org.sparktherapy.billing.internal.x12.ClaimFile;
import org.sparktherapy.billing.internal.x12.ClaimFileValidator;
import org.sparktherapy.billing.internal.x12.ClaimFileWriter;
import org.sparktherapy.billing.internal.x12.Cms1500Form;
import org.sparktherapy.billing.internal.x12.X12Document;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claim batches: built from a payer's ready charges (which become claimed), exported as
 * an 837P file that passes {@link ClaimFileValidator} (or a 409 naming what is missing),
 * printed as CMS-1500 forms, marked submitted. Admins only
 * ({@link BillingAccessPolicy#mayWorkClaims}); every read and export of a claim is in the
 * PHI access log.
 */
@Service
public class ClaimService {

	/** Lines of one professional claim at most (the 837P's 2400 loop limit). */
	static final int MAX_LINES = 50;

	private final ClaimRepository claims;

	private final ChargeLookup charges;

	private final BillingAccessPolicy policy;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	private final PayerAging aging;

	private final ClaimFileValidator validator = new ClaimFileValidator();

	ClaimService(ClaimRepository claims, PayerAging aging, ChargeLookup charges, BillingAccessPolicy policy,
			AuditTrail audit, Clock clock, SparkProperties properties) {
		this.claims = claims;
		this.aging = aging;
		this.charges = charges;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	/** A batch with its claims; a claim with its lines. */
	record BatchDetail(Claims.Batch batch, List<Claims.Claim> claims) {
	}

	record ClaimDetail(Claims.Claim claim, List<Claims.Line> lines) {
	}

	/** An exported file: its name (no PHI) and bytes. */
	record Export(String fileName, byte[] content) {
	}

	/**
	 * Builds a batch of the payer's ready charges with a service date up to
	 * {@code through} (null: all).
	 */
	@Transactional
	public BatchDetail createBatch(CurrentUser user, UUID payerId, LocalDate through) {
		allowed(user, "create", null);
		Payer payer = this.charges.payer(payerId)
			.filter((p) -> !p.privatePay())
			.orElseThrow(ClaimProblems.NotAnInsurer::new);
		List<Charge> ready = this.charges.ready(payer.id(), through)
			.stream()
			.filter((charge) -> charge.coverageId() != null && !charge.diagnosisCodes().isEmpty())
			.toList();
		if (ready.isEmpty()) {
			throw new ClaimProblems.NoReadyCharges();
		}
		this.charges.markClaimed(ready.stream().map(Charge::id).toList());
		UUID batchId = UUID.randomUUID();
		var now = this.clock.instant();
		BigDecimal total = ready.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		this.claims.insertBatch(batchId, payer.id(), this.claims.nextControlNumber(), total, payer.currency(),
				user.id(), now);
		for (List<Charge> group : groups(ready)) {
			insertClaim(batchId, group, "1", null, null, now);
		}
		List<Claims.Claim> created = this.claims.claimsOfBatch(batchId);
		this.audit.successAll(
				created.stream().map(claim -> new PhiAccess("create", "claim", claim.id(), claim.childId())).toList());
		return new BatchDetail(this.claims.batch(batchId).orElseThrow(), created);
	}

	@Transactional(readOnly = true)
	public List<Claims.Batch> batches(CurrentUser user) {
		allowed(user, "list", null);
		return this.claims.batches(200);
	}

	@Transactional
	public BatchDetail batch(CurrentUser user, UUID batchId) {
		allowed(user, "read", batchId);
		Claims.Batch batch = this.claims.batch(batchId).orElseThrow(() -> new ClaimProblems.ClaimNotFound("batch"));
		List<Claims.Claim> found = this.claims.claimsOfBatch(batchId);
		this.audit.successAll(
				found.stream().map(claim -> new PhiAccess("list", "claim", claim.id(), claim.childId())).toList());
		return new BatchDetail(batch, found);
	}

	@Transactional
	public ClaimDetail claim(CurrentUser user, UUID claimId) {
		allowed(user, "read", claimId);
		Claims.Claim claim = this.claims.claim(claimId).orElseThrow(() -> new ClaimProblems.ClaimNotFound("claim"));
		this.audit.success(new PhiAccess("read", "claim", claim.id(), claim.childId()));
		return new ClaimDetail(claim, this.claims.lines(claimId));
	}

	/**
	 * The batch's 837P file; refuses (409) when data is missing or the file is not valid.
	 */
	@Transactional
	public Export export(CurrentUser user, UUID batchId) {
		allowed(user, "export", batchId);
		Claims.Batch batch = this.claims.batchForUpdate(batchId)
			.orElseThrow(() -> new ClaimProblems.ClaimNotFound("batch"));
		List<Claims.Claim> batchClaims = this.claims.claimsOfBatch(batchId);
		List<String> missing = new ArrayList<>();
		ClaimFile file = file(batch, batchClaims, missing);
		if (!missing.isEmpty()) {
			throw new ClaimProblems.ClaimDataMissing(missing);
		}
		byte[] content = new ClaimFileWriter().write(file);
		X12Document checked = this.validator.read(content);
		if (!checked.valid()) {
			throw new ClaimProblems.ClaimDataMissing(
					checked.errors().stream().limit(20).map(X12Document.Finding::toString).toList());
		}
		this.claims.markExported(batchId, this.clock.instant());
		this.audit.successAll(batchClaims.stream()
			.map(claim -> new PhiAccess("export", "claim", claim.id(), claim.childId()))
			.toList());
		return new Export(String.format("claims-%09d.837", batch.controlNumber()), content);
	}

	/**
	 * A claim as a CMS-1500 PDF (printable even with data missing: it can be completed by
	 * hand).
	 */
	@Transactional
	public Export cms1500(CurrentUser user, UUID claimId) {
		allowed(user, "print", claimId);
		Claims.Claim claim = this.claims.claim(claimId).orElseThrow(() -> new ClaimProblems.ClaimNotFound("claim"));
		BillingSettings settings = this.charges.settings().orElse(null);
		ClaimFile.Claim model = model(claim, new ArrayList<>());
		byte[] pdf = new Cms1500Form().render(model, billingProvider(settings, new ArrayList<>()), today());
		this.audit.success(new PhiAccess("print", "claim", claim.id(), claim.childId()));
		return new Export("claim-" + claim.claimNumber() + ".pdf", pdf);
	}

	@Transactional
	public BatchDetail markSubmitted(CurrentUser user, UUID batchId) {
		allowed(user, "submit", batchId);
		Claims.Batch batch = this.claims.batchForUpdate(batchId)
			.orElseThrow(() -> new ClaimProblems.ClaimNotFound("batch"));
		if ("submitted".equals(batch.status())) {
			throw new ClaimProblems.BatchAlreadySubmitted();
		}
		this.claims.markSubmitted(batchId, this.clock.instant());
		List<Claims.Claim> found = this.claims.claimsOfBatch(batchId);
		this.audit.successAll(
				found.stream().map(claim -> new PhiAccess("submit", "claim", claim.id(), claim.childId())).toList());
		return new BatchDetail(this.claims.batch(batchId).orElseThrow(), found);
	}

	/**
	 * A correction of a claim the payer has: a replacement (frequency 7, built from the
	 * charges as they are now) or a void (frequency 8, the same lines; the original
	 * becomes void and its charges are released to be billed anew). Either goes in a
	 * batch of its own, naming the payer's claim number (REF*F8) from the remittance.
	 */
	@Transactional
	public BatchDetail correct(CurrentUser user, UUID claimId, ClaimFile.Frequency frequency) {
		String action = frequency == ClaimFile.Frequency.VOID ? "void" : "replace";
		allowed(user, action, claimId);
		Claims.Claim original = this.claims.claimForUpdate(claimId)
			.orElseThrow(() -> new ClaimProblems.ClaimNotFound("claim"));
		if (original.state() == ClaimState.DRAFT || original.state() == ClaimState.VOID) {
			throw new ClaimProblems.NotCorrectable("Only a claim the payer received (submitted, not void) can be "
					+ "replaced or voided; a draft is simply not sent.");
		}
		if (original.payerClaimNumber() == null) {
			throw new ClaimProblems.NotCorrectable(
					"The payer's claim number is not known yet: it comes with the " + "remittance (835) of the claim.");
		}
		List<UUID> chargeIds = this.claims.lines(claimId).stream().map(Claims.Line::chargeId).toList();
		List<Charge> lines = this.charges.findAll(chargeIds);
		var now = this.clock.instant();
		UUID batchId = UUID.randomUUID();
		BigDecimal total = lines.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		Payer payer = this.charges.payer(original.payerId()).orElseThrow();
		this.claims.insertBatch(batchId, payer.id(), this.claims.nextControlNumber(), total, payer.currency(),
				user.id(), now);
		insertClaim(batchId, lines, frequency.code(), original.id(), original.payerClaimNumber(), now);
		if (frequency == ClaimFile.Frequency.VOID) {
			this.claims.setState(original.id(), ClaimState.VOID, now);
			this.charges.markReady(chargeIds);
		}
		List<Claims.Claim> created = this.claims.claimsOfBatch(batchId);
		this.audit.success(new PhiAccess(action, "claim", original.id(), original.childId()));
		this.audit.successAll(
				created.stream().map(claim -> new PhiAccess("create", "claim", claim.id(), claim.childId())).toList());
		return new BatchDetail(this.claims.batch(batchId).orElseThrow(), created);
	}

	/**
	 * The insurers' accounts receivable on {@code asOf} (null: today), per payer. No
	 * child is named, so nothing goes to the PHI access log.
	 */
	@Transactional(readOnly = true)
	List<PayerAging.Row> payerAging(CurrentUser user, LocalDate asOf) {
		if (!this.policy.mayReadPayerReceivables(user)) {
			throw new ClaimProblems.NotAllowedInClaims();
		}
		return this.aging.on(asOf, this.zone);
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	private void allowed(CurrentUser user, String action, UUID id) {
		if (!this.policy.mayWorkClaims(user)) {
			this.audit.refused(new PhiAccess(action, "claim", id, null), false);
			throw new ClaimProblems.NotAllowedInClaims();
		}
	}

	/**
	 * Charges of one child, coverage, rendering provider, place of service and
	 * authorization make one claim, at most {@link #MAX_LINES} lines each.
	 */
	static List<List<Charge>> groups(List<Charge> charges) {
		Map<List<Object>, List<Charge>> byKey = new LinkedHashMap<>();
		for (Charge charge : charges) {
			List<Object> key = java.util.Arrays.asList(charge.childId(), charge.coverageId(),
					charge.renderingProviderId(), charge.placeOfService(), charge.authorizationNumber());
			byKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(charge);
		}
		List<List<Charge>> groups = new ArrayList<>();
		for (List<Charge> group : byKey.values()) {
			for (int from = 0; from < group.size(); from += MAX_LINES) {
				groups.add(group.subList(from, Math.min(from + MAX_LINES, group.size())));
			}
		}
		return groups;
	}

	private void insertClaim(UUID batchId, List<Charge> group, String frequency, UUID replaces, String payerNumber,
			java.time.Instant now) {
		Charge first = group.get(0);
		List<String> diagnoses = new ArrayList<>();
		for (Charge charge : group) {
			for (String code : charge.diagnosisCodes()) {
				if (!diagnoses.contains(code) && diagnoses.size() < 12) {
					diagnoses.add(code);
				}
			}
		}
		UUID claimId = UUID.randomUUID();
		BigDecimal total = group.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		this.claims.insertClaim(new Claims.Claim(claimId, batchId, this.claims.nextClaimNumber(), first.childId(), null,
				first.payerId(), first.coverageId(), ClaimState.DRAFT, frequency, replaces, payerNumber,
				first.placeOfService(), diagnoses, first.authorizationNumber(), first.renderingProviderId(), total,
				BigDecimal.ZERO, BigDecimal.ZERO, first.currency(), now, null, 0), now);
		int number = 0;
		for (Charge charge : group) {
			List<Integer> pointers = charge.diagnosisCodes()
				.stream()
				.map((code) -> diagnoses.indexOf(code) + 1)
				.filter((pointer) -> pointer > 0)
				.distinct()
				.limit(4)
				.toList();
			this.claims.insertLine(new Claims.Line(UUID.randomUUID(), claimId, ++number, charge.id(),
					charge.serviceCode().code(), charge.modifiers(), charge.units(), charge.amount(), charge.currency(),
					charge.serviceDate(), pointers.isEmpty() ? List.of(1) : pointers, BigDecimal.ZERO));
		}
	}

	private ClaimFile file(Claims.Batch batch, List<Claims.Claim> batchClaims, List<String> missing) {
		BillingSettings settings = this.charges.settings().orElse(null);
		ClaimFile.BillingProvider provider = billingProvider(settings, missing);
		Payer payer = this.charges.payer(batch.payerId()).orElseThrow();
		if (payer.x12PayerId() == null) {
			missing.add("payer: X12 payer id");
		}
		List<ClaimFile.Claim> models = new ArrayList<>();
		for (Claims.Claim claim : batchClaims) {
			if (claim.state() != ClaimState.VOID || "8".equals(claim.frequency())) {
				models.add(model(claim, missing));
			}
		}
		// the clearinghouse's id of the clinic when set, else the clinic's NPI
		String submitterId = (settings != null && settings.submitterId() != null) ? settings.submitterId()
				: (provider.npi() == null) ? "" : provider.npi();
		return new ClaimFile(batch.controlNumber(), LocalDateTime.now(this.clock.withZone(this.zone)), true,
				"B" + batch.controlNumber(),
				new ClaimFile.Submitter(provider.name(), submitterId, provider.name(), provider.phone()),
				new ClaimFile.Receiver(payer.name(), Objects.requireNonNullElse(payer.x12PayerId(), "")), provider,
				models);
	}

	private ClaimFile.BillingProvider billingProvider(BillingSettings settings, List<String> missing) {
		if (settings == null) {
			missing.add("clinic: billing settings (legal name, NPI, tax id, address)");
			return new ClaimFile.BillingProvider("", null, null, null, null, null);
		}
		if (settings.npi() == null) {
			missing.add("clinic: NPI");
		}
		if (settings.taxId() == null) {
			missing.add("clinic: tax id");
		}
		if (settings.address() == null || !settings.address().complete()) {
			missing.add("clinic: address");
		}
		var a = settings.address();
		return new ClaimFile.BillingProvider(settings.legalName(), settings.npi(), settings.taxId(),
				settings.taxonomyCode(),
				a == null ? null : new ClaimFile.Address(a.line1(), a.line2(), a.city(), a.state(), a.postalCode()),
				settings.phone());
	}

	/** The claim as the 837P and the CMS-1500 carry it; adds what is missing. */
	private ClaimFile.Claim model(Claims.Claim claim, List<String> missing) {
		String number = claim.claimNumber();
		Coverage coverage = this.charges.coverage(claim.coverageId()).orElseThrow();
		Payer payer = this.charges.payer(claim.payerId()).orElseThrow();
		String[] child = this.claims.childName(claim.childId()).orElse(new String[] { "", "" });
		ClaimFile.Relationship relationship = switch (coverage.subscriber() == null ? "child"
				: Objects.requireNonNullElse(coverage.subscriber().relationship(), "child")) {
			case "self" -> ClaimFile.Relationship.SELF;
			case "spouse" -> ClaimFile.Relationship.SPOUSE;
			case "other" -> ClaimFile.Relationship.OTHER;
			default -> ClaimFile.Relationship.CHILD;
		};
		// The child's birth date, sex and address come from its record (children's
		// published view child_billing_facts). When the child is the subscriber, they are
		// the subscriber's (2010BA N3/N4, DMG); on a parent's plan they are the patient's
		// (2010CA) and the subscriber is named by name, member id and, when the coverage
		// records it, the subscriber's address: the guide requires the subscriber's
		// address and demographics only when the patient is the subscriber (ADR 0030).
		ClaimRepository.PatientFacts facts = this.claims.patientFacts(claim.childId())
			.orElse(new ClaimRepository.PatientFacts(null, null, null));
		String gender = gender(facts.sex());
		ClaimFile.Person subscriber;
		ClaimFile.Person patient = null;
		String who = (relationship == ClaimFile.Relationship.SELF) ? "subscriber" : "patient";
		if (relationship == ClaimFile.Relationship.SELF) {
			LocalDate birth = (facts.dateOfBirth() != null) ? facts.dateOfBirth()
					: (coverage.subscriber() == null) ? null : coverage.subscriber().dateOfBirth();
			subscriber = new ClaimFile.Person(child[1], child[0], birth, gender, facts.address());
			if (birth == null) {
				missing.add(number + ": subscriber date of birth");
			}
		}
		else {
			String[] subscriberName = split(coverage.subscriber() == null ? null : coverage.subscriber().name());
			LocalDate subscriberBirth = coverage.subscriber() == null ? null : coverage.subscriber().dateOfBirth();
			var known = (coverage.subscriber() == null) ? null : coverage.subscriber().address();
			subscriber = new ClaimFile.Person(subscriberName[1], subscriberName[0], subscriberBirth, "U",
					(known == null) ? null : new ClaimFile.Address(known.line1(), known.line2(), known.city(),
							known.state(), known.postalCode()));
			if (subscriberName[1].isBlank()) {
				missing.add(number + ": subscriber name (the coverage's subscriber)");
			}
			patient = new ClaimFile.Person(child[1], child[0], facts.dateOfBirth(), gender, facts.address());
			if (facts.dateOfBirth() == null) {
				missing.add(number + ": patient date of birth");
			}
		}
		if (facts.address() == null) {
			missing.add(number + ": " + who + " address (the child's home address on the child's record)");
		}
		if (facts.sex() == null) {
			missing.add(number + ": " + who + " sex (the child's sex on the child's record)");
		}
		if (coverage.memberId() == null) {
			missing.add(number + ": member id");
		}
		Map<UUID, String> npis = this.charges.npis(List.of(claim.renderingProviderId()));
		String renderingName = this.claims.accountNames(List.of(claim.renderingProviderId()))
			.getOrDefault(claim.renderingProviderId(), "");
		String[] rendering = split(renderingName);
		if (!npis.containsKey(claim.renderingProviderId())) {
			missing.add(number + ": rendering provider NPI");
		}
		ClaimFile.Provider renderingProvider = new ClaimFile.Provider(rendering[1], rendering[0],
				npis.getOrDefault(claim.renderingProviderId(), ""), null);
		List<ClaimFile.Line> lines = this.claims.lines(claim.id())
			.stream()
			.map((line) -> new ClaimFile.Line(lineControlNumber(number, line.lineNumber()), line.serviceCode(),
					line.modifiers(), BigDecimal.valueOf(line.units()), line.amount(), line.serviceDate(),
					line.diagnosisPointers()))
			.toList();
		ClaimFile.Frequency frequency = switch (claim.frequency()) {
			case "7" -> ClaimFile.Frequency.REPLACEMENT;
			case "8" -> ClaimFile.Frequency.VOID;
			default -> ClaimFile.Frequency.ORIGINAL;
		};
		return new ClaimFile.Claim(number,
				new ClaimFile.Subscriber(
						subscriber, Objects.requireNonNullElse(coverage.memberId(), ""), coverage.groupNumber()),
				patient, relationship,
				new ClaimFile.Payer(payer.name(), Objects.requireNonNullElse(payer.x12PayerId(), ""),
						payer.claimFilingIndicator().code()),
				claim.diagnosisCodes(), claim.placeOfService(), frequency, claim.payerClaimNumber(),
				claim.authorizationNumber(), renderingProvider, lines);
	}

	/**
	 * The child's administrative sex as X12 DMG03: F, M, or U (unknown, not recorded).
	 */
	static String gender(String sex) {
		if (sex == null) {
			return "U";
		}
		return switch (sex) {
			case "female" -> "F";
			case "male" -> "M";
			default -> "U";
		};
	}

	/** REF*6R of a line, returned by the 835: the claim number and the line number. */
	static String lineControlNumber(String claimNumber, int lineNumber) {
		return claimNumber + "-" + lineNumber;
	}

	/** "First Last" or "Last, First" → {first, last}. */
	static String[] split(String name) {
		if (name == null || name.isBlank()) {
			return new String[] { "", "" };
		}
		String trimmed = name.strip();
		int comma = trimmed.indexOf(',');
		if (comma > 0) {
			return new String[] { trimmed.substring(comma + 1).strip(), trimmed.substring(0, comma).strip() };
		}
		int space = trimmed.lastIndexOf(' ');
		return space < 0 ? new String[] { "", trimmed }
				: new String[] { trimmed.substring(0, space), trimmed.substring(space + 1) };
	}

}
