package org.sparktherapy.billing.internal.charges;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.platform.web.SortColumns;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Charges, one per completed appointment. */
@Repository
class ChargeRepository {

	static final SortColumns SORTABLE = SortColumns.of(Map.of("serviceDate", "c.service_date", "amount", "c.amount",
			"createdAt", "c.created_at", "childName", "n.display_name"));

	private static final TypeReference<List<HoldReason>> REASONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ChargeRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Charge> find(UUID id) {
		return this.jdbc.sql("select * from charges where id = :id").param("id", id).query(this::map).optional();
	}

	/** The charge, locked for a change, if it exists. */
	Optional<Charge> lock(UUID id) {
		return this.jdbc.sql("select * from charges where id = :id for update")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	Optional<Charge> ofAppointment(UUID appointmentId) {
		return this.jdbc.sql("select * from charges where appointment_id = :id for update")
			.param("id", appointmentId)
			.query(this::map)
			.optional();
	}

	List<Charge> ofSession(UUID sessionId) {
		return this.jdbc.sql("select * from charges where session_id = :id for update")
			.param("id", sessionId)
			.query(this::map)
			.list();
	}

	List<Charge> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, Charge> found = new HashMap<>();
		this.jdbc.sql("select * from charges where id in (:ids)")
			.param("ids", ids)
			.query(this::map)
			.list()
			.forEach(c -> found.put(c.id(), c));
		return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	/** Locks the charges, in id order (so two callers never deadlock). */
	List<Charge> lockAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from charges where id in (:ids) order by id for update")
			.param("ids", ids)
			.query(this::map)
			.list();
	}

	List<Charge> ready(UUID payerId, LocalDate through) {
		return this.jdbc
			.sql("""
					select * from charges
					where payer_id = :payer and status = 'ready' and (cast(:through as date) is null or service_date <= :through)
					order by service_date, starts_at, id
					for update""")
			.param("payer", payerId)
			.param("through", through)
			.query(this::map)
			.list();
	}

	/** The held charges of a child (all children: null), for a re-check after an edit. */
	List<UUID> held(UUID childId) {
		return this.jdbc.sql("""
				select id from charges where status = 'held' and (cast(:child as uuid) is null or child_id = :child)
				order by service_date, starts_at, id""").param("child", childId).query(UUID.class).list();
	}

	/** The open (held or ready) charges of a child, oldest first. */
	List<UUID> open(UUID childId) {
		return this.jdbc.sql("""
				select id from charges where status in ('held', 'ready') and child_id = :child
				order by service_date, starts_at, id""").param("child", childId).query(UUID.class).list();
	}

	/** The open charges billed to a payer, oldest first. */
	List<UUID> openOfPayer(UUID payerId) {
		return this.jdbc.sql("""
				select id from charges where status in ('held', 'ready') and payer_id = :payer
				order by service_date, starts_at, id""").param("payer", payerId).query(UUID.class).list();
	}

	/** The open charges whose rendering or supervising provider is the account. */
	List<UUID> openOfProvider(UUID accountId) {
		return this.jdbc.sql("""
				select id from charges where status in ('held', 'ready')
				  and (rendering_provider_id = :id or supervising_provider_id = :id)
				order by service_date, starts_at, id""").param("id", accountId).query(UUID.class).list();
	}

	/** Every open charge (after a change of the clinic's settings). */
	List<UUID> allOpen() {
		return this.jdbc
			.sql("select id from charges where status in ('held', 'ready') order by service_date, starts_at, id")
			.query(UUID.class)
			.list();
	}

	/**
	 * The child's other charges (not void) whose times overlap, with their codes: the
	 * claim check allows only 97155 over 97153 (concurrent supervision, as scheduling's
	 * V17).
	 */
	List<Overlap> overlapping(UUID childId, Instant startsAt, Instant endsAt, UUID except) {
		return this.jdbc.sql("""
				select id, service_code from charges
				where child_id = :child and id <> :except and status <> 'void'
				  and tstzrange(starts_at, ends_at) && tstzrange(:start, :end)
				order by starts_at, id""")
			.param("child", childId)
			.param("except", except)
			.param("start", Timestamp.from(startsAt))
			.param("end", Timestamp.from(endsAt))
			.query((rs, i) -> new Overlap(rs.getObject("id", UUID.class), ServiceCode.of(rs.getString("service_code"))))
			.list();
	}

	record Overlap(UUID chargeId, ServiceCode serviceCode) {
	}

	/**
	 * The units earlier charges (not void, not held) already take from the authorization:
	 * those of an earlier service, or of the same start with a smaller id.
	 */
	long unitsBefore(UUID authorizationId, Instant startsAt, UUID except) {
		return this.jdbc.sql("""
				select coalesce(sum(units), 0) from charges
				where authorization_id = :auth and id <> :except and status in ('ready', 'claimed')
				  and (starts_at < :start or (starts_at = :start and id < :except))""")
			.param("auth", authorizationId)
			.param("except", except)
			.param("start", Timestamp.from(startsAt))
			.query(Long.class)
			.single();
	}

	/** Stores a new charge unless its appointment has one; whether it was stored. */
	boolean insert(Charge c) {
		Map<String, Object> params = params(c);
		params.put("id", c.id());
		params.put("appointment", c.appointmentId());
		params.put("child", c.childId());
		params.put("code", c.serviceCode().code());
		params.put("date", c.serviceDate());
		params.put("start", Timestamp.from(c.startsAt()));
		params.put("end", Timestamp.from(c.endsAt()));
		params.put("place", c.place().value());
		params.put("rendering", c.renderingProviderId());
		params.put("at", Timestamp.from(c.createdAt()));
		return this.jdbc.sql("""
				insert into charges (id, appointment_id, session_id, child_id, payer_id, coverage_id, service_code,
				  modifiers, service_date, starts_at, ends_at, minutes, units, unit_rate, amount, currency, place,
				  place_of_service, rendering_provider_id, supervising_provider_id, diagnosis_codes, authorization_id,
				  authorization_number, status, hold_reasons, created_at, updated_at)
				values (:id, :appointment, :session, :child, :payer, :coverage, :code, :modifiers, :date, :start, :end,
				  :minutes, :units, :rate, :amount, :currency, :place, :pos, :rendering, :supervising, :diagnoses,
				  :authorization, :authorizationNumber, :status, cast(:reasons as jsonb), :at, :at)
				on conflict (appointment_id) do nothing""").params(params).update() == 1;
	}

	/**
	 * Writes what the claim check found (payer, price, providers, status and reasons).
	 */
	void evaluated(Charge c, Instant at) {
		Map<String, Object> params = params(c);
		params.put("id", c.id());
		params.put("at", Timestamp.from(at));
		this.jdbc.sql("""
				update charges set session_id = :session, payer_id = :payer, coverage_id = :coverage,
				  modifiers = :modifiers, minutes = :minutes, units = :units, unit_rate = :rate, amount = :amount,
				  currency = :currency, place_of_service = :pos, supervising_provider_id = :supervising,
				  diagnosis_codes = :diagnoses, authorization_id = :authorization,
				  authorization_number = :authorizationNumber, status = :status, hold_reasons = cast(:reasons as jsonb),
				  updated_at = :at, version = version + 1
				where id = :id""").params(params).update();
	}

	/** Changes the status of the charges that have {@code from}; how many changed. */
	int changeStatus(Collection<UUID> ids, ChargeStatus from, ChargeStatus to, Instant at) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update charges set status = :to, updated_at = :at, version = version + 1
				where id in (:ids) and status = :from""")
			.param("ids", ids)
			.param("from", from.value())
			.param("to", to.value())
			.param("at", Timestamp.from(at))
			.update();
	}

	boolean markVoid(UUID id, int version, String reason, Instant at) {
		return this.jdbc.sql("""
				update charges set status = 'void', void_reason = :reason, updated_at = :at, version = version + 1
				where id = :id and version = :version and status in ('ready', 'held')""")
			.param("id", id)
			.param("version", version)
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** A page of charges matching the filter, with the child's and payer's names. */
	PageResponse<Listed> list(Filter filter, PageQuery page) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (filter.status() != null) {
			where.append(" and c.status = :status");
			params.put("status", filter.status().value());
		}
		if (filter.payerId() != null) {
			where.append(" and c.payer_id = :payer");
			params.put("payer", filter.payerId());
		}
		if (filter.childId() != null) {
			where.append(" and c.child_id = :child");
			params.put("child", filter.childId());
		}
		if (filter.from() != null) {
			where.append(" and c.service_date >= :from");
			params.put("from", filter.from());
		}
		if (filter.to() != null) {
			where.append(" and c.service_date <= :to");
			params.put("to", filter.to());
		}
		String from = """
				 from charges c
				join child_names n on n.child_id = c.child_id
				join payers p on p.id = c.payer_id
				join account_names r on r.account_id = c.rendering_provider_id
				left join account_names s on s.account_id = c.supervising_provider_id
				""";
		long total = this.jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		List<Listed> rows = this.jdbc
			.sql(LISTED + from + where + " order by " + page.orderBy() + ", c.id limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::mapListed)
			.list();
		return PageResponse.of(rows, page, total);
	}

	private static final String LISTED = "select c.*, n.display_name as child_name, p.name as payer_name,"
			+ " p.kind as payer_kind, r.name as rendering_name, s.name as supervising_name";

	/** One charge with the names a screen shows. */
	Optional<Listed> listed(UUID id) {
		return this.jdbc.sql(LISTED + """
				 from charges c
				join child_names n on n.child_id = c.child_id
				join payers p on p.id = c.payer_id
				join account_names r on r.account_id = c.rendering_provider_id
				left join account_names s on s.account_id = c.supervising_provider_id
				where c.id = :id""").param("id", id).query(this::mapListed).optional();
	}

	private Listed mapListed(ResultSet rs, int row) throws SQLException {
		return new Listed(map(rs, row), rs.getString("child_name"), rs.getString("payer_name"),
				PayerKind.of(rs.getString("payer_kind")), rs.getString("rendering_name"),
				rs.getString("supervising_name"));
	}

	/** What the charge list filters by; null: any. */
	record Filter(ChargeStatus status, UUID payerId, UUID childId, LocalDate from, LocalDate to) {
	}

	/** A charge with the names a list shows. */
	record Listed(Charge charge, String childName, String payerName, PayerKind payerKind, String renderingName,
			String supervisingName) {
	}

	/** Totals per status for the screen's tabs. */
	Map<ChargeStatus, Long> counts() {
		Map<ChargeStatus, Long> counts = new java.util.EnumMap<>(ChargeStatus.class);
		for (ChargeStatus status : ChargeStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("select status, count(*) as n from charges group by status")
			.query((rs, i) -> counts.put(ChargeStatus.of(rs.getString("status")), rs.getLong("n")))
			.list();
		return counts;
	}

	private Map<String, Object> params(Charge c) {
		Map<String, Object> params = new HashMap<>();
		params.put("session", c.sessionId());
		params.put("payer", c.payerId());
		params.put("coverage", c.coverageId());
		params.put("modifiers", c.modifiers().toArray(String[]::new));
		params.put("minutes", c.minutes());
		params.put("units", c.units());
		params.put("rate", c.unitRate());
		params.put("amount", c.amount());
		params.put("currency", c.currency());
		params.put("pos", c.placeOfService());
		params.put("supervising", c.supervisingProviderId());
		params.put("diagnoses", c.diagnosisCodes().toArray(String[]::new));
		params.put("authorization", c.authorizationId());
		params.put("authorizationNumber", c.authorizationNumber());
		params.put("status", c.status().value());
		params.put("reasons", this.json.writeValueAsString(c.holdReasons()));
		return params;
	}

	private Charge map(ResultSet rs, int row) throws SQLException {
		BigDecimal rate = rs.getBigDecimal("unit_rate");
		List<HoldReason> reasons = new ArrayList<>(this.json.readValue(rs.getString("hold_reasons"), REASONS));
		reasons.sort(Comparator.comparing(HoldReason::code));
		return new Charge(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
				rs.getObject("session_id", UUID.class), rs.getObject("child_id", UUID.class),
				rs.getObject("payer_id", UUID.class), rs.getObject("coverage_id", UUID.class),
				ServiceCode.of(rs.getString("service_code")), CoverageRepository.strings(rs.getArray("modifiers")),
				rs.getObject("service_date", LocalDate.class), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getInt("minutes"), rs.getInt("units"), rate,
				rs.getBigDecimal("amount"), rs.getString("currency"), Place.of(rs.getString("place")),
				rs.getString("place_of_service"), rs.getObject("rendering_provider_id", UUID.class),
				rs.getObject("supervising_provider_id", UUID.class),
				CoverageRepository.strings(rs.getArray("diagnosis_codes")),
				rs.getObject("authorization_id", UUID.class), rs.getString("authorization_number"),
				ChargeStatus.of(rs.getString("status")), reasons, rs.getString("void_reason"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("version"));
	}

}
