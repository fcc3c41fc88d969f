package org.sparktherapy.billing.internal.charges;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.identity.Credential;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prices a charge and runs the {@link ClaimCheck} on it: from the facts of its
 * appointment (child, therapist, code, place, actual times) it finds the payer (the
 * child's primary coverage on the service date, else private pay), the units by the
 * payer's rounding rule, the unit rate of the payer's fee schedule on the date, the
 * modifier for the renderer's credential, the supervising BCBA when a technician rendered
 * it, the place of service, the diagnoses, the authorization covering the date and code —
 * and every reason it cannot be billed (the child's sex and address among them). Reads
 * other modules only through their published views ({@code account_names},
 * {@code child_visibility}, {@code session_states}, {@code child_billing_facts}; ADR
 * 0021).
 */
@Component
class ChargeEvaluator {

	private final PayerRepository payers;

	private final CoverageRepository coverages;

	private final BillingSettingsRepository settings;

	private final ChargeRepository charges;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	ChargeEvaluator(PayerRepository payers, CoverageRepository coverages, BillingSettingsRepository settings,
			ChargeRepository charges, JdbcClient jdbc, SparkProperties properties) {
		this.payers = payers;
		this.coverages = coverages;
		this.settings = settings;
		this.charges = charges;
		this.jdbc = jdbc;
		this.zone = properties.clinicTimeZone();
	}

	/** The service date of a session that began at {@code start}: the clinic's date. */
	LocalDate serviceDate(java.time.Instant start) {
		return LocalDate.ofInstant(start, this.zone);
	}

	/**
	 * The charge priced and checked anew from its appointment's facts; status ready or
	 * held.
	 */
	Charge evaluate(Charge c) {
		LocalDate date = c.serviceDate();
		Optional<Coverage> coverage = this.coverages.primaryOn(c.childId(), date);
		Payer payer = coverage.flatMap(cov -> this.payers.find(cov.payerId())).orElseGet(this.payers::privatePay);
		Credential credential = credential(c.renderingProviderId());
		int minutes = minutes(c);
		int units = payer.roundingRule().units(minutes);
		Optional<FeeRate> rate = this.payers.rateOn(payer.id(), c.serviceCode(), date);
		BigDecimal unitRate = rate.map(FeeRate::ratePerUnit).orElse(null);
		BigDecimal amount = (unitRate != null) ? unitRate.multiply(BigDecimal.valueOf(units)) : BigDecimal.ZERO;
		amount = amount.setScale(2, RoundingMode.HALF_UP);
		String currency = rate.map(FeeRate::currency).orElse(payer.currency());
		List<String> modifiers = (credential != null && payer.modifiers().containsKey(credential))
				? List.of(payer.modifiers().get(credential)) : List.of();
		boolean supervisorNeeded = credential == Credential.RBT;
		UUID supervisor = supervisorNeeded ? supervisingBcba(c.childId()) : null;
		Optional<BillingSettings> clinic = this.settings.settings();
		String pos = placeOfService(c.place(), clinic.map(BillingSettings::telehealthPlaceOfService).orElse("10"));
		ChildFacts child = childFacts(c.childId());
		List<String> diagnoses = payer.privatePay() ? List.of()
				: coverage.map(Coverage::diagnosisCodes)
					.filter((codes) -> !codes.isEmpty())
					.orElse(child.diagnosisCodes());
		Optional<ClaimCheck.AuthorizationTerms> authorization = payer.privatePay() ? Optional.empty()
				: authorization(c.childId(), c.serviceCode(), date);
		LocalDate ended = (authorization.isEmpty() && !payer.privatePay())
				? authorizationEnded(c.childId(), c.serviceCode(), date) : null;
		long unitsBefore = authorization.map(a -> this.charges.unitsBefore(a.id(), c.startsAt(), c.id())).orElse(0L);
		List<UUID> overlapping = this.charges.overlapping(c.childId(), c.startsAt(), c.endsAt(), c.id())
			.stream()
			.filter(o -> !concurrentSupervision(c.serviceCode(), o.serviceCode()))
			.map(ChargeRepository.Overlap::chargeId)
			.toList();
		List<UUID> providers = new ArrayList<>();
		providers.add(c.renderingProviderId());
		if (supervisor != null) {
			providers.add(supervisor);
		}
		Map<UUID, String> npis = this.settings.npis(providers);
		ClaimCheck.Facts facts = new ClaimCheck.Facts(c.childId(), c.sessionId(), payer.id(), payer.privatePay(),
				payer.requiresAuthorization(), c.serviceCode(), credential, noteSigned(c.sessionId()), units,
				rate.isPresent(), coverage.orElse(null), diagnoses, authorization.orElse(null), ended, unitsBefore,
				overlapping, supervisorNeeded, supervisor, clinic.map(BillingSettings::npi).isPresent(),
				npis.containsKey(c.renderingProviderId()), supervisor != null && npis.containsKey(supervisor),
				child.sex(), child.address());
		List<HoldReason> reasons = ClaimCheck.reasons(facts);
		return new Charge(c.id(), c.appointmentId(), c.sessionId(), c.childId(), payer.id(),
				coverage.map(Coverage::id).orElse(null), c.serviceCode(), modifiers, date, c.startsAt(), c.endsAt(),
				minutes, units, unitRate, amount, currency, c.place(), pos, c.renderingProviderId(), supervisor,
				diagnoses, authorization.map(ClaimCheck.AuthorizationTerms::id).orElse(null),
				authorization.map(ClaimCheck.AuthorizationTerms::number).orElse(null),
				reasons.isEmpty() ? ChargeStatus.READY : ChargeStatus.HELD, reasons, null, c.createdAt(), c.updatedAt(),
				c.version());
	}

	/**
	 * Whole minutes between the actual start and end (seconds left over do not count).
	 */
	static int minutes(Charge c) {
		return Math.toIntExact(Duration.between(c.startsAt(), c.endsAt()).toMinutes());
	}

	/**
	 * The CMS place-of-service code of a place: clinic 11 (office), home 12, school 03,
	 * community 99 (other), telehealth the clinic's setting — 10 (the child at home, the
	 * usual case) or 02 (elsewhere); the session does not record where the child was.
	 *
	 * @see <a href=
	 * "https://www.cms.gov/medicare/coding-billing/place-of-service-codes/code-sets">CMS
	 * place of service codes</a>
	 */
	static String placeOfService(Place place, String telehealth) {
		return switch (place) {
			case CLINIC -> "11";
			case HOME -> "12";
			case SCHOOL -> "03";
			case COMMUNITY -> "99";
			case TELEHEALTH -> telehealth;
		};
	}

	/**
	 * Whether two services of a child may overlap: only a supervisor's protocol
	 * modification (97155) over a technician's treatment by protocol (97153), as
	 * scheduling's V17 exclusion constraint allows.
	 */
	static boolean concurrentSupervision(ServiceCode a, ServiceCode b) {
		return (a == ServiceCode.PROTOCOL_MODIFICATION && b == ServiceCode.TREATMENT_BY_PROTOCOL)
				|| (a == ServiceCode.TREATMENT_BY_PROTOCOL && b == ServiceCode.PROTOCOL_MODIFICATION);
	}

	private Credential credential(UUID accountId) {
		return this.jdbc.sql("select credential from account_names where account_id = :id")
			.param("id", accountId)
			.query((rs, i) -> Optional.ofNullable(rs.getString("credential")).map(Credential::of))
			.optional()
			.flatMap(o -> o)
			.orElse(null);
	}

	/** The child's supervising BCBA, the longest on the care team first. */
	private UUID supervisingBcba(UUID childId) {
		return this.jdbc.sql("""
				select v.account_id from child_visibility v
				join account_names a on a.account_id = v.account_id
				where v.child_id = :child and v.relation = 'supervisor' and a.credential = 'BCBA' and a.active
				order by v.since, v.account_id limit 1""")
			.param("child", childId)
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

	/** Whether the session's note is signed: its therapist submitted it. */
	private boolean noteSigned(UUID sessionId) {
		if (sessionId == null) {
			return false;
		}
		return this.jdbc.sql("select status from session_states where session_id = :id")
			.param("id", sessionId)
			.query(String.class)
			.optional()
			.map("submitted"::equals)
			.orElse(false);
	}

	private Optional<ClaimCheck.AuthorizationTerms> authorization(UUID childId, ServiceCode code, LocalDate date) {
		return this.jdbc.sql("""
				select id, authorization_number, units_authorized from authorizations
				where child_id = :child and service_code = :code and starts_on <= :date and ends_on >= :date""")
			.param("child", childId)
			.param("code", code.code())
			.param("date", date)
			.query((rs, i) -> new ClaimCheck.AuthorizationTerms(rs.getObject("id", UUID.class),
					rs.getString("authorization_number"), rs.getInt("units_authorized")))
			.optional();
	}

	/** The end of the latest authorization of the code that ended before the date. */
	private LocalDate authorizationEnded(UUID childId, ServiceCode code, LocalDate date) {
		return this.jdbc.sql("""
				select ends_on from authorizations
				where child_id = :child and service_code = :code and ends_on < :date
				order by ends_on desc limit 1""")
			.param("child", childId)
			.param("code", code.code())
			.param("date", date)
			.query(LocalDate.class)
			.optional()
			.orElse(null);
	}

	/**
	 * What the child's record says for billing (the children module's published view
	 * {@code child_billing_facts}).
	 *
	 * @param diagnosisCodes what a charge is billed with unless its coverage names codes
	 * of its own
	 * @param sex whether the record names the child's sex
	 * @param address whether the record holds the child's home address
	 */
	record ChildFacts(List<String> diagnosisCodes, boolean sex, boolean address) {
	}

	private ChildFacts childFacts(UUID childId) {
		return this.jdbc.sql("""
				select diagnosis_codes, sex, address_line1, address_city, address_state, address_postal_code
				from child_billing_facts where child_id = :child""")
			.param("child", childId)
			.query((rs, n) -> new ChildFacts(CoverageRepository.strings(rs.getArray("diagnosis_codes")),
					rs.getString("sex") != null,
					new Address(rs.getString("address_line1"), null, rs.getString("address_city"),
							rs.getString("address_state"), rs.getString("address_postal_code"))
						.complete()))
			.optional()
			.orElse(new ChildFacts(List.of(), false, false));
	}

}
