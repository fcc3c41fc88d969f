package org.sparktherapy.billing.internal.claims;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * remittances, what they said per claim and adjustment, and the family shares waiting for
 * the ledger.
 */
@Repository
class RemittanceRepository {

	private final JdbcClient jdbc;

	RemittanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Stored(UUID id, String payerIdentifier, String traceNumber, String payerName, BigDecimal totalPaid,
			String currency, String paymentMethod, LocalDate paymentDate, Instant importedAt, int claims,
			BigDecimal familyShare) {
	}

	record StoredClaim(UUID id, UUID claimId, String claimNumber, String statusCode, String outcome, BigDecimal charge,
			BigDecimal paid, BigDecimal patientResponsibility, String payerClaimNumber) {
	}

	record StoredAdjustment(UUID remittanceClaimId, UUID claimLineId, String group, String reason, BigDecimal amount) {
	}

	private static final String SELECT = """
			select r.*, (select count(*) from remittance_claims c where c.remittance_id = r.id) as claim_count,
			       (select coalesce(sum(s.amount), 0) from remittance_family_shares s where s.remittance_id = r.id)
			         as family_share
			from remittances r""";

	Optional<UUID> existing(String payerIdentifier, String traceNumber) {
		return this.jdbc.sql("select id from remittances where payer_identifier = :payer and trace_number = :trace")
			.param("payer", payerIdentifier)
			.param("trace", traceNumber)
			.query(UUID.class)
			.optional();
	}

	/** Inserts the remittance unless its payer and trace exist; false when they did. */
	boolean insert(UUID id, String payerIdentifier, String traceNumber, String payerName, UUID payerId,
			BigDecimal totalPaid, String currency, String method, LocalDate paymentDate, String sha256, UUID by,
			Instant now) {
		return this.jdbc.sql("""
				insert into remittances (id, payer_identifier, trace_number, payer_name, payer_id, total_paid, currency,
				                         payment_method, payment_date, file_sha256, imported_by, imported_at)
				values (:id, :payer, :trace, :name, :payerId, :total, :currency, :method, :date, :sha, :by, :now)
				on conflict on constraint remittances_once do nothing""")
			.param("id", id)
			.param("payer", payerIdentifier)
			.param("trace", traceNumber)
			.param("name", payerName)
			.param("payerId", payerId)
			.param("total", totalPaid)
			.param("currency", currency)
			.param("method", method)
			.param("date", paymentDate)
			.param("sha", sha256)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void insertClaim(StoredClaim claim, UUID remittanceId) {
		this.jdbc.sql("""
				insert into remittance_claims (id, remittance_id, claim_id, claim_number, status_code, outcome, charge,
				                               paid, patient_responsibility, payer_claim_number)
				values (:id, :remittance, :claim, :number, :status, :outcome, :charge, :paid, :pr, :payerNumber)""")
			.param("id", claim.id())
			.param("remittance", remittanceId)
			.param("claim", claim.claimId())
			.param("number", claim.claimNumber())
			.param("status", claim.statusCode())
			.param("outcome", claim.outcome())
			.param("charge", claim.charge())
			.param("paid", claim.paid())
			.param("pr", claim.patientResponsibility())
			.param("payerNumber", claim.payerClaimNumber())
			.update();
	}

	void insertAdjustment(StoredAdjustment adjustment, BigDecimal quantity) {
		this.jdbc.sql("""
				insert into remittance_adjustments (id, remittance_claim_id, claim_line_id, group_code, reason_code,
				                                    amount, quantity)
				values (:id, :claim, :line, :group, :reason, :amount, :quantity)""")
			.param("id", UUID.randomUUID())
			.param("claim", adjustment.remittanceClaimId())
			.param("line", adjustment.claimLineId())
			.param("group", adjustment.group())
			.param("reason", adjustment.reason())
			.param("amount", adjustment.amount())
			.param("quantity", quantity)
			.update();
	}

	/**
	 * Keeps a family share; false when this reference was kept before (nothing written).
	 */
	boolean insertFamilyShare(UUID remittanceId, UUID childId, UUID chargeId, String reference, BigDecimal amount,
			BigDecimal insurancePaid, String currency, LocalDate serviceDate, LocalDate remittedOn,
			String description) {
		return this.jdbc.sql("""
				insert into remittance_family_shares (id, remittance_id, child_id, charge_id, reference, amount,
				                                      insurance_paid, currency, service_date, remitted_on, description)
				values (:id, :remittance, :child, :charge, :reference, :amount, :paid, :currency, :date, :on,
				        :description)
				on conflict (reference) do nothing""")
			.param("id", UUID.randomUUID())
			.param("remittance", remittanceId)
			.param("child", childId)
			.param("charge", chargeId)
			.param("reference", reference)
			.param("amount", amount)
			.param("paid", insurancePaid)
			.param("currency", currency)
			.param("date", serviceDate)
			.param("on", remittedOn)
			.param("description", description)
			.update() == 1;
	}

	/**
	 * Adds what a remittance posted to a claim and sets its state and the payer's claim
	 * number.
	 */
	void postToClaim(UUID claimId, BigDecimal paid, BigDecimal patientResponsibility, ClaimState state,
			String payerClaimNumber, Instant now) {
		this.jdbc.sql("""
				update claims set paid_amount = paid_amount + :paid,
				                  patient_responsibility = patient_responsibility + :pr,
				                  state = :state,
				                  payer_claim_number = case when frequency = '1' then coalesce(:payerNumber,
				                                            payer_claim_number) else payer_claim_number end,
				                  updated_at = :now, version = version + 1
				where id = :id""")
			.param("id", claimId)
			.param("paid", paid)
			.param("pr", patientResponsibility)
			.param("state", state.value())
			.param("payerNumber", payerClaimNumber)
			.param("now", Timestamp.from(now))
			.update();
	}

	void postToLine(UUID lineId, BigDecimal paid) {
		this.jdbc.sql("update claim_lines set paid_amount = paid_amount + :paid where id = :id")
			.param("id", lineId)
			.param("paid", paid)
			.update();
	}

	List<Stored> list(int limit) {
		return this.jdbc.sql(SELECT + " order by r.imported_at desc, r.id limit :limit")
			.param("limit", limit)
			.query((rs, n) -> stored(rs))
			.list();
	}

	Optional<Stored> find(UUID id) {
		return this.jdbc.sql(SELECT + " where r.id = :id").param("id", id).query((rs, n) -> stored(rs)).optional();
	}

	List<StoredClaim> claims(UUID remittanceId) {
		return this.jdbc.sql("select * from remittance_claims where remittance_id = :id order by claim_number, id")
			.param("id", remittanceId)
			.query((rs, n) -> new StoredClaim(rs.getObject("id", UUID.class), rs.getObject("claim_id", UUID.class),
					rs.getString("claim_number"), rs.getString("status_code"), rs.getString("outcome"),
					rs.getBigDecimal("charge"), rs.getBigDecimal("paid"), rs.getBigDecimal("patient_responsibility"),
					rs.getString("payer_claim_number")))
			.list();
	}

	List<StoredAdjustment> adjustments(UUID remittanceId) {
		return this.jdbc.sql("""
				select a.* from remittance_adjustments a
				join remittance_claims c on c.id = a.remittance_claim_id
				where c.remittance_id = :id order by a.group_code, a.reason_code""")
			.param("id", remittanceId)
			.query((rs, n) -> new StoredAdjustment(rs.getObject("remittance_claim_id", UUID.class),
					rs.getObject("claim_line_id", UUID.class), rs.getString("group_code"), rs.getString("reason_code"),
					rs.getBigDecimal("amount")))
			.list();
	}

	/** The child ids of the claims a remittance touched (for the access log). */
	List<UUID> children(UUID remittanceId) {
		return this.jdbc.sql("""
				select distinct k.child_id from remittance_claims c join claims k on k.id = c.claim_id
				where c.remittance_id = :id""").param("id", remittanceId).query(UUID.class).list();
	}

	private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Stored(rs.getObject("id", UUID.class), rs.getString("payer_identifier"),
				rs.getString("trace_number"), rs.getString("payer_name"), rs.getBigDecimal("total_paid"),
				rs.getString("currency"), rs.getString("payment_method"), rs.getObject("payment_date", LocalDate.class),
				rs.getTimestamp("imported_at").toInstant(), rs.getInt("claim_count"), rs.getBigDecimal("family_share"));
	}

	/** Marks a family share as handed to the family ledger (ADR 0028) as that entry. */
	void markFamilySharePosted(String reference, UUID entryId, java.time.Instant at) {
		this.jdbc.sql("""
				update remittance_family_shares set posted_entry_id = :entry, posted_at = :at
				where reference = :reference and posted_entry_id is null""")
			.param("entry", entryId)
			.param("at", java.sql.Timestamp.from(at))
			.param("reference", reference)
			.update();
	}

}
