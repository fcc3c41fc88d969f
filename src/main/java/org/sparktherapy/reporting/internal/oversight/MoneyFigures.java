package org.sparktherapy.reporting.internal.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The clinic's money for a period, from billing's published views (V40, ADR 0035):
 * {@code charge_facts}, {@code claim_facts}, {@code claim_remittance_facts} and
 * {@code ledger_facts}, and its functions of a day (V44) {@code claim_open_on} and
 * {@code family_open_items_on}. Charged: the charges of the period's service days, void
 * ones left out. Collected: what insurers paid on remittances of the period (the 835's
 * payment date, else its import day) and what families paid in it, less refunds, net of
 * reversals. Outstanding: what was open at the end of the period's last day (today for a
 * period that has not ended) — insurers' open claim balances (a claim a submitted
 * replacement superseded is counted on the replacement) and families' open items, as the
 * entries dated by then leave them — by age in days on that day (claims since submitted,
 * family items since they occurred). Denial rate: of the period's adjudications per payer
 * (paid, partly paid, denied), the share denied.
 */
@Repository
class MoneyFigures {

	private static final BigDecimal ZERO = new BigDecimal("0.00");

	private final JdbcClient jdbc;

	MoneyFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Charged in the period, insurers' and families' (private pay). */
	record Charged(int charges, BigDecimal insurance, BigDecimal privatePay) {

		BigDecimal total() {
			return this.insurance.add(this.privatePay);
		}

	}

	/** Collected in the period. */
	record Collected(BigDecimal insurance, BigDecimal families) {

		BigDecimal total() {
			return this.insurance.add(this.families);
		}

	}

	/** Open amounts by age: 0–30, 31–60, 61–90 and over 90 days. */
	record Aged(String source, BigDecimal days0To30, BigDecimal days31To60, BigDecimal days61To90, BigDecimal over90) {

		BigDecimal total() {
			return this.days0To30.add(this.days31To60).add(this.days61To90).add(this.over90);
		}

		Aged plus(Aged other) {
			return new Aged("total", this.days0To30.add(other.days0To30), this.days31To60.add(other.days31To60),
					this.days61To90.add(other.days61To90), this.over90.add(other.over90));
		}

	}

	/** A payer's adjudications of the period. */
	record Denials(UUID payerId, String payerName, int adjudicated, int denied, BigDecimal deniedCharge) {

		/** The share denied, in percent with one decimal. */
		BigDecimal ratePercent() {
			return (this.adjudicated == 0) ? new BigDecimal("0.0") : BigDecimal.valueOf(this.denied * 100L)
				.divide(BigDecimal.valueOf(this.adjudicated), 1, RoundingMode.HALF_UP);
		}

	}

	Charged charged(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select count(*) as charges,
				  coalesce(sum(amount) filter (where payer_kind = 'insurance'), 0) as insurance,
				  coalesce(sum(amount) filter (where payer_kind = 'private_pay'), 0) as private_pay
				from charge_facts where status <> 'void' and service_date between :from and :to""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new Charged(rs.getInt("charges"), money(rs.getBigDecimal("insurance")),
					money(rs.getBigDecimal("private_pay"))))
			.single();
	}

	Collected collected(LocalDate from, LocalDate to, ZoneId zone) {
		BigDecimal insurance = this.jdbc.sql("""
				select coalesce(sum(paid), 0) from claim_remittance_facts
				where coalesce(payment_date, (imported_at at time zone :zone)::date) between :from and :to""")
			.param("zone", zone.getId())
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(BigDecimal.class)
			.single();
		BigDecimal families = this.jdbc.sql("""
				select coalesce(-sum(amount), 0) from ledger_facts
				where (kind in ('payment', 'refund') or reverses_kind in ('payment', 'refund'))
				  and occurred_on between :from and :to""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(BigDecimal.class)
			.single();
		return new Collected(money(insurance), money(families));
	}

	/**
	 * Insurers' and families' open amounts at the end of {@code day}, by their age that
	 * day: billing's {@code claim_open_on} and {@code family_open_items_on} (V44), which
	 * count only what is dated on or before the day — claims submitted, remittances
	 * received, family items, payments, refunds, credits and reversals.
	 */
	List<Aged> outstanding(LocalDate day, ZoneId zone) {
		String buckets = """
				coalesce(sum(open) filter (where age <= 30), 0) as d0,
				coalesce(sum(open) filter (where age between 31 and 60), 0) as d31,
				coalesce(sum(open) filter (where age between 61 and 90), 0) as d61,
				coalesce(sum(open) filter (where age > 90), 0) as d90""";
		Aged insurance = this.jdbc.sql("select " + buckets + " " + """
				from (select open_balance as open, cast(:day as date) - submitted_on as age
				      from claim_open_on(:day, :zone) where open_balance <> 0) o""")
			.param("day", Date.valueOf(day))
			.param("zone", zone.getId())
			.query((rs, n) -> aged("insurance", rs))
			.single();
		Aged families = this.jdbc.sql("select " + buckets + " " + """
				from (select open_amount as open, cast(:day as date) - occurred_on as age
				      from family_open_items_on(:day)) o""")
			.param("day", Date.valueOf(day))
			.query((rs, n) -> aged("families", rs))
			.single();
		return List.of(insurance, families);
	}

	/** Each payer's adjudications of the period, by payer name. */
	List<Denials> denials(LocalDate from, LocalDate to, ZoneId zone) {
		return this.jdbc.sql("""
				select payer_id, payer_name, count(*) as adjudicated,
				  count(*) filter (where outcome = 'denied') as denied,
				  coalesce(sum(charge) filter (where outcome = 'denied'), 0) as denied_charge
				from claim_remittance_facts
				where outcome in ('paid', 'partially_paid', 'denied')
				  and coalesce(payment_date, (imported_at at time zone :zone)::date) between :from and :to
				group by payer_id, payer_name
				order by payer_name, payer_id""")
			.param("zone", zone.getId())
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new Denials(rs.getObject("payer_id", UUID.class), rs.getString("payer_name"),
					rs.getInt("adjudicated"), rs.getInt("denied"), money(rs.getBigDecimal("denied_charge"))))
			.list();
	}

	private static Aged aged(String source, java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Aged(source, money(rs.getBigDecimal("d0")), money(rs.getBigDecimal("d31")),
				money(rs.getBigDecimal("d61")), money(rs.getBigDecimal("d90")));
	}

	private static BigDecimal money(BigDecimal amount) {
		return (amount == null) ? ZERO : amount.setScale(2, RoundingMode.HALF_UP);
	}

}
