package org.sparktherapy.billing.internal.charges;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.identity.Credential;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payers, their modifiers by credential and their fee schedules. */
@Repository
class PayerRepository {

	private final JdbcClient jdbc;

	PayerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Payer> find(UUID id) {
		return this.jdbc.sql("select * from payers where id = :id").param("id", id).query(this::map).optional();
	}

	/** Every payer: private pay first, then by name. */
	List<Payer> all() {
		return this.jdbc.sql("select * from payers order by kind = 'insurance', lower(name), id")
			.query(this::map)
			.list();
	}

	Payer privatePay() {
		return this.jdbc.sql("select * from payers where kind = 'private_pay'").query(this::map).single();
	}

	Optional<UUID> named(String name) {
		return this.jdbc.sql("select id from payers where lower(name) = lower(:name)")
			.param("name", name)
			.query(UUID.class)
			.optional();
	}

	void insert(UUID id, Payer.Terms terms, Instant at) {
		this.jdbc.sql("""
				insert into payers (id, name, kind, x12_payer_id, rounding_rule, requires_authorization, currency,
				  address_line1, address_line2, city, state, postal_code, active, claim_filing_indicator, created_at,
				  updated_at)
				values (:id, :name, 'insurance', :x12, :rounding, :auth, :currency, :line1, :line2, :city, :state,
				  :postal, :active, :filing, :at, :at)""")
			.param("id", id)
			.params(params(terms))
			.param("at", Timestamp.from(at))
			.update();
		modifiers(id, terms.modifiers());
	}

	/** Changes the payer if its version is {@code version}; false when it is not. */
	boolean update(UUID id, int version, Payer.Terms terms, Instant at) {
		boolean changed = this.jdbc.sql("""
				update payers set name = :name, x12_payer_id = :x12, rounding_rule = :rounding,
				  requires_authorization = :auth, currency = :currency, address_line1 = :line1, address_line2 = :line2,
				  city = :city, state = :state, postal_code = :postal, active = :active,
				  claim_filing_indicator = :filing, updated_at = :at,
				  version = version + 1
				where id = :id and version = :version""")
			.param("id", id)
			.param("version", version)
			.params(params(terms))
			.param("at", Timestamp.from(at))
			.update() == 1;
		if (changed) {
			modifiers(id, terms.modifiers());
		}
		return changed;
	}

	/** Whether a coverage or charge names the payer. */
	boolean inUse(UUID id) {
		return this.jdbc.sql("""
				select exists (select 1 from coverages where payer_id = :id)
				    or exists (select 1 from charges where payer_id = :id)""")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from payers where id = :id and kind = 'insurance'").param("id", id).update();
	}

	private void modifiers(UUID payerId, Map<Credential, String> modifiers) {
		this.jdbc.sql("delete from payer_modifiers where payer_id = :id").param("id", payerId).update();
		modifiers.forEach((credential, modifier) -> this.jdbc
			.sql("insert into payer_modifiers (payer_id, credential, modifier) values (:id, :credential, :modifier)")
			.param("id", payerId)
			.param("credential", credential.value())
			.param("modifier", modifier)
			.update());
	}

	/** The payer's rates, by code and then the latest first. */
	List<FeeRate> rates(UUID payerId) {
		return this.jdbc
			.sql("select * from fee_schedule_rates where payer_id = :id order by service_code, effective_from desc")
			.param("id", payerId)
			.query(PayerRepository::rate)
			.list();
	}

	Optional<FeeRate> rate(UUID rateId) {
		return this.jdbc.sql("select * from fee_schedule_rates where id = :id")
			.param("id", rateId)
			.query(PayerRepository::rate)
			.optional();
	}

	/** The payer's rate for the code on the date, if its fee schedule has one. */
	Optional<FeeRate> rateOn(UUID payerId, ServiceCode code, LocalDate date) {
		return this.jdbc.sql("""
				select * from fee_schedule_rates
				where payer_id = :payer and service_code = :code and effective_from <= :date
				  and (effective_to is null or effective_to >= :date)""")
			.param("payer", payerId)
			.param("code", code.code())
			.param("date", date)
			.query(PayerRepository::rate)
			.optional();
	}

	/** Another rate of the payer for the code that covers some of the days, if any. */
	Optional<UUID> overlappingRate(UUID payerId, FeeRate.Terms terms, UUID except) {
		return this.jdbc.sql("""
				select id from fee_schedule_rates
				where payer_id = :payer and service_code = :code and id <> :except
				  and daterange(effective_from, effective_to, '[]') && daterange(:from, :to, '[]')
				limit 1""")
			.param("payer", payerId)
			.param("code", terms.serviceCode().code())
			.param("except", except)
			.param("from", terms.effectiveFrom())
			.param("to", terms.effectiveTo())
			.query(UUID.class)
			.optional();
	}

	void insertRate(UUID id, UUID payerId, FeeRate.Terms terms) {
		this.jdbc.sql("""
				insert into fee_schedule_rates (id, payer_id, service_code, rate_per_unit, currency, effective_from,
				  effective_to)
				values (:id, :payer, :code, :rate, :currency, :from, :to)""")
			.param("id", id)
			.param("payer", payerId)
			.param("code", terms.serviceCode().code())
			.param("rate", terms.ratePerUnit())
			.param("currency", terms.currency())
			.param("from", terms.effectiveFrom())
			.param("to", terms.effectiveTo())
			.update();
	}

	void updateRate(UUID id, FeeRate.Terms terms) {
		this.jdbc.sql("""
				update fee_schedule_rates set service_code = :code, rate_per_unit = :rate, currency = :currency,
				  effective_from = :from, effective_to = :to
				where id = :id""")
			.param("id", id)
			.param("code", terms.serviceCode().code())
			.param("rate", terms.ratePerUnit())
			.param("currency", terms.currency())
			.param("from", terms.effectiveFrom())
			.param("to", terms.effectiveTo())
			.update();
	}

	void deleteRate(UUID id) {
		this.jdbc.sql("delete from fee_schedule_rates where id = :id").param("id", id).update();
	}

	private static Map<String, Object> params(Payer.Terms terms) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", terms.name());
		params.put("x12", terms.x12PayerId());
		params.put("rounding", terms.roundingRule().value());
		params.put("auth", terms.requiresAuthorization());
		params.put("currency", terms.currency());
		Address address = (terms.address() != null) ? terms.address() : Address.NONE;
		params.put("line1", address.line1());
		params.put("line2", address.line2());
		params.put("city", address.city());
		params.put("state", address.state());
		params.put("postal", address.postalCode());
		params.put("active", terms.active());
		params.put("filing", terms.claimFilingIndicator().code());
		return params;
	}

	private Payer map(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Map<Credential, String> modifiers = new EnumMap<>(Credential.class);
		this.jdbc.sql("select credential, modifier from payer_modifiers where payer_id = :id")
			.param("id", id)
			.query((m, i) -> modifiers.put(Credential.of(m.getString("credential")), m.getString("modifier")))
			.list();
		return new Payer(id, rs.getString("name"), PayerKind.of(rs.getString("kind")), rs.getString("x12_payer_id"),
				UnitRoundingRule.of(rs.getString("rounding_rule")), rs.getBoolean("requires_authorization"),
				rs.getString("currency"), address(rs), rs.getBoolean("active"), modifiers,
				ClaimFilingIndicator.of(rs.getString("claim_filing_indicator")), rs.getInt("version"));
	}

	static Address address(ResultSet rs) throws SQLException {
		return new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("city"),
				rs.getString("state"), rs.getString("postal_code"));
	}

	private static FeeRate rate(ResultSet rs, int row) throws SQLException {
		BigDecimal rate = rs.getBigDecimal("rate_per_unit");
		return new FeeRate(rs.getObject("id", UUID.class), rs.getObject("payer_id", UUID.class),
				ServiceCode.of(rs.getString("service_code")), rate, rs.getString("currency"),
				rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class));
	}

}
