package org.sparktherapy.billing.internal.charges;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Children's coverages (PHI: callers audit). */
@Repository
class CoverageRepository {

	private final JdbcClient jdbc;

	CoverageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Coverage> find(UUID id) {
		return this.jdbc.sql("select * from coverages where id = :id")
			.param("id", id)
			.query(CoverageRepository::map)
			.optional();
	}

	/** The child's coverages, the latest start first. */
	List<Coverage> ofChild(UUID childId) {
		return this.jdbc.sql("select * from coverages where child_id = :child order by starts_on desc, priority")
			.param("child", childId)
			.query(CoverageRepository::map)
			.list();
	}

	/**
	 * The child's primary coverage on the date, if any (else the child is private pay).
	 */
	Optional<Coverage> primaryOn(UUID childId, LocalDate date) {
		return this.jdbc.sql("""
				select * from coverages
				where child_id = :child and priority = 1 and starts_on <= :date
				  and (ends_on is null or ends_on >= :date)""")
			.param("child", childId)
			.param("date", date)
			.query(CoverageRepository::map)
			.optional();
	}

	/**
	 * Another coverage of the child with the same priority on some of the days, if any.
	 */
	Optional<UUID> overlapping(UUID childId, Coverage.Terms terms, UUID except) {
		return this.jdbc.sql("""
				select id from coverages
				where child_id = :child and priority = :priority and id <> :except
				  and daterange(starts_on, ends_on, '[]') && daterange(:start, :end, '[]')
				limit 1""")
			.param("child", childId)
			.param("priority", terms.priority())
			.param("except", except)
			.param("start", terms.startsOn())
			.param("end", terms.endsOn())
			.query(UUID.class)
			.optional();
	}

	void insert(UUID id, UUID childId, Coverage.Terms terms, Instant at) {
		this.jdbc.sql("""
				insert into coverages (id, child_id, payer_id, member_id, group_number, subscriber_name,
				  subscriber_relationship, subscriber_date_of_birth, subscriber_address_line1, subscriber_address_line2,
				  subscriber_address_city, subscriber_address_state, subscriber_address_postal_code, diagnosis_codes,
				  starts_on, ends_on, priority, created_at, updated_at)
				values (:id, :child, :payer, :member, :group, :subscriber, :relationship, :dob, :line1, :line2, :city,
				  :state, :postal, :codes, :start, :end, :priority, :at, :at)""")
			.param("id", id)
			.param("child", childId)
			.params(params(terms))
			.param("at", Timestamp.from(at))
			.update();
	}

	boolean update(UUID id, int version, Coverage.Terms terms, Instant at) {
		return this.jdbc
			.sql("""
					update coverages set payer_id = :payer, member_id = :member, group_number = :group,
					  subscriber_name = :subscriber, subscriber_relationship = :relationship,
					  subscriber_date_of_birth = :dob, subscriber_address_line1 = :line1,
					  subscriber_address_line2 = :line2, subscriber_address_city = :city, subscriber_address_state = :state,
					  subscriber_address_postal_code = :postal, diagnosis_codes = :codes, starts_on = :start, ends_on = :end,
					  priority = :priority, updated_at = :at, version = version + 1
					where id = :id and version = :version""")
			.param("id", id)
			.param("version", version)
			.params(params(terms))
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Whether a charge was billed under the coverage. */
	boolean charged(UUID id) {
		return this.jdbc.sql("select exists (select 1 from charges where coverage_id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from coverages where id = :id").param("id", id).update();
	}

	private static Map<String, Object> params(Coverage.Terms terms) {
		Map<String, Object> params = new HashMap<>();
		params.put("payer", terms.payerId());
		params.put("member", terms.memberId());
		params.put("group", terms.groupNumber());
		Coverage.Subscriber subscriber = terms.subscriber();
		params.put("subscriber", subscriber.name());
		params.put("relationship", subscriber.relationship());
		params.put("dob", subscriber.dateOfBirth());
		Address address = (subscriber.address() != null) ? subscriber.address() : Address.NONE;
		params.put("line1", address.line1());
		params.put("line2", address.line2());
		params.put("city", address.city());
		params.put("state", address.state());
		params.put("postal", address.postalCode());
		params.put("codes", terms.diagnosisCodes().toArray(String[]::new));
		params.put("start", terms.startsOn());
		params.put("end", terms.endsOn());
		params.put("priority", terms.priority());
		return params;
	}

	static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : List.of((String[]) array.getArray());
	}

	private static Coverage map(ResultSet rs, int row) throws SQLException {
		return new Coverage(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
				rs.getObject("payer_id", UUID.class), rs.getString("member_id"), rs.getString("group_number"),
				new Coverage.Subscriber(rs.getString("subscriber_name"), rs.getString("subscriber_relationship"),
						rs.getObject("subscriber_date_of_birth", LocalDate.class),
						(rs.getString("subscriber_address_line1") == null) ? null : new Address(
								rs.getString("subscriber_address_line1"), rs.getString("subscriber_address_line2"),
								rs.getString("subscriber_address_city"), rs.getString("subscriber_address_state"),
								rs.getString("subscriber_address_postal_code"))),
				strings(rs.getArray("diagnosis_codes")), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getInt("priority"), rs.getInt("version"));
	}

}
