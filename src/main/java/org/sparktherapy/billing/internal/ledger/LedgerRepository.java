package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
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
 * The ledger's entries and allocations (append-only: the database refuses updates and
 * deletes) and what is summed from them: balances, open items, payments' unallocated
 * money, aging. Nothing here is a stored counter.
 */
@Repository
class LedgerRepository {

	/**
	 * Whether entry {@code e} is an item the family owes (payments are allocated to it).
	 */
	static final String IS_ITEM = "(e.kind in ('charge', 'patient_responsibility') or (e.kind = 'adjustment' and e.amount > 0))";

	/**
	 * An entry with its reversal and, for an item, what is still open: its amount less
	 * the payments allocated to it and the credits (write-offs, credit adjustments) that
	 * apply to it and were not reversed; nothing once it was reversed.
	 */
	private static final String SELECT = """
			select e.*, r.id as reversed_by,
			  case when %1$s then
			    case when r.id is not null then 0.00 else e.amount
			      - coalesce((select sum(a.amount) from payment_allocations a where a.entry_id = e.id), 0)
			      + coalesce((select sum(w.amount) from ledger_entries w where w.applies_to = e.id
			          and not exists (select 1 from ledger_entries x where x.reverses = w.id)), 0)
			    end
			  end as open
			from ledger_entries e
			left join ledger_entries r on r.reverses = e.id
			""".formatted(IS_ITEM);

	private final JdbcClient jdbc;

	LedgerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serializes money changes of one child (until the transaction ends), so two payments
	 * at once cannot allocate the same open item twice.
	 */
	void lock(UUID childId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:child, 28))")
			.param("child", childId.toString())
			.query(Object.class)
			.single();
	}

	UUID insert(Entry.Posting posting, UUID by, Instant at) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into ledger_entries (id, child_id, kind, amount, currency, occurred_on, description, charge_id,
				  payment_id, invoice_id, remittance_reference, insurance_paid, applies_to, reverses, recorded_by,
				  recorded_at, posting)
				values (:id, :child, :kind, :amount, :currency, :on, :description, :charge, :payment, :invoice,
				  :remittance, :paid, :appliesTo, :reverses, :by, :at,
				  case when :kind = 'charge' and cast(:charge as uuid) is not null then
				    coalesce((select max(p.posting) from ledger_entries p
				              where p.kind = 'charge' and p.charge_id = :charge), 0) + 1
				  else 1 end)
				""")
			.param("id", id)
			.param("child", posting.childId())
			.param("kind", posting.kind().value())
			.param("amount", posting.amount())
			.param("currency", Amounts.CURRENCY)
			.param("on", posting.occurredOn())
			.param("description", posting.description())
			.param("charge", posting.chargeId())
			.param("payment", posting.paymentId())
			.param("invoice", posting.invoiceId())
			.param("remittance", posting.remittanceReference())
			.param("paid", posting.insurancePaid())
			.param("appliesTo", posting.appliesTo())
			.param("reverses", posting.reverses())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
		return id;
	}

	Optional<Entry> find(UUID id) {
		return this.jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(LedgerRepository::map).optional();
	}

	Optional<Entry> familyShare(String remittanceReference) {
		return this.jdbc
			.sql(SELECT + " where e.kind = 'patient_responsibility' and e.remittance_reference = :reference")
			.param("reference", remittanceReference)
			.query(LedgerRepository::map)
			.optional();
	}

	/** The latest posting of a charge (reversed or not). */
	Optional<Entry> charge(UUID chargeId) {
		return this.jdbc
			.sql(SELECT + " where e.kind = 'charge' and e.charge_id = :charge order by e.posting desc limit 1")
			.param("charge", chargeId)
			.query(LedgerRepository::map)
			.optional();
	}

	/** The child's entries, the latest first. */
	PageResponse<Entry> ofChild(UUID childId, PageQuery page) {
		long total = this.jdbc.sql("select count(*) from ledger_entries where child_id = :child")
			.param("child", childId)
			.query(Long.class)
			.single();
		List<Entry> rows = this.jdbc
			.sql(SELECT + " where e.child_id = :child order by e.occurred_on desc, e.recorded_at desc, e.id"
					+ " limit :limit offset :offset")
			.param("child", childId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(LedgerRepository::map)
			.list();
		return PageResponse.of(rows, page, total);
	}

	/** The child's entries that occurred from {@code from} to {@code to}, in order. */
	List<Entry> between(UUID childId, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql(SELECT + " where e.child_id = :child and e.occurred_on between :from and :to"
					+ " order by e.occurred_on, e.recorded_at, e.id")
			.param("child", childId)
			.param("from", from)
			.param("to", to)
			.query(LedgerRepository::map)
			.list();
	}

	/** Entries posted by an invoice or credit note. */
	List<Entry> ofInvoice(UUID invoiceId) {
		return this.jdbc.sql(SELECT + " where e.invoice_id = :invoice order by e.occurred_on, e.recorded_at")
			.param("invoice", invoiceId)
			.query(LedgerRepository::map)
			.list();
	}

	/** The sum of the child's entries that occurred before {@code day}. */
	BigDecimal balanceBefore(UUID childId, LocalDate day) {
		return this.jdbc.sql(
				"select coalesce(sum(amount), 0.00) from ledger_entries where child_id = :child and occurred_on < :day")
			.param("child", childId)
			.param("day", day)
			.query(BigDecimal.class)
			.single()
			.setScale(2);
	}

	BigDecimal balance(UUID childId) {
		return this.jdbc.sql("select coalesce(sum(amount), 0.00) from ledger_entries where child_id = :child")
			.param("child", childId)
			.query(BigDecimal.class)
			.single()
			.setScale(2);
	}

	/** The first day with an entry, if any. */
	Optional<LocalDate> firstDay(UUID childId) {
		return Optional.ofNullable(this.jdbc.sql("select min(occurred_on) from ledger_entries where child_id = :child")
			.param("child", childId)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list()
			.get(0));
	}

	/** The child's items with money still owed, oldest first. */
	List<Entry> openItems(UUID childId) {
		return this.jdbc
			.sql("select * from (" + SELECT + " where e.child_id = :child and " + IS_ITEM
					+ ") x where x.open > 0 order by x.occurred_on, x.recorded_at")
			.param("child", childId)
			.query(LedgerRepository::map)
			.list();
	}

	/**
	 * An item open at the end of a day: whose, when it occurred and what was open of it.
	 */
	record OpenOn(UUID entryId, UUID childId, LocalDate occurredOn, BigDecimal open) {
	}

	/**
	 * Every family's items open at the end of {@code day}, oldest first, as the entries
	 * dated by then leave them ({@code family_open_items_on}, V44: the allocation rule
	 * replayed over them, whatever was dated or recorded later).
	 */
	List<OpenOn> openItemsOn(LocalDate day) {
		return this.jdbc.sql("""
				select entry_id, child_id, occurred_on, open_amount from family_open_items_on(:day)
				order by child_id, occurred_on, recorded_at, entry_id""")
			.param("day", day)
			.query((rs, n) -> new OpenOn(rs.getObject("entry_id", UUID.class), rs.getObject("child_id", UUID.class),
					rs.getObject("occurred_on", LocalDate.class), rs.getBigDecimal("open_amount").setScale(2)))
			.list();
	}

	/** Every family's balance at the end of {@code day}: its entries dated by then. */
	java.util.Map<UUID, BigDecimal> balancesOn(LocalDate day) {
		java.util.Map<UUID, BigDecimal> balances = new java.util.HashMap<>();
		this.jdbc.sql("""
				select child_id, sum(amount) as balance from ledger_entries where occurred_on <= :day
				group by child_id""")
			.param("day", day)
			.query((rs, n) -> balances.put(rs.getObject("child_id", UUID.class),
					rs.getBigDecimal("balance").setScale(2)))
			.list();
		return balances;
	}

	/**
	 * The child's payments with money not allocated to any item: a payment's amount
	 * (nothing once its entry was reversed) less its refunds that were not reversed, less
	 * what is allocated.
	 */
	List<FifoAllocation.Credit> credits(UUID childId) {
		return this.jdbc
			.sql("""
					select * from (
					  select p.id, p.received_on, p.recorded_at,
					    (case when exists (select 1 from ledger_entries pe join ledger_entries r on r.reverses = pe.id
					                       where pe.payment_id = p.id and pe.kind = 'payment') then 0 else p.amount end)
					    - coalesce((select sum(f.amount) from ledger_entries f where f.payment_id = p.id and f.kind = 'refund'
					                and not exists (select 1 from ledger_entries r where r.reverses = f.id)), 0)
					    - coalesce((select sum(a.amount) from payment_allocations a where a.payment_id = p.id), 0)
					    as unallocated
					  from payments p where p.child_id = :child
					) x where x.unallocated <> 0
					order by x.received_on, x.recorded_at
					""")
			.param("child", childId)
			.query((rs, n) -> new FifoAllocation.Credit(rs.getObject("id", UUID.class),
					rs.getObject("received_on", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(),
					rs.getBigDecimal("unallocated")))
			.list();
	}

	void allocate(UUID paymentId, UUID entryId, BigDecimal amount, Instant at) {
		this.jdbc.sql("""
				insert into payment_allocations (id, payment_id, entry_id, amount, created_at)
				values (:id, :payment, :entry, :amount, :at)
				""")
			.param("id", UUID.randomUUID())
			.param("payment", paymentId)
			.param("entry", entryId)
			.param("amount", amount)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** What is allocated, by payment and item. */
	record Allocated(UUID paymentId, UUID entryId, LocalDate occurredOn, BigDecimal amount) {
	}

	/**
	 * What a payment pays, by item, the newest item first (de-allocation takes those
	 * first).
	 */
	List<Allocated> allocationsOfPayment(UUID paymentId) {
		return allocated("a.payment_id = :id", paymentId);
	}

	/** Who pays an item, by payment. */
	List<Allocated> allocationsToEntry(UUID entryId) {
		return allocated("a.entry_id = :id", entryId);
	}

	private List<Allocated> allocated(String where, UUID id) {
		return this.jdbc.sql("""
				select a.payment_id, a.entry_id, e.occurred_on, sum(a.amount) as amount
				from payment_allocations a join ledger_entries e on e.id = a.entry_id
				where %s
				group by a.payment_id, a.entry_id, e.occurred_on, e.recorded_at
				having sum(a.amount) > 0
				order by e.occurred_on desc, e.recorded_at desc
				""".formatted(where))
			.param("id", id)
			.query((rs, n) -> new Allocated(rs.getObject("payment_id", UUID.class),
					rs.getObject("entry_id", UUID.class), rs.getObject("occurred_on", LocalDate.class),
					rs.getBigDecimal("amount")))
			.list();
	}

	/** One family's account at a glance. */
	record Account(UUID childId, String childName, BigDecimal balance, BigDecimal open, LocalDate oldestOpenOn,
			LocalDate lastPaymentOn) {
	}

	/**
	 * Children's accounts by name: every child with entries (admins, {@code visibleTo}
	 * null), or the children the account may see (a guardian's own), entries or not.
	 */
	PageResponse<Account> accounts(UUID visibleTo, PageQuery page) {
		String where = (visibleTo == null) ? "exists (select 1 from ledger_entries e where e.child_id = c.child_id)"
				: "exists (select 1 from child_visibility v where v.child_id = c.child_id and v.account_id = :me)";
		long total = this.jdbc.sql("select count(*) from child_names c where " + where)
			.param("me", visibleTo)
			.query(Long.class)
			.single();
		List<Account> rows = this.jdbc.sql("""
				select c.child_id, c.display_name,
				  (select coalesce(sum(e.amount), 0.00) from ledger_entries e where e.child_id = c.child_id) as balance,
				  (select max(p.received_on) from payments p where p.child_id = c.child_id) as last_payment_on
				from child_names c where %s
				order by c.display_name, c.child_id limit :limit offset :offset
				""".formatted(where))
			.param("me", visibleTo)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				UUID child = rs.getObject("child_id", UUID.class);
				return new Account(child, rs.getString("display_name"), rs.getBigDecimal("balance").setScale(2), null,
						null, rs.getObject("last_payment_on", LocalDate.class));
			})
			.list()
			.stream()
			.map(this::withOpenItems)
			.toList();
		return PageResponse.of(rows, page, total);
	}

	Account account(UUID childId, String name) {
		BigDecimal balance = balance(childId);
		LocalDate lastPayment = this.jdbc.sql("select max(received_on) from payments where child_id = :child")
			.param("child", childId)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list()
			.get(0);
		return withOpenItems(new Account(childId, name, balance, null, null, lastPayment));
	}

	private Account withOpenItems(Account account) {
		List<Entry> open = openItems(account.childId());
		BigDecimal sum = open.stream().map(Entry::open).reduce(Amounts.ZERO, BigDecimal::add);
		return new Account(account.childId(), account.childName(), account.balance(), sum,
				open.isEmpty() ? null : open.get(0).occurredOn(), account.lastPaymentOn());
	}

	/** Every child with entries: id and name (aging). */
	List<Account> childrenWithEntries() {
		return this.jdbc.sql("""
				select c.child_id, c.display_name from child_names c
				where exists (select 1 from ledger_entries e where e.child_id = c.child_id)
				order by c.display_name, c.child_id
				""")
			.query((rs, n) -> new Account(rs.getObject("child_id", UUID.class), rs.getString("display_name"), null,
					null, null, null))
			.list();
	}

	/**
	 * The credits (write-offs, credit adjustments) applied to an item and not reversed.
	 */
	BigDecimal creditedAmount(UUID itemId) {
		return this.jdbc.sql("""
				select coalesce(sum(w.amount), 0.00) from ledger_entries w where w.applies_to = :item
				  and not exists (select 1 from ledger_entries x where x.reverses = w.id)
				""").param("item", itemId).query(BigDecimal.class).single();
	}

	/**
	 * The write-offs and credit adjustments that apply to an item and were not reversed.
	 */
	List<Entry> creditsTo(UUID itemId) {
		return this.jdbc.sql(SELECT + " where e.applies_to = :item and r.id is null order by e.recorded_at desc")
			.param("item", itemId)
			.query(LedgerRepository::map)
			.list();
	}

	/** The child's display name, if the child exists. */
	Optional<String> childName(UUID childId) {
		return this.jdbc.sql("select display_name from child_names where child_id = :child")
			.param("child", childId)
			.query(String.class)
			.optional();
	}

	static Entry map(ResultSet rs, int n) throws SQLException {
		BigDecimal open = rs.getBigDecimal("open");
		return new Entry(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
				Entry.Kind.of(rs.getString("kind")), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getObject("occurred_on", LocalDate.class), rs.getString("description"),
				rs.getObject("charge_id", UUID.class), rs.getObject("payment_id", UUID.class),
				rs.getObject("invoice_id", UUID.class), rs.getString("remittance_reference"),
				rs.getBigDecimal("insurance_paid"), rs.getObject("applies_to", UUID.class),
				rs.getObject("reverses", UUID.class), rs.getObject("reversed_by", UUID.class),
				(open == null) ? null : open.setScale(2), rs.getObject("recorded_by", UUID.class),
				rs.getTimestamp("recorded_at").toInstant());
	}

}
