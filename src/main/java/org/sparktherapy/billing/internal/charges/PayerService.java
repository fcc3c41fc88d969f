package org.sparktherapy.billing.internal.charges;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.billing.internal.BillingAccessPolicy;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's billing data that is not about one child: payers with their modifiers and
 * fee schedules, the service catalogue, the clinic's billing settings and its providers'
 * NPIs. Admins only ({@link BillingAccessPolicy}). Each change checks the open charges it
 * may hold or release again.
 */
@Service
class PayerService {

	/** The most a unit may cost: a typo guard, far above any payer's rate. */
	static final BigDecimal MAX_RATE = new BigDecimal("10000.00");

	private final PayerRepository payers;

	private final BillingSettingsRepository settings;

	private final ChargeBook book;

	private final BillingAccessPolicy policy;

	private final JdbcClient jdbc;

	private final Clock clock;

	PayerService(PayerRepository payers, BillingSettingsRepository settings, ChargeBook book,
			BillingAccessPolicy policy, JdbcClient jdbc, Clock clock) {
		this.payers = payers;
		this.settings = settings;
		this.book = book;
		this.policy = policy;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<Payer> payers(CurrentUser user) {
		allowed(user);
		return this.payers.all();
	}

	Payer payer(CurrentUser user, UUID id) {
		allowed(user);
		return this.payers.find(id).orElseThrow(() -> new ChargeProblems.ChargeNotFound("payer"));
	}

	@Transactional
	Payer create(CurrentUser user, Payer.Terms requested) {
		allowed(user);
		Payer.Terms terms = validate(requested, null);
		UUID id = UUID.randomUUID();
		try {
			this.payers.insert(id, terms, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new ChargeProblems.PayerNameTaken();
		}
		return this.payers.find(id).orElseThrow();
	}

	@Transactional
	Payer update(CurrentUser user, UUID id, Integer version, Payer.Terms requested) {
		Payer current = payer(user, id);
		Payer.Terms terms = validate(requested, id);
		try {
			if (!this.payers.update(id, (version != null) ? version : current.version(), terms, this.clock.instant())) {
				throw new StaleVersion();
			}
		}
		catch (DuplicateKeyException ex) {
			throw new ChargeProblems.PayerNameTaken();
		}
		this.book.recheckPayer(id);
		return this.payers.find(id).orElseThrow();
	}

	@Transactional
	void delete(CurrentUser user, UUID id) {
		Payer current = payer(user, id);
		if (current.privatePay() || this.payers.inUse(id)) {
			throw new ChargeProblems.PayerInUse();
		}
		this.payers.delete(id);
	}

	List<FeeRate> rates(CurrentUser user, UUID payerId) {
		payer(user, payerId);
		return this.payers.rates(payerId);
	}

	@Transactional
	FeeRate addRate(CurrentUser user, UUID payerId, RateRequest request) {
		Payer payer = payer(user, payerId);
		FeeRate.Terms terms = validate(request, payer);
		this.payers.overlappingRate(payerId, terms, new UUID(0, 0)).ifPresent(other -> {
			throw new ChargeProblems.OverlappingDates("rate of this payer for the service code", "/effectiveFrom");
		});
		UUID id = UUID.randomUUID();
		this.payers.insertRate(id, payerId, terms);
		this.book.recheckPayer(payerId);
		return this.payers.rate(id).orElseThrow();
	}

	@Transactional
	FeeRate changeRate(CurrentUser user, UUID rateId, RateRequest request) {
		allowed(user);
		FeeRate current = this.payers.rate(rateId).orElseThrow(() -> new ChargeProblems.ChargeNotFound("rate"));
		Payer payer = this.payers.find(current.payerId()).orElseThrow();
		FeeRate.Terms terms = validate(request, payer);
		this.payers.overlappingRate(payer.id(), terms, rateId).ifPresent(other -> {
			throw new ChargeProblems.OverlappingDates("rate of this payer for the service code", "/effectiveFrom");
		});
		this.payers.updateRate(rateId, terms);
		this.book.recheckPayer(payer.id());
		return this.payers.rate(rateId).orElseThrow();
	}

	@Transactional
	void deleteRate(CurrentUser user, UUID rateId) {
		allowed(user);
		FeeRate current = this.payers.rate(rateId).orElseThrow(() -> new ChargeProblems.ChargeNotFound("rate"));
		this.payers.deleteRate(rateId);
		this.book.recheckPayer(current.payerId());
	}

	/** A rate as an admin writes it: the amount as a decimal string. */
	record RateRequest(String serviceCode, String ratePerUnit, LocalDate effectiveFrom, LocalDate effectiveTo) {
	}

	/**
	 * Every service with who may deliver it, and each payer's modifier and current rate.
	 */
	record CatalogueEntry(ServiceCode service, List<PayerTerms> payers) {
	}

	record PayerTerms(Payer payer, Optional<FeeRate> rate) {
	}

	List<CatalogueEntry> catalogue(CurrentUser user, LocalDate today) {
		allowed(user);
		List<Payer> all = this.payers.all();
		return java.util.Arrays.stream(ServiceCode.values())
			.map(code -> new CatalogueEntry(code,
					all.stream().map(p -> new PayerTerms(p, this.payers.rateOn(p.id(), code, today))).toList()))
			.toList();
	}

	Optional<BillingSettings> settings(CurrentUser user) {
		allowed(user);
		return this.settings.settings();
	}

	@Transactional
	BillingSettings saveSettings(CurrentUser user, Integer version, BillingSettings requested) {
		allowed(user);
		BillingValidation v = new BillingValidation();
		String name = BillingValidation.clean(requested.legalName());
		if (name == null) {
			v.reject("/legalName", "must not be blank");
		}
		v.text("/legalName", name);
		String npi = BillingValidation.clean(requested.npi());
		if (npi != null && !BillingIdentifiers.isNpi(npi)) {
			v.reject("/npi", "must be a 10-digit NPI with a valid check digit");
		}
		String taxIdGiven = BillingValidation.clean(requested.taxId());
		String taxId = BillingIdentifiers.taxId(taxIdGiven);
		if (taxIdGiven != null && taxId == null) {
			v.reject("/taxId", "must be a federal tax id (EIN) such as 12-3456789");
		}
		String taxonomy = BillingValidation.clean(requested.taxonomyCode());
		if (taxonomy != null && !BillingIdentifiers.TAXONOMY.matcher(taxonomy).matches()) {
			v.reject("/taxonomyCode", "must be a provider taxonomy code such as 103K00000X");
		}
		String phoneGiven = BillingValidation.clean(requested.phone());
		String phone = (phoneGiven != null) ? phoneGiven.replaceAll("[\\s().+-]", "") : null;
		if (phone != null && phone.length() == 11 && phone.startsWith("1")) {
			phone = phone.substring(1);
		}
		if (phone != null && !phone.matches("^[0-9]{10}$")) {
			v.reject("/phone", "must be a 10-digit US phone number");
		}
		String telehealth = (requested.telehealthPlaceOfService() == null) ? "10"
				: requested.telehealthPlaceOfService();
		if (!telehealth.equals("10") && !telehealth.equals("02")) {
			v.reject("/telehealthPlaceOfService", "must be 10 (in the home) or 02 (elsewhere)");
		}
		Address address = BillingValidation.clean(requested.address());
		v.address("/address", address);
		String submitterId = BillingValidation.clean(requested.submitterId());
		if (submitterId != null && !submitterId.matches("^[A-Za-z0-9]{2,15}$")) {
			v.reject("/submitterId", "must be 2 to 15 letters and digits, as the clearinghouse assigned it");
		}
		v.throwIfAny();
		BillingSettings cleaned = new BillingSettings(name, npi, taxId, taxonomy, address, phone, telehealth, 0,
				submitterId);
		Integer expected = version;
		if (expected == null) {
			expected = this.settings.settings().map(BillingSettings::version).orElse(null);
		}
		if (!this.settings.save(expected, cleaned, this.clock.instant())) {
			throw new StaleVersion();
		}
		this.book.recheckEverything();
		return this.settings.settings().orElseThrow();
	}

	List<ProviderNumber> providerNumbers(CurrentUser user) {
		allowed(user);
		return this.settings.providerNumbers();
	}

	@Transactional
	ProviderNumber saveNpi(CurrentUser user, UUID accountId, String value) {
		allowed(user);
		String npi = BillingValidation.clean(value);
		if (npi == null || !BillingIdentifiers.isNpi(npi)) {
			throw new ChargeProblems.InvalidBillingData("/npi", "must be a 10-digit NPI with a valid check digit");
		}
		boolean therapist = this.jdbc
			.sql("select exists (select 1 from account_names where account_id = :id and role = 'therapist')")
			.param("id", accountId)
			.query(Boolean.class)
			.single();
		if (!therapist) {
			throw new ChargeProblems.ChargeNotFound("therapist");
		}
		if (this.settings.npiTaken(npi, accountId)) {
			throw new ChargeProblems.NpiTaken();
		}
		this.settings.saveNpi(accountId, npi, this.clock.instant());
		this.book.recheckProvider(accountId);
		return this.settings.providerNumbers()
			.stream()
			.filter(p -> p.accountId().equals(accountId))
			.findFirst()
			.orElseThrow();
	}

	@Transactional
	void deleteNpi(CurrentUser user, UUID accountId) {
		allowed(user);
		this.settings.deleteNpi(accountId);
		this.book.recheckProvider(accountId);
	}

	private void allowed(CurrentUser user) {
		if (!this.policy.mayManageBilling(user)) {
			throw new ChargeProblems.NotAllowedInCharges("Only admins see and change the clinic's billing data.");
		}
	}

	private Payer.Terms validate(Payer.Terms t, UUID self) {
		BillingValidation v = new BillingValidation();
		String name = BillingValidation.clean(t.name());
		if (name == null) {
			v.reject("/name", "must not be blank");
		}
		else if (name.length() > 200) {
			v.reject("/name", "must be at most 200 characters");
		}
		v.text("/name", name);
		if (name != null) {
			this.payers.named(name).filter(other -> !other.equals(self)).ifPresent(other -> {
				throw new ChargeProblems.PayerNameTaken();
			});
		}
		String x12 = BillingValidation.clean(t.x12PayerId());
		if (x12 != null && !x12.matches("^[A-Za-z0-9]{2,80}$")) {
			v.reject("/x12PayerId", "must be 2 to 80 letters and digits");
		}
		String currency = (t.currency() == null) ? "USD" : t.currency().strip();
		if (!currency.matches("^[A-Z]{3}$")) {
			v.reject("/currency", "must be an ISO 4217 currency code such as USD");
		}
		Address address = BillingValidation.clean(t.address());
		v.address("/address", address);
		t.modifiers().forEach((credential, modifier) -> {
			if (modifier == null || !modifier.matches("^[A-Z0-9]{2}$")) {
				v.reject("/modifiers/" + credential.value(), "must be a two-character modifier such as HM");
			}
		});
		v.throwIfAny();
		return new Payer.Terms(name, x12, t.roundingRule(), t.requiresAuthorization(), currency, address, t.active(),
				t.modifiers(), t.claimFilingIndicator());
	}

	private static FeeRate.Terms validate(RateRequest r, Payer payer) {
		BillingValidation v = new BillingValidation();
		ServiceCode code = ServiceCode.find(r.serviceCode()).orElse(null);
		if (code == null) {
			v.reject("/serviceCode", "must be an adaptive behavior CPT code 97151 to 97158");
		}
		BigDecimal rate = null;
		try {
			rate = new BigDecimal(r.ratePerUnit().strip());
			if (rate.signum() < 0 || rate.compareTo(MAX_RATE) > 0 || rate.stripTrailingZeros().scale() > 2) {
				v.reject("/ratePerUnit", "must be an amount from 0.00 to " + MAX_RATE + " with at most two decimals");
				rate = null;
			}
		}
		catch (NumberFormatException | NullPointerException ex) {
			v.reject("/ratePerUnit", "must be a decimal amount such as 62.50");
		}
		if (r.effectiveFrom() == null) {
			v.reject("/effectiveFrom", "must not be null");
		}
		else if (r.effectiveFrom().getYear() < 2000 || r.effectiveFrom().getYear() > 2100) {
			v.reject("/effectiveFrom", "must be between 2000 and 2100");
		}
		if (r.effectiveTo() != null && r.effectiveFrom() != null && r.effectiveTo().isBefore(r.effectiveFrom())) {
			v.reject("/effectiveTo", "must be on or after effectiveFrom");
		}
		v.throwIfAny();
		return new FeeRate.Terms(code, rate.setScale(2), payer.currency(), r.effectiveFrom(), r.effectiveTo());
	}

	static Map<Credential, String> modifiers(Map<String, String> requested,
			java.util.function.BiConsumer<String, String> reject) {
		Map<Credential, String> modifiers = new java.util.EnumMap<>(Credential.class);
		if (requested == null) {
			return modifiers;
		}
		requested.forEach((credential, modifier) -> {
			try {
				String m = BillingValidation.clean(modifier);
				if (m != null) {
					modifiers.put(Credential.of(credential), m.toUpperCase(java.util.Locale.ROOT));
				}
			}
			catch (IllegalArgumentException ex) {
				reject.accept("/modifiers/" + credential, "must be a credential: BCBA, BCaBA, RBT or other");
			}
		});
		return modifiers;
	}

}
