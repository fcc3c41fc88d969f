package org.sparktherapy.billing.internal.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments (append-only) with what is allocated and refunded of each, summed at each
 * read.
 */
@Repository
class PaymentRepository {

	private static final String SELECT = """
			select p.*, n.name as recorded_by_name,
			  coalesce((select sum(a.amount) from payment_allocations a where a.payment_id = p.id), 0.00) as allocated,
			  coalesce((select sum(f.amount) from ledger_entries f where f.payment_id = p.id and f.kind = 'refund'
			            and not exists (select 1 from ledger_entries r where r.reverses = f.id)), 0.00) as refunded,
			  exists (select 1 from ledger_entries pe join ledger_entries r on r.reverses = pe.id
			          where pe.payment_id = p.id and pe.kind = 'payment') as reversed
			from payments p
			left join account_names n on n.account_id = p.recorded_by
			""";

	private final JdbcClient jdbc;

	PaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the payment unless the account already used the idempotency key; answers
	 * whether it stored it.
	 */
	boolean insert(UUID id, Payment.Request request, UUID by, Instant at, String key) {
		return this.jdbc.sql("""
				insert into payments (id, child_id, method, reference, amount, currency, received_on, note,
				  recorded_by, recorded_at, idempotency_key, request_hash)
				values (:id, :child, :method, :reference, :amount, :currency, :on, :note, :by, :at, :key, :hash)
				on conflict (recorded_by, idempotency_key) do nothing
				""")
			.param("id", id)
			.param("child", request.childId())
			.param("method", request.method().value())
			.param("reference", request.reference())
			.param("amount", request.amount())
			.param("currency", Amounts.CURRENCY)
			.param("on", request.receivedOn())
			.param("note", request.note())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("key", key)
			.param("hash", request.fingerprint())
			.update() == 1;
	}

	/**
	 * The payment an account recorded with an idempotency key, and its request's hash.
	 */
	record Keyed(UUID paymentId, String requestHash) {
	}

	Optional<Keyed> byKey(UUID account, String key) {
		return this.jdbc.sql("select id, request_hash from payments where recorded_by = :by and idempotency_key = :key")
			.param("by", account)
			.param("key", key)
			.query((rs, n) -> new Keyed(rs.getObject("id", UUID.class), rs.getString("request_hash")))
			.optional();
	}

	Optional<Payment> find(UUID id) {
		return this.jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(PaymentRepository::map).optional();
	}

	/** The child's payments, the latest received first. */
	PageResponse<Payment> ofChild(UUID childId, PageQuery page) {
		long total = this.jdbc.sql("select count(*) from payments where child_id = :child")
			.param("child", childId)
			.query(Long.class)
			.single();
		List<Payment> rows = this.jdbc
			.sql(SELECT + " where p.child_id = :child order by p.received_on desc, p.recorded_at desc"
					+ " limit :limit offset :offset")
			.param("child", childId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(PaymentRepository::map)
			.list();
		return PageResponse.of(rows, page, total);
	}

	/** A payment with its family's name (the clinic-wide list). */
	record Listed(Payment payment, String childName) {
	}

	/**
	 * Every family's payments received between {@code from} and {@code to} (either may be
	 * null), of one method (null: any), the latest received first.
	 */
	PageResponse<Listed> clinicWide(LocalDate from, LocalDate to, Payment.Method method, PageQuery page) {
		String where = " where (cast(:from as date) is null or p.received_on >= :from)"
				+ " and (cast(:to as date) is null or p.received_on <= :to)"
				+ " and (cast(:method as text) is null or p.method = :method)";
		long total = this.jdbc.sql("select count(*) from payments p" + where)
			.param("from", from)
			.param("to", to)
			.param("method", (method == null) ? null : method.value())
			.query(Long.class)
			.single();
		List<Listed> rows = this.jdbc
			.sql("select x.*, c.display_name as child_name from (" + SELECT + where
					+ ") x join child_names c on c.child_id = x.child_id"
					+ " order by x.received_on desc, x.recorded_at desc, x.id limit :limit offset :offset")
			.param("from", from)
			.param("to", to)
			.param("method", (method == null) ? null : method.value())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new Listed(map(rs, n), rs.getString("child_name")))
			.list();
		return PageResponse.of(rows, page, total);
	}

	static Payment map(ResultSet rs, int n) throws SQLException {
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
				Payment.Method.of(rs.getString("method")), rs.getString("reference"), rs.getBigDecimal("amount"),
				rs.getString("currency"), rs.getObject("received_on", LocalDate.class), rs.getString("note"),
				rs.getObject("recorded_by", UUID.class), rs.getString("recorded_by_name"),
				rs.getTimestamp("recorded_at").toInstant(), rs.getBigDecimal("allocated").setScale(2),
				rs.getBigDecimal("refunded").setScale(2), rs.getBoolean("reversed"));
	}

}
