package org.sparktherapy.billing.internal.charges;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clinic's billing settings (one row) and its providers' NPIs. */
@Repository
class BillingSettingsRepository {

	private final JdbcClient jdbc;

	BillingSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<BillingSettings> settings() {
		return this.jdbc.sql("select * from billing_settings where id = 1")
			.query(BillingSettingsRepository::map)
			.optional();
	}

	/**
	 * Saves the settings if the stored version is {@code version} (null: none stored
	 * yet); false when someone changed them in between.
	 */
	boolean save(Integer version, BillingSettings s, Instant at) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", s.legalName());
		params.put("npi", s.npi());
		params.put("tax", s.taxId());
		params.put("taxonomy", s.taxonomyCode());
		params.put("line1", s.address().line1());
		params.put("line2", s.address().line2());
		params.put("city", s.address().city());
		params.put("state", s.address().state());
		params.put("postal", s.address().postalCode());
		params.put("phone", s.phone());
		params.put("tele", s.telehealthPlaceOfService());
		params.put("submitter", s.submitterId());
		params.put("at", Timestamp.from(at));
		params.put("version", (version != null) ? version : -1);
		return this.jdbc.sql("""
				insert into billing_settings as s (id, legal_name, npi, tax_id, taxonomy_code, address_line1,
				  address_line2, city, state, postal_code, phone, telehealth_place_of_service, submitter_id, updated_at)
				values (1, :name, :npi, :tax, :taxonomy, :line1, :line2, :city, :state, :postal, :phone, :tele,
				  :submitter, :at)
				on conflict (id) do update set legal_name = excluded.legal_name, npi = excluded.npi,
				  tax_id = excluded.tax_id, taxonomy_code = excluded.taxonomy_code,
				  address_line1 = excluded.address_line1, address_line2 = excluded.address_line2,
				  city = excluded.city, state = excluded.state, postal_code = excluded.postal_code,
				  phone = excluded.phone, telehealth_place_of_service = excluded.telehealth_place_of_service,
				  submitter_id = excluded.submitter_id,
				  updated_at = excluded.updated_at, version = s.version + 1
				where :version < 0 or s.version = :version""").params(params).update() == 1;
	}

	/** Every provider NPI, with the account's name, by name. */
	List<ProviderNumber> providerNumbers() {
		return this.jdbc.sql("""
				select p.account_id, p.npi, a.name, a.credential from provider_numbers p
				join account_names a on a.account_id = p.account_id
				order by lower(a.name), p.account_id""")
			.query((rs, i) -> new ProviderNumber(rs.getObject("account_id", UUID.class), rs.getString("name"),
					rs.getString("credential"), rs.getString("npi")))
			.list();
	}

	Map<UUID, String> npis(Collection<UUID> accountIds) {
		Map<UUID, String> found = new HashMap<>();
		if (accountIds.isEmpty()) {
			return found;
		}
		this.jdbc.sql("select account_id, npi from provider_numbers where account_id in (:ids)")
			.param("ids", accountIds)
			.query((rs, i) -> found.put(rs.getObject("account_id", UUID.class), rs.getString("npi")))
			.list();
		return found;
	}

	/** Whether another account holds the NPI. */
	boolean npiTaken(String npi, UUID except) {
		return this.jdbc.sql("select exists (select 1 from provider_numbers where npi = :npi and account_id <> :id)")
			.param("npi", npi)
			.param("id", except)
			.query(Boolean.class)
			.single();
	}

	void saveNpi(UUID accountId, String npi, Instant at) {
		this.jdbc.sql("""
				insert into provider_numbers (account_id, npi, updated_at) values (:id, :npi, :at)
				on conflict (account_id) do update set npi = excluded.npi, updated_at = excluded.updated_at""")
			.param("id", accountId)
			.param("npi", npi)
			.param("at", Timestamp.from(at))
			.update();
	}

	void deleteNpi(UUID accountId) {
		this.jdbc.sql("delete from provider_numbers where account_id = :id").param("id", accountId).update();
	}

	private static BillingSettings map(ResultSet rs, int row) throws SQLException {
		return new BillingSettings(rs.getString("legal_name"), rs.getString("npi"), rs.getString("tax_id"),
				rs.getString("taxonomy_code"), PayerRepository.address(rs), rs.getString("phone"),
				rs.getString("telehealth_place_of_service"), rs.getInt("version"), rs.getString("submitter_id"));
	}

}
