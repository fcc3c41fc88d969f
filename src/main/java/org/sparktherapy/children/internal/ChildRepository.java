package org.sparktherapy.children.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.platform.web.SortColumns;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Children, guardians and care-team links in PostgreSQL. Visibility filters for lists are
 * SQL, decided by {@link ChildAccessPolicy#visibilityFilter}. People's names come from
 * identity's published view {@code account_names}, guardians' email addresses from its
 * {@link Accounts} facade (ADR 0021).
 */
@Repository
class ChildRepository {

	static final SortColumns SORTABLE = SortColumns
		.of(Map.of("lastName", "lower(c.last_name)", "firstName", "lower(c.first_name)", "dateOfBirth",
				"c.date_of_birth", "status", "c.status", "createdAt", "c.created_at"));

	private static final TypeReference<List<ChildDetails.EmergencyContact>> CONTACTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Accounts accounts;

	/*
	 * Readers of the record's JSON columns, resolved once: a mapper's readValue with a
	 * TypeReference builds the type and looks up its deserializer on every call (a child
	 * read parses four columns; issue 16's per-request CPU, ADR 0048 session 14).
	 */
	private final ObjectReader contactsReader;

	private final ObjectReader insuranceReader;

	private final ObjectReader guardianLinksReader;

	private final ObjectReader teamReader;

	ChildRepository(JdbcClient jdbc, JsonMapper json, Accounts accounts) {
		this.jdbc = jdbc;
		this.json = json;
		this.accounts = accounts;
		this.contactsReader = json.readerFor(CONTACTS);
		this.insuranceReader = json.readerFor(ChildDetails.Insurance.class);
		this.guardianLinksReader = json.readerFor(GUARDIAN_LINKS);
		this.teamReader = json.readerFor(TEAM);
	}

	/** A row of a children list. */
	record ChildSummary(UUID id, String firstName, String lastName, @Nullable String preferredName,
			java.time.LocalDate dateOfBirth, ChildStatus status, @Nullable java.time.LocalDate intakeDate) {
	}

	void insert(UUID id, ChildDetails details, ChildStatus status, Instant now) {
		this.jdbc.sql("""
				insert into children (id, first_name, last_name, preferred_name, date_of_birth, diagnosis_codes, status,
				    intake_date, school, medical_notes, allergies, emergency_contacts, insurance, sex, address_line1,
				    address_line2, address_city, address_state, address_postal_code, created_at, updated_at)
				values (:id, :firstName, :lastName, :preferredName, :dob, :codes, :status, :intake, :school, :notes,
				    :allergies, cast(:contacts as jsonb), cast(:insurance as jsonb), :sex, :line1, :line2, :city,
				    :state, :postalCode, :now, :now)
				""")
			.param("id", id)
			.param("status", status.value())
			.param("now", Timestamp.from(now))
			.params(detailParams(details))
			.update();
	}

	/** Saves details and status if the version is still {@code version}. */
	void update(UUID id, ChildDetails details, ChildStatus status, int version, Instant now) {
		int updated = this.jdbc.sql("""
				update children set first_name = :firstName, last_name = :lastName, preferred_name = :preferredName,
				    date_of_birth = :dob, diagnosis_codes = :codes, status = :status, intake_date = :intake,
				    school = :school, medical_notes = :notes, allergies = :allergies,
				    emergency_contacts = cast(:contacts as jsonb), insurance = cast(:insurance as jsonb), sex = :sex,
				    address_line1 = :line1, address_line2 = :line2, address_city = :city, address_state = :state,
				    address_postal_code = :postalCode, updated_at = :now, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("status", status.value())
			.param("now", Timestamp.from(now))
			.param("version", version)
			.params(detailParams(details))
			.update();
		if (updated == 0) {
			throw new StaleVersion();
		}
	}

	/** Marks the child changed (a guardian or care-team change), bumping its version. */
	void touch(UUID id, Instant now) {
		this.jdbc.sql("update children set updated_at = :now, version = version + 1 where id = :id")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
	}

	private Map<String, Object> detailParams(ChildDetails d) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("firstName", d.firstName());
		params.put("lastName", d.lastName());
		params.put("preferredName", d.preferredName());
		params.put("dob", Date.valueOf(d.dateOfBirth()));
		params.put("codes", d.diagnosisCodes().toArray(String[]::new));
		params.put("intake", (d.intakeDate() != null) ? Date.valueOf(d.intakeDate()) : null);
		params.put("school", d.school());
		params.put("notes", d.medicalNotes());
		params.put("allergies", d.allergies());
		params.put("contacts", this.json.writeValueAsString(d.emergencyContacts()));
		params.put("insurance", (d.insurance() != null) ? this.json.writeValueAsString(d.insurance()) : null);
		params.put("sex", (d.sex() != null) ? d.sex().value() : null);
		ChildDetails.HomeAddress address = d.address();
		params.put("line1", (address != null) ? address.line1() : null);
		params.put("line2", (address != null) ? address.line2() : null);
		params.put("city", (address != null) ? address.city() : null);
		params.put("state", (address != null) ? address.state() : null);
		params.put("postalCode", (address != null) ? address.postalCode() : null);
		return params;
	}

	/**
	 * The child's row with its guardians' links and its care team, aggregated as JSON in
	 * the same statement (one round trip for the whole record); the guardians' names and
	 * email addresses come from identity's {@link Accounts} facade.
	 */
	private static final String RECORD = """
			select c.*,
			    coalesce((select json_agg(json_build_object('accountId', g.account_id, 'relationship', g.relationship,
			                                                'canSign', g.can_sign) order by g.added_at)
			              from guardians g where g.child_id = c.id), '[]') as guardian_links,
			    coalesce((select json_agg(json_build_object('userId', m.account_id, 'name', a.name,
			                                                'credential', a.credential, 'role', m.role)
			                              order by m.role desc, a.name)
			              from care_team_members m join account_names a on a.account_id = m.account_id
			              where m.child_id = c.id), '[]') as care_team
			""";

	Optional<Child> find(UUID id, boolean forUpdate) {
		return this.jdbc.sql(RECORD + " from children c where c.id = :id" + (forUpdate ? " for update of c" : ""))
			.param("id", id)
			.query((rs, n) -> mapChild(rs))
			.optional();
	}

	/**
	 * A child's record as one user sees it: what the user is to the child, and the
	 * record.
	 */
	record Seen(@Nullable String relation, @Nullable Child child) {
	}

	/**
	 * What the user is to the child ({@code relation}, an SQL expression on
	 * {@code children c} and {@code :me} from {@link ChildAccessPolicy#relationColumn})
	 * and, when it is anything, the child's record — one statement. Empty for an unknown
	 * child; a {@code null} relation and no record for a child the user may not see.
	 */
	Optional<Seen> findAs(UUID id, String relation, UUID me) {
		return this.jdbc.sql(RECORD + ", " + relation + " as relation from children c where c.id = :id")
			.param("id", id)
			.param("me", me)
			.query((rs, n) -> {
				String seenAs = rs.getString("relation");
				return new Seen(seenAs, (seenAs != null) ? mapChild(rs) : null);
			})
			.optional();
	}

	/**
	 * What the user is to the child ({@code relation} as for {@link #findAs}), without
	 * the record; empty for an unknown child and for a child the user may not see.
	 */
	Optional<String> relation(UUID id, String relation, UUID me) {
		return this.jdbc.sql("select " + relation + " from children c where c.id = :id")
			.param("id", id)
			.param("me", me)
			.query((rs, n) -> rs.getString(1))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/** "Ava C.": the preferred (else first) name and the last name's initial. */
	Optional<String> shortName(UUID id) {
		return this.jdbc.sql("""
				select coalesce(nullif(btrim(preferred_name), ''), btrim(first_name))
				       || coalesce(' ' || nullif(upper(left(btrim(last_name), 1)), '') || '.', '')
				from children where id = :id
				""").param("id", id).query(String.class).optional();
	}

	Optional<ChildStatus> status(UUID id) {
		return this.jdbc.sql("select status from children where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(ChildStatus::of);
	}

	List<org.sparktherapy.children.Children.ChildFacts> caseload(UUID therapistId) {
		return this.jdbc.sql("""
				select c.id, c.status from children c join care_team_members m on m.child_id = c.id
				where m.account_id = :therapist order by c.created_at, c.id
				""")
			.param("therapist", therapistId)
			.query((rs, n) -> new org.sparktherapy.children.Children.ChildFacts(rs.getObject(1, UUID.class),
					ChildStatus.of(rs.getString(2))))
			.list();
	}

	org.sparktherapy.children.Children.ChildPeople peopleOf(UUID childId) {
		java.util.Set<UUID> guardians = new java.util.LinkedHashSet<>();
		java.util.Set<UUID> supervisors = new java.util.LinkedHashSet<>();
		java.util.Set<UUID> technicians = new java.util.LinkedHashSet<>();
		this.jdbc.sql("""
				select account_id, 'guardian' as role, added_at, 0 as part from guardians where child_id = :child
				union all
				select account_id, role, added_at, 1 from care_team_members where child_id = :child
				order by part, added_at, account_id
				""").param("child", childId).query((rs, n) -> {
			java.util.Set<UUID> people = switch (rs.getString(2)) {
				case "guardian" -> guardians;
				case "supervisor" -> supervisors;
				default -> technicians;
			};
			return people.add(rs.getObject(1, UUID.class));
		}).list();
		return new org.sparktherapy.children.Children.ChildPeople(childId, guardians, supervisors, technicians);
	}

	List<UUID> childrenOfGuardian(UUID guardianId) {
		return this.jdbc.sql("""
				select c.id from children c join guardians g on g.child_id = c.id
				where g.account_id = :guardian order by c.created_at, c.id
				""").param("guardian", guardianId).query(UUID.class).list();
	}

	boolean mayGuardianSign(UUID childId, UUID accountId) {
		return this.jdbc.sql(
				"select exists (select 1 from guardians where child_id = :child and account_id = :account and can_sign)")
			.param("child", childId)
			.param("account", accountId)
			.query(Boolean.class)
			.single();
	}

	PageResponse<ChildSummary> search(String visibility, CurrentUser user, String text, ChildStatus status,
			boolean includeArchived, PageQuery page) {
		StringBuilder where = new StringBuilder(" where ").append(visibility);
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("me", user.id());
		if (text != null && !text.isBlank()) {
			where.append(" and (lower(c.first_name) like :text or lower(c.last_name) like :text"
					+ " or lower(coalesce(c.preferred_name, '')) like :text"
					+ " or lower(c.first_name || ' ' || c.last_name) like :text)");
			params.put("text",
					"%" + text.trim()
						.toLowerCase(java.util.Locale.ROOT)
						.replace("\\", "\\\\")
						.replace("%", "\\%")
						.replace("_", "\\_") + "%");
		}
		if (status != null) {
			where.append(" and c.status = :status");
			params.put("status", status.value());
		}
		else if (!includeArchived) {
			where.append(" and c.status <> 'archived'");
		}
		// the total with the page (a window over every match), so one statement; a page
		// past the end
		// has no row to carry it and counts on its own
		long[] total = { -1 };
		List<ChildSummary> rows = this.jdbc
			.sql("select c.id, c.first_name, c.last_name, c.preferred_name, c.date_of_birth, c.status, c.intake_date,"
					+ " count(*) over () as total from children c" + where + " order by " + page.orderBy()
					+ ", c.id limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return new ChildSummary(rs.getObject("id", UUID.class), rs.getString("first_name"),
						rs.getString("last_name"), rs.getString("preferred_name"),
						rs.getObject("date_of_birth", java.time.LocalDate.class),
						ChildStatus.of(rs.getString("status")), rs.getObject("intake_date", java.time.LocalDate.class));
			})
			.list();
		if (total[0] < 0) {
			total[0] = (page.offset() == 0) ? 0
					: this.jdbc.sql("select count(*) from children c" + where)
						.params(params)
						.query(Long.class)
						.single();
		}
		return PageResponse.of(rows, page, total[0]);
	}

	void addGuardian(UUID childId, UUID accountId, String relationship, boolean canSign, Instant now) {
		this.jdbc.sql("""
				insert into guardians (child_id, account_id, relationship, can_sign, added_at)
				values (:child, :account, :relationship, :canSign, :now)
				on conflict (child_id, account_id) do update set relationship = excluded.relationship,
				    can_sign = excluded.can_sign
				""")
			.param("child", childId)
			.param("account", accountId)
			.param("relationship", relationship)
			.param("canSign", canSign)
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean removeGuardian(UUID childId, UUID accountId) {
		return this.jdbc.sql("delete from guardians where child_id = :child and account_id = :account")
			.param("child", childId)
			.param("account", accountId)
			.update() > 0;
	}

	void addCareTeamMember(UUID childId, UUID accountId, Child.TeamRole role, Instant now) {
		this.jdbc
			.sql("""
					insert into care_team_members (child_id, account_id, role, added_at) values (:child, :account, :role, :now)
					on conflict (child_id, account_id) do update set role = excluded.role
					""")
			.param("child", childId)
			.param("account", accountId)
			.param("role", role.value())
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean removeCareTeamMember(UUID childId, UUID accountId) {
		return this.jdbc.sql("delete from care_team_members where child_id = :child and account_id = :account")
			.param("child", childId)
			.param("account", accountId)
			.update() > 0;
	}

	/** A guardian's link as {@link #RECORD} aggregates it. */
	record GuardianLink(UUID accountId, String relationship, boolean canSign) {
	}

	/** A care-team member as {@link #RECORD} aggregates it. */
	record TeamMember(UUID userId, String name, @Nullable String credential, String role) {
	}

	private static final TypeReference<List<GuardianLink>> GUARDIAN_LINKS = new TypeReference<>() {
	};

	private static final TypeReference<List<TeamMember>> TEAM = new TypeReference<>() {
	};

	private Child mapChild(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Array codes = rs.getArray("diagnosis_codes");
		String insurance = rs.getString("insurance");
		ChildDetails details = new ChildDetails(rs.getString("first_name"), rs.getString("last_name"),
				rs.getString("preferred_name"), rs.getObject("date_of_birth", java.time.LocalDate.class),
				List.of((String[]) codes.getArray()), rs.getObject("intake_date", java.time.LocalDate.class),
				rs.getString("school"), rs.getString("medical_notes"), rs.getString("allergies"),
				this.contactsReader.readValue(rs.getString("emergency_contacts")),
				(insurance != null) ? this.insuranceReader.readValue(insurance) : null,
				(rs.getString("sex") != null) ? Sex.of(rs.getString("sex")) : null,
				(rs.getString("address_line1") != null) ? new ChildDetails.HomeAddress(rs.getString("address_line1"),
						rs.getString("address_line2"), rs.getString("address_city"), rs.getString("address_state"),
						rs.getString("address_postal_code")) : null);
		// names and email addresses through identity's facade (its view account_names
		// publishes no email): one query, and none for a child without guardians
		List<GuardianLink> links = this.guardianLinksReader.readValue(rs.getString("guardian_links"));
		Map<UUID, AccountSummary> accounts = links.isEmpty() ? Map.of()
				: this.accounts.findAllById(links.stream().map(GuardianLink::accountId).toList());
		List<Child.Guardian> guardians = links.stream().map(link -> {
			AccountSummary account = accounts.get(link.accountId());
			return new Child.Guardian(link.accountId(), account.name(), account.email(), link.relationship(),
					link.canSign());
		}).toList();
		List<Child.CareTeamMember> team = this.teamReader.<List<TeamMember>>readValue(rs.getString("care_team"))
			.stream()
			.map(member -> new Child.CareTeamMember(member.userId(), member.name(), member.credential(),
					Child.TeamRole.of(member.role())))
			.toList();
		return new Child(id, details, ChildStatus.of(rs.getString("status")), guardians, team,
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("version"),
				(rs.getTimestamp("erased_at") != null) ? rs.getTimestamp("erased_at").toInstant() : null);
	}

}
