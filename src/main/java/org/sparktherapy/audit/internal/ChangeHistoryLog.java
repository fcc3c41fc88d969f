package org.sparktherapy.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sparktherapy.audit.ChangeHistory;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change history, one row per change with its changed fields as JSON.
 */
@Service
class ChangeHistoryLog implements ChangeHistory {

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	private final Accounts accounts;

	ChangeHistoryLog(JdbcClient jdbc, Clock clock, JsonMapper json, Accounts accounts) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
		this.accounts = accounts;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID childId, String entity, UUID entityId, String action, List<FieldChange> changes) {
		insert(childId, CurrentUser.signedIn().map(CurrentUser::id).orElse(null), entity, entityId, action, changes);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAutomatic(UUID childId, String entity, UUID entityId, String action, List<FieldChange> changes) {
		insert(childId, null, entity, entityId, action, changes);
	}

	private void insert(UUID childId, UUID accountId, String entity, UUID entityId, String action,
			List<FieldChange> changes) {
		this.jdbc.sql("""
				insert into change_history (id, child_id, at, account_id, entity, entity_id, action, changes)
				values (:id, :child, :at, :account, :entity, :entityId, :action, cast(:changes as jsonb))
				""")
			.param("id", UUID.randomUUID())
			.param("child", childId)
			.param("at", Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.param("account", accountId)
			.param("entity", entity)
			.param("entityId", entityId)
			.param("action", action)
			.param("changes", this.json.writeValueAsString(changes))
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public PageResponse<Entry> forChild(UUID childId, PageQuery page) {
		long total = this.jdbc.sql("select count(*) from change_history where child_id = :child")
			.param("child", childId)
			.query(Long.class)
			.single();
		List<Entry> rows = this.jdbc.sql("""
				select id, at, account_id, entity, entity_id, action, changes::text as changes
				from change_history where child_id = :child order by at desc, id limit :limit offset :offset
				""")
			.param("child", childId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
					new Actor(rs.getObject("account_id", UUID.class), null), rs.getString("entity"),
					rs.getObject("entity_id", UUID.class), rs.getString("action"),
					this.json.readValue(rs.getString("changes"), CHANGES)))
			.list();
		Map<UUID, String> names = new java.util.HashMap<>();
		List<Entry> named = rows.stream()
			.map(entry -> new Entry(entry.id(), entry.at(),
					(entry.by().id() == null) ? null
							: new Actor(entry.by().id(),
									names.computeIfAbsent(entry.by().id(),
											id -> this.accounts.findById(id).map(AccountSummary::name).orElse(null))),
					entry.entity(), entry.entityId(), entry.action(), entry.changes()))
			.toList();
		return PageResponse.of(named, page, total);
	}

}
