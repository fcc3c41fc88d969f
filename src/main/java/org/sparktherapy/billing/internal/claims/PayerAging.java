package org.sparktherapy.billing.internal.claims;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts receivable of the insurers on a day (ADR 0028): each claim's open balance —
 * billed, less what the payer paid and the adjustments (CO, PR, OA, PI, CR) of the
 * remittances received by then — by the claim's age in days since it was submitted (0–30,
 * 31–60, 61–90, over 90), summed per payer. Counted: originals and replacements the payer
 * received (not drafts, voids, void requests, nor a claim a submitted replacement
 * supersedes). Nothing is stored: the rows are summed from the claims and remittances at
 * each read, by {@code claim_open_on} (V44), the rule reporting's money figures read too.
 */
@Repository
class PayerAging {

	private final JdbcClient jdbc;

	PayerAging(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One payer's open claims by age; {@code payerId} null for the total. */
	record Row(UUID payerId, String payerName, int claims, BigDecimal current, BigDecimal days31To60,
			BigDecimal days61To90, BigDecimal over90, BigDecimal balance) {

		Row plus(Row other) {
			return new Row(null, null, this.claims + other.claims, this.current.add(other.current),
					this.days31To60.add(other.days31To60), this.days61To90.add(other.days61To90),
					this.over90.add(other.over90), this.balance.add(other.balance));
		}

		static Row zero() {
			BigDecimal zero = new BigDecimal("0.00");
			return new Row(null, null, 0, zero, zero, zero, zero, zero);
		}

	}

	/** Payers with an open balance on {@code asOf}, by name. */
	List<Row> on(LocalDate asOf, ZoneId zone) {
		return this.jdbc.sql("""
				with open_claims as (
				  select payer_id, submitted_on, open_balance as open from claim_open_on(:asOf, :zone)
				)
				select p.id, p.name, count(*) as claims,
				  sum(case when :asOf - o.submitted_on <= 30 then o.open else 0 end) as current,
				  sum(case when :asOf - o.submitted_on between 31 and 60 then o.open else 0 end) as days31to60,
				  sum(case when :asOf - o.submitted_on between 61 and 90 then o.open else 0 end) as days61to90,
				  sum(case when :asOf - o.submitted_on > 90 then o.open else 0 end) as over90,
				  sum(o.open) as balance
				from open_claims o join payers p on p.id = o.payer_id
				where o.open <> 0
				group by p.id, p.name
				order by p.name, p.id""")
			.param("zone", zone.getId())
			.param("asOf", Date.valueOf(asOf))
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("claims"),
					rs.getBigDecimal("current"), rs.getBigDecimal("days31to60"), rs.getBigDecimal("days61to90"),
					rs.getBigDecimal("over90"), rs.getBigDecimal("balance")))
			.list();
	}

}
