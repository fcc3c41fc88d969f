package org.sparktherapy.programs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.platform.web.SortColumns;
import org.sparktherapy.programs.ProgramStatus;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.programs.internal.Program.MasteryCriterion;
import org.sparktherapy.programs.internal.Program.PhaseChange;
import org.sparktherapy.programs.internal.Program.ProgramDesign;
import org.sparktherapy.programs.internal.Program.Target;
import org.sparktherapy.vocabulary.Measurement;
import org.sparktherapy.vocabulary.ProgramKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Programs, targets and phase changes in PostgreSQL; every row carries the child's id.
 */
@Repository
class ProgramRepository {

	static final SortColumns SORTABLE = SortColumns.of(Map.of("createdAt", "created_at"));

	private final JdbcClient jdbc;

	ProgramRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID childId, ProgramDesign design, ProgramKind kind, Measurement measurement, Instant now) {
		MasteryCriterion c = design.masteryCriterion();
		this.jdbc.sql("""
				insert into programs (id, child_id, name, domain, objective, kind, measurement, mastery_percent,
				    mastery_consecutive_sessions, mastery_min_trials, auto_advance, status, created_at, updated_at)
				values (:id, :child, :name, :domain, :objective, :kind, :measurement, :percent, :sessions, :trials,
				    :autoAdvance, 'active', :now, :now)
				""")
			.param("autoAdvance", design.autoAdvance())
			.param("id", id)
			.param("child", childId)
			.param("name", design.name())
			.param("domain", design.domain().value())
			.param("objective", design.objective())
			.param("kind", kind.value())
			.param("measurement", measurement.value())
			.param("percent", (c != null) ? c.percent() : null)
			.param("sessions", (c != null) ? c.consecutiveSessions() : null)
			.param("trials", (c != null) ? c.minTrials() : null)
			.param("now", Timestamp.from(now))
			.update();
	}

	void update(Program program, ProgramDesign design, ProgramStatus status, Instant now) {
		MasteryCriterion c = design.masteryCriterion();
		int updated = this.jdbc.sql("""
				update programs set name = :name, domain = :domain, objective = :objective, mastery_percent = :percent,
				    mastery_consecutive_sessions = :sessions, mastery_min_trials = :trials, status = :status,
				    auto_advance = :autoAdvance,
				    updated_at = :now, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", program.id())
			.param("version", program.version())
			.param("name", design.name())
			.param("domain", design.domain().value())
			.param("objective", design.objective())
			.param("percent", (c != null) ? c.percent() : null)
			.param("sessions", (c != null) ? c.consecutiveSessions() : null)
			.param("trials", (c != null) ? c.minTrials() : null)
			.param("status", status.value())
			.param("autoAdvance", design.autoAdvance())
			.param("now", Timestamp.from(now))
			.update();
		if (updated == 0) {
			throw new StaleVersion();
		}
	}

	/** Marks the program changed (its targets changed), bumping its version. */
	void touch(UUID programId, Instant now) {
		this.jdbc.sql("update programs set updated_at = :now, version = version + 1 where id = :id")
			.param("id", programId)
			.param("now", Timestamp.from(now))
			.update();
	}

	void insertTarget(UUID id, UUID programId, UUID childId, String name, String definition, String notes,
			TargetPhase phase, Instant now) {
		this.jdbc
			.sql("""
					insert into targets (id, program_id, child_id, name, definition, notes, phase, position, created_at, updated_at)
					values (:id, :program, :child, :name, :definition, :notes, :phase,
					    (select coalesce(max(position), -1) + 1 from targets where program_id = :program), :now, :now)
					""")
			.param("id", id)
			.param("program", programId)
			.param("child", childId)
			.param("name", name)
			.param("definition", definition)
			.param("notes", notes)
			.param("phase", phase.value())
			.param("now", Timestamp.from(now))
			.update();
	}

	void updateTarget(UUID targetId, String name, String definition, String notes, TargetPhase phase, Instant now) {
		this.jdbc
			.sql("""
					update targets set name = :name, definition = :definition, notes = :notes, phase = :phase, updated_at = :now
					where id = :id
					""")
			.param("id", targetId)
			.param("name", name)
			.param("definition", definition)
			.param("notes", notes)
			.param("phase", phase.value())
			.param("now", Timestamp.from(now))
			.update();
	}

	void recordPhaseChange(UUID targetId, UUID childId, TargetPhase phase, UUID by, Instant at) {
		recordPhaseChange(targetId, childId, phase, by, at, null);
	}

	/**
	 * A phase change; with a {@code basis} (JSON) it was made automatically by the
	 * system.
	 */
	void recordPhaseChange(UUID targetId, UUID childId, TargetPhase phase, UUID by, Instant at, String basis) {
		this.jdbc.sql("""
				insert into target_phase_changes (id, target_id, child_id, phase, at, account_id, automatic, basis)
				values (:id, :target, :child, :phase, :at, :by, :automatic, cast(:basis as jsonb))
				""")
			.param("automatic", basis != null)
			.param("basis", basis)
			.param("id", UUID.randomUUID())
			.param("target", targetId)
			.param("child", childId)
			.param("phase", phase.value())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	/**
	 * Each target's latest phase change: whether it was automatic and, for an
	 * auto-advance, after which target.
	 */
	record LatestChange(UUID targetId, boolean automatic, UUID advancedAfter) {
	}

	List<LatestChange> latestChanges(UUID programId) {
		return this.jdbc.sql("""
				select distinct on (c.target_id) c.target_id, c.automatic, c.basis ->> 'advancedAfter' as after
				from target_phase_changes c join targets t on t.id = c.target_id
				where t.program_id = :program order by c.target_id, c.at desc, c.id desc
				""")
			.param("program", programId)
			.query((rs, n) -> new LatestChange(rs.getObject(1, UUID.class), rs.getBoolean(2),
					(rs.getString(3) != null) ? UUID.fromString(rs.getString(3)) : null))
			.list();
	}

	void reorder(UUID programId, List<UUID> targetIds) {
		for (int i = 0; i < targetIds.size(); i++) {
			this.jdbc.sql("update targets set position = :position where id = :id and program_id = :program")
				.param("position", i)
				.param("id", targetIds.get(i))
				.param("program", programId)
				.update();
		}
	}

	Optional<UUID> childOf(UUID programId) {
		return this.jdbc.sql("select child_id from programs where id = :id")
			.param("id", programId)
			.query(UUID.class)
			.optional();
	}

	Optional<Program> find(UUID id, boolean forUpdate) {
		return this.jdbc.sql("select * from programs where id = :id" + (forUpdate ? " for update" : ""))
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional()
			.map(program -> withTargets(List.of(program)).get(0));
	}

	/**
	 * A page of the child's programs with their targets: the page, then every target of
	 * the page with its phase changes in one statement (not two per program), and the
	 * programs counted only when the page does not tell the total.
	 */
	PageResponse<Program> forChild(UUID childId, boolean includeArchived, PageQuery page) {
		String where = " where child_id = :child" + (includeArchived ? "" : " and status <> 'archived'");
		List<Program> rows = this.jdbc
			.sql("select * from programs" + where + " order by " + page.orderBy() + ", id limit :limit offset :offset")
			.param("child", childId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> map(rs))
			.list();
		long total = (rows.size() < page.size() && (!rows.isEmpty() || page.offset() == 0))
				? page.offset() + rows.size()
				: this.jdbc.sql("select count(*) from programs" + where)
					.param("child", childId)
					.query(Long.class)
					.single();
		return PageResponse.of(withTargets(rows), page, total);
	}

	/**
	 * The programs with their targets (by position) and each target's phase changes
	 * (oldest first), read for all of them in one statement.
	 */
	private List<Program> withTargets(List<Program> programs) {
		if (programs.isEmpty()) {
			return programs;
		}
		Map<UUID, Map<UUID, Target>> targets = new HashMap<>();
		programs.forEach(program -> targets.put(program.id(), new LinkedHashMap<>()));
		this.jdbc.sql("""
				select t.program_id, t.id, t.name, t.definition, t.notes, t.phase, t.position,
				    c.phase as change_phase, c.at, c.account_id, a.name as account_name, c.automatic
				from targets t left join target_phase_changes c on c.target_id = t.id
				left join account_names a on a.account_id = c.account_id
				where t.program_id in (:programs) order by t.program_id, t.position, t.created_at, t.id, c.at, c.id
				""").param("programs", targets.keySet()).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			Map<UUID, Target> ofProgram = targets.get(rs.getObject("program_id", UUID.class));
			Target target = ofProgram.get(id);
			if (target == null) {
				target = new Target(id, rs.getString("name"), rs.getString("definition"), rs.getString("notes"),
						TargetPhase.of(rs.getString("phase")), rs.getInt("position"), new ArrayList<>());
				ofProgram.put(id, target);
			}
			Timestamp at = rs.getTimestamp("at");
			if (at != null) {
				UUID by = rs.getObject("account_id", UUID.class);
				target.phaseChanges()
					.add(new PhaseChange(TargetPhase.of(rs.getString("change_phase")), at.toInstant(),
							(by != null) ? new Program.Person(by, rs.getString("account_name")) : null,
							rs.getBoolean("automatic")));
			}
			return null;
		}).list();
		return programs.stream()
			.map(program -> new Program(program.id(), program.childId(), program.design(), program.kind(),
					program.measurement(), program.status(),
					targets.get(program.id())
						.values()
						.stream()
						.map(t -> new Target(t.id(), t.name(), t.definition(), t.notes(), t.phase(), t.position(),
								List.copyOf(t.phaseChanges())))
						.toList(),
					program.createdAt(), program.updatedAt(), program.version()))
			.toList();
	}

	private static Program map(ResultSet rs) throws SQLException {
		Integer percent = (Integer) rs.getObject("mastery_percent");
		MasteryCriterion criterion = (percent == null) ? null : new MasteryCriterion(percent,
				rs.getInt("mastery_consecutive_sessions"), rs.getInt("mastery_min_trials"));
		ProgramDesign design = new ProgramDesign(rs.getString("name"), Program.Domain.of(rs.getString("domain")),
				rs.getString("objective"), criterion, rs.getBoolean("auto_advance"));
		return new Program(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class), design,
				ProgramKind.of(rs.getString("kind")), Measurement.of(rs.getString("measurement")),
				ProgramStatus.of(rs.getString("status")), List.of(), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

}
