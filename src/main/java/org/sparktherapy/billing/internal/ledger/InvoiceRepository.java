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
 * Invoices and credit notes with their lines; what is open on an issued invoice is summed
 * from its items' ledger entries at each read.
 */
@Repository
class InvoiceRepository {

	private final JdbcClient jdbc;

	private final LedgerRepository entries;

	InvoiceRepository(JdbcClient jdbc, LedgerRepository entries) {
		this.jdbc = jdbc;
		this.entries = entries;
	}

	void insert(UUID id, UUID childId, Invoice.Kind kind, UUID creditsInvoice, LocalDate dueOn, UUID by, Instant at) {
		this.jdbc.sql("""
				insert into invoices (id, child_id, kind, credits_invoice, currency, due_on, created_by, created_at,
				  updated_at)
				values (:id, :child, :kind, :credits, :currency, :due, :by, :at, :at)
				""")
			.param("id", id)
			.param("child", childId)
			.param("kind", kind.value())
			.param("credits", creditsInvoice)
			.param("currency", Amounts.CURRENCY)
			.param("due", dueOn)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	void insertLine(UUID invoiceId, int position, Invoice.NewLine line, UUID entryId, UUID creditsEntry) {
		this.jdbc.sql("""
				insert into invoice_lines (id, invoice_id, position, description, service_date, quantity, unit_price,
				  amount, charge_id, entry_id, credits_entry)
				values (:id, :invoice, :position, :description, :date, :quantity, :price, :amount, :charge, :entry,
				  :credits)
				""")
			.param("id", UUID.randomUUID())
			.param("invoice", invoiceId)
			.param("position", position)
			.param("description", line.description())
			.param("date", line.serviceDate())
			.param("quantity", line.quantity())
			.param("price", line.unitPrice())
			.param("amount", line.amount())
			.param("charge", line.chargeId())
			.param("entry", entryId)
			.param("credits", creditsEntry)
			.update();
	}

	void linkLine(UUID lineId, UUID entryId) {
		this.jdbc.sql("update invoice_lines set entry_id = :entry where id = :id")
			.param("entry", entryId)
			.param("id", lineId)
			.update();
	}

	/** The next number of a kind: INV-000001, CN-000001. */
	String nextNumber(Invoice.Kind kind) {
		String sequence = (kind == Invoice.Kind.INVOICE) ? "invoice_number_seq" : "credit_note_number_seq";
		long next = this.jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
		return ((kind == Invoice.Kind.INVOICE) ? "INV-" : "CN-") + String.format("%06d", next);
	}

	/** Marks it issued unless someone changed it since {@code version}. */
	boolean issue(UUID id, int version, String number, LocalDate on, LocalDate due, Instant at) {
		return this.jdbc.sql("""
				update invoices set status = 'issued', number = :number, issued_on = :on,
				  due_on = coalesce(:due, due_on), updated_at = :at, version = version + 1
				where id = :id and version = :version and status = 'draft'
				""")
			.param("id", id)
			.param("version", version)
			.param("number", number)
			.param("on", on)
			.param("due", due)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	boolean voidIt(UUID id, int version, LocalDate on, String reason, Instant at) {
		return this.jdbc.sql("""
				update invoices set status = 'void', voided_on = :on, void_reason = :reason, updated_at = :at,
				  version = version + 1
				where id = :id and version = :version and status <> 'void'
				""")
			.param("id", id)
			.param("version", version)
			.param("on", on)
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Whether another invoice that is not void already bills this ledger entry. */
	boolean billedElsewhere(UUID entryId, UUID invoiceId) {
		return this.jdbc.sql("""
				select exists (select 1 from invoice_lines l join invoices i on i.id = l.invoice_id
				  where l.entry_id = :entry and i.id <> :invoice and i.kind = 'invoice' and i.status <> 'void')
				""").param("entry", entryId).param("invoice", invoiceId).query(Boolean.class).single();
	}

	/** Issued credit notes of an invoice. */
	boolean hasCreditNotes(UUID invoiceId) {
		return this.jdbc.sql("select exists (select 1 from invoices where credits_invoice = :id and status = 'issued')")
			.param("id", invoiceId)
			.query(Boolean.class)
			.single();
	}

	Optional<Invoice> find(UUID id) {
		return this.jdbc.sql("""
				select i.*, c.display_name from invoices i join child_names c on c.child_id = i.child_id
				where i.id = :id
				""").param("id", id).query(this::head).optional().map(this::withLines);
	}

	/** The child's invoices and credit notes, the newest first. */
	PageResponse<Invoice> ofChild(UUID childId, boolean drafts, PageQuery page) {
		String shown = drafts ? "" : " and status <> 'draft'";
		long total = this.jdbc.sql("select count(*) from invoices where child_id = :child" + shown)
			.param("child", childId)
			.query(Long.class)
			.single();
		List<Invoice> rows = this.jdbc.sql("""
				select i.*, c.display_name from invoices i join child_names c on c.child_id = i.child_id
				where i.child_id = :child%s order by i.created_at desc, i.id limit :limit offset :offset
				""".formatted(shown.replace("status", "i.status")))
			.param("child", childId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::head)
			.list()
			.stream()
			.map(this::withLines)
			.toList();
		return PageResponse.of(rows, page, total);
	}

	private Invoice withLines(Invoice head) {
		List<Invoice.Line> lines = this.jdbc.sql("select * from invoice_lines where invoice_id = :id order by position")
			.param("id", head.id())
			.query((rs, n) -> new Invoice.Line(rs.getObject("id", UUID.class), rs.getInt("position"),
					rs.getString("description"), rs.getObject("service_date", LocalDate.class), rs.getInt("quantity"),
					rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount"), rs.getObject("charge_id", UUID.class),
					rs.getObject("entry_id", UUID.class), rs.getObject("credits_entry", UUID.class)))
			.list();
		BigDecimal open = Amounts.ZERO;
		if (head.kind() == Invoice.Kind.INVOICE && head.status() == Invoice.Status.ISSUED) {
			for (Invoice.Line line : lines) {
				if (line.entryId() != null) {
					open = open.add(this.entries.find(line.entryId()).map(Entry::open).orElse(Amounts.ZERO));
				}
			}
		}
		return new Invoice(head.id(), head.childId(), head.childName(), head.kind(), head.number(), head.status(),
				head.creditsInvoice(), head.currency(), head.issuedOn(), head.dueOn(), head.voidedOn(),
				head.voidReason(), head.version(), lines, open);
	}

	private Invoice head(ResultSet rs, int n) throws SQLException {
		return new Invoice(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
				rs.getString("display_name"), Invoice.kind(rs.getString("kind")), rs.getString("number"),
				Invoice.status(rs.getString("status")), rs.getObject("credits_invoice", UUID.class),
				rs.getString("currency"), rs.getObject("issued_on", LocalDate.class),
				rs.getObject("due_on", LocalDate.class), rs.getObject("voided_on", LocalDate.class),
				rs.getString("void_reason"), rs.getInt("version"), List.of(), Amounts.ZERO);
	}

}
