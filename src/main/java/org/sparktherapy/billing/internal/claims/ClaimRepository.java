package org.sparktherapy.billing.internal.claims;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.billing.internal.x12.ClaimFile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** claim_batches, claims and claim_lines; names through the published views. */
@Repository
class ClaimRepository {

	private static final String BATCH_SELECT = """
			select b.*, p.name as payer_name,
			       (select count(*) from claims c where c.batch_id = b.id) as claim_count
			from claim_batches b join payers p on p.id = b.payer_id""";

	private static final String CLAIM_SELECT = """
			select c.*, n.display_name as child_name
			from claims c join child_names n on n.child_id = c.child_id""";

	private final JdbcClient jdbc;

	ClaimRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int nextControlNumber() {
		return this.jdbc.sql("select nextval('claim_interchange_numbers')").query(Long.class).single().intValue();
	}

	String nextClaimNumber() {
		long number = this.jdbc.sql("select nextval('claim_numbers')").query(Long.class).single();
		return String.format("SPK%09d", number);
	}

	void insertBatch(UUID id, UUID payerId, int controlNumber, BigDecimal total, String currency, UUID createdBy,
			Instant now) {
		this.jdbc.sql("""
				insert into claim_batches (id, payer_id, control_number, status, total_charge, currency, created_by,
				                           created_at)
				values (:id, :payer, :control, 'draft', :total, :currency, :by, :now)""")
			.param("id", id)
			.param("payer", payerId)
			.param("control", controlNumber)
			.param("total", total)
			.param("currency", currency)
			.param("by", createdBy)
			.param("now", Timestamp.from(now))
			.update();
	}

	void insertClaim(Claims.Claim claim, Instant now) {
		this.jdbc.sql("""
				insert into claims (id, batch_id, claim_number, child_id, payer_id, coverage_id, state, frequency,
				                    replaces_claim_id, payer_claim_number, place_of_service, diagnosis_codes,
				                    authorization_number, rendering_provider_id, total_charge, currency, created_at,
				                    updated_at)
				values (:id, :batch, :number, :child, :payer, :coverage, :state, :frequency, :replaces, :payerNumber,
				        :pos, :diagnoses, :authorization, :rendering, :total, :currency, :now, :now)""")
			.param("id", claim.id())
			.param("batch", claim.batchId())
			.param("number", claim.claimNumber())
			.param("child", claim.childId())
			.param("payer", claim.payerId())
			.param("coverage", claim.coverageId())
			.param("state", claim.state().value())
			.param("frequency", claim.frequency())
			.param("replaces", claim.replacesClaimId())
			.param("payerNumber", claim.payerClaimNumber())
			.param("pos", claim.placeOfService())
			.param("diagnoses", claim.diagnosisCodes().toArray(String[]::new))
			.param("authorization", claim.authorizationNumber())
			.param("rendering", claim.renderingProviderId())
			.param("total", claim.totalCharge())
			.param("currency", claim.currency())
			.param("now", Timestamp.from(now))
			.update();
	}

	void insertLine(Claims.Line line) {
		this.jdbc.sql("""
				insert into claim_lines (id, claim_id, line_number, charge_id, service_code, modifiers, units, amount,
				                         currency, service_date, diagnosis_pointers)
				values (:id, :claim, :number, :charge, :code, :modifiers, :units, :amount, :currency, :date,
				        :pointers)""")
			.param("id", line.id())
			.param("claim", line.claimId())
			.param("number", line.lineNumber())
			.param("charge", line.chargeId())
			.param("code", line.serviceCode())
			.param("modifiers", line.modifiers().toArray(String[]::new))
			.param("units", line.units())
			.param("amount", line.amount())
			.param("currency", line.currency())
			.param("date", line.serviceDate())
			.param("pointers", line.diagnosisPointers().stream().map(Integer::shortValue).toArray(Short[]::new))
			.update();
	}

	List<Claims.Batch> batches(int limit) {
		return this.jdbc.sql(BATCH_SELECT + " order by b.created_at desc, b.id limit :limit")
			.param("limit", limit)
			.query((rs, n) -> batch(rs, n))
			.list();
	}

	Optional<Claims.Batch> batch(UUID id) {
		return this.jdbc.sql(BATCH_SELECT + " where b.id = :id")
			.param("id", id)
			.query((rs, n) -> batch(rs, n))
			.optional();
	}

	Optional<Claims.Batch> batchForUpdate(UUID id) {
		this.jdbc.sql("select id from claim_batches where id = :id for update")
			.param("id", id)
			.query(UUID.class)
			.optional();
		return batch(id);
	}

	List<Claims.Claim> claimsOfBatch(UUID batchId) {
		return this.jdbc.sql(CLAIM_SELECT + " where c.batch_id = :batch order by c.claim_number")
			.param("batch", batchId)
			.query((rs, n) -> claim(rs, n))
			.list();
	}

	Optional<Claims.Claim> claim(UUID id) {
		return this.jdbc.sql(CLAIM_SELECT + " where c.id = :id")
			.param("id", id)
			.query((rs, n) -> claim(rs, n))
			.optional();
	}

	Optional<Claims.Claim> claimByNumber(String claimNumber) {
		return this.jdbc.sql(CLAIM_SELECT + " where c.claim_number = :number")
			.param("number", claimNumber)
			.query((rs, n) -> claim(rs, n))
			.optional();
	}

	Optional<Claims.Claim> claimForUpdate(UUID id) {
		this.jdbc.sql("select id from claims where id = :id for update").param("id", id).query(UUID.class).optional();
		return claim(id);
	}

	void setState(UUID claimId, ClaimState state, Instant now) {
		this.jdbc.sql("update claims set state = :state, updated_at = :now, version = version + 1 where id = :id")
			.param("id", claimId)
			.param("state", state.value())
			.param("now", Timestamp.from(now))
			.update();
	}

	List<Claims.Line> lines(UUID claimId) {
		return this.jdbc.sql("select * from claim_lines where claim_id = :claim order by line_number")
			.param("claim", claimId)
			.query((rs, n) -> line(rs, n))
			.list();
	}

	void markExported(UUID batchId, Instant now) {
		this.jdbc.sql("update claim_batches set exported_at = :now, version = version + 1 where id = :id")
			.param("id", batchId)
			.param("now", Timestamp.from(now))
			.update();
	}

	void markSubmitted(UUID batchId, Instant now) {
		this.jdbc.sql("""
				update claim_batches set status = 'submitted', submitted_at = :now, version = version + 1
				where id = :id""").param("id", batchId).param("now", Timestamp.from(now)).update();
		this.jdbc.sql("""
				update claims set state = 'submitted', submitted_at = :now, updated_at = :now, version = version + 1
				where batch_id = :id and state = 'draft'""")
			.param("id", batchId)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The account names of these ids (rendering providers). */
	java.util.Map<UUID, String> accountNames(java.util.Collection<UUID> ids) {
		java.util.Map<UUID, String> names = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select account_id, name from account_names where account_id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> names.put(rs.getObject("account_id", UUID.class), rs.getString("name")))
			.list();
		return names;
	}

	/** First and last name of a child (children's published view). */
	Optional<String[]> childName(UUID childId) {
		return this.jdbc.sql("select first_name, last_name from child_names where child_id = :id")
			.param("id", childId)
			.query((rs, n) -> new String[] { rs.getString("first_name"), rs.getString("last_name") })
			.optional();
	}

	/**
	 * What a claim says of the child as patient: date of birth, administrative sex
	 * ({@code female}, {@code male}, {@code unknown}; null when not recorded) and home
	 * address (null when not recorded), from children's published view
	 * {@code child_billing_facts}.
	 */
	record PatientFacts(LocalDate dateOfBirth, String sex, ClaimFile.Address address) {
	}

	Optional<PatientFacts> patientFacts(UUID childId) {
		return this.jdbc.sql("""
				select date_of_birth, sex, address_line1, address_line2, address_city, address_state,
				       address_postal_code
				from child_billing_facts where child_id = :id""")
			.param("id", childId)
			.query((rs, n) -> new PatientFacts(rs.getObject("date_of_birth", LocalDate.class), rs.getString("sex"),
					(rs.getString("address_line1") == null) ? null
							: new ClaimFile.Address(rs.getString("address_line1"), rs.getString("address_line2"),
									rs.getString("address_city"), rs.getString("address_state"),
									rs.getString("address_postal_code"))))
			.optional();
	}

	private Claims.Batch batch(ResultSet rs, int row) throws SQLException {
		return new Claims.Batch(rs.getObject("id", UUID.class), rs.getObject("payer_id", UUID.class),
				rs.getString("payer_name"), rs.getInt("control_number"), rs.getString("status"),
				rs.getBigDecimal("total_charge"), rs.getString("currency"), rs.getInt("claim_count"),
				rs.getObject("created_by", UUID.class), instant(rs, "created_at"), instant(rs, "exported_at"),
				instant(rs, "submitted_at"), rs.getInt("version"));
	}

	private Claims.Claim claim(ResultSet rs, int row) throws SQLException {
		return new Claims.Claim(rs.getObject("id", UUID.class), rs.getObject("batch_id", UUID.class),
				rs.getString("claim_number"), rs.getObject("child_id", UUID.class), rs.getString("child_name"),
				rs.getObject("payer_id", UUID.class), rs.getObject("coverage_id", UUID.class),
				ClaimState.of(rs.getString("state")), rs.getString("frequency"),
				rs.getObject("replaces_claim_id", UUID.class), rs.getString("payer_claim_number"),
				rs.getString("place_of_service"), strings(rs.getArray("diagnosis_codes")),
				rs.getString("authorization_number"), rs.getObject("rendering_provider_id", UUID.class),
				rs.getBigDecimal("total_charge"), rs.getBigDecimal("paid_amount"),
				rs.getBigDecimal("patient_responsibility"), rs.getString("currency"), instant(rs, "created_at"),
				instant(rs, "submitted_at"), rs.getInt("version"));
	}

	private Claims.Line line(ResultSet rs, int row) throws SQLException {
		List<Integer> pointers = new ArrayList<>();
		Array array = rs.getArray("diagnosis_pointers");
		for (Object value : (Object[]) array.getArray()) {
			pointers.add(((Number) value).intValue());
		}
		return new Claims.Line(rs.getObject("id", UUID.class), rs.getObject("claim_id", UUID.class),
				rs.getInt("line_number"), rs.getObject("charge_id", UUID.class), rs.getString("service_code"),
				strings(rs.getArray("modifiers")), rs.getInt("units"), rs.getBigDecimal("amount"),
				rs.getString("currency"), rs.getObject("service_date", java.time.LocalDate.class), pointers,
				rs.getBigDecimal("paid_amount"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
