package org.sparktherapy.programs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
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
			.map(this::withTargets);
	}

	PageResponse<Program> forChild(UUID childId, boolean includeArchived, PageQuery page) {
		String where = " where child_id = :child" + (includeArchived ? "" : " and status <> 'archived'");
		long total = this.jdbc.sql("select count(*) from programs" + where)
			.param("child", childId)
			.query(Long.class)
			.single();
		List<Program> programs = this.jdbc
			.sql("select * from programs" + where + " order by " + page.orderBy() + ", id limit :limit offset :offset")
			.param("child", childId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> map(rs))
			.list()
			.stream()
			.map(this::withTargets)
			.toList();
		return PageResponse.of(programs, page, total);
	}

	private Program withTargets(Program program) {
		Map<UUID, List<PhaseChange>> changes = new HashMap<>();
		this.jdbc.sql("""
				select c.target_id, c.phase, c.at, c.account_id, a.name, c.automatic
				from target_phase_changes c join targets t on t.id = c.target_id
				left join account_names a on a.account_id = c.account_id
				where t.program_id = :program order by c.at
				""").param("program", program.id()).query((rs, n) -> {
			changes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
				.add(new PhaseChange(
						TargetPhase.of(rs.getString(2)), rs.getTimestamp(3).toInstant(), (rs.getObject(4) != null)
								? new Program.Person(rs.getObject(4, UUID.class), rs.getString(5)) : null,
						rs.getBoolean(6)));
			return null;
		}).list();
		List<Target> targets = this.jdbc.sql("""
				select id, name, definition, notes, phase, position from targets where program_id = :program
				order by position, created_at
				""").param("program", program.id()).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new Target(id, rs.getString("name"), rs.getString("definition"), rs.getString("notes"),
					TargetPhase.of(rs.getString("phase")), rs.getInt("position"), changes.getOrDefault(id, List.of()));
		}).list();
		return new Program(program.id(), program.childId(), program.design(), program.kind(), program.measurement(),
				program.status(), targets, program.createdAt(), program.updatedAt(), program.version());
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
