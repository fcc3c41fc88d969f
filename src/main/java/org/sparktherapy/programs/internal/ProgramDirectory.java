package org.sparktherapy.programs.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sparktherapy.audit.ChangeHistory;
import org.sparktherapy.audit.ChangeHistory.FieldChange;
import org.sparktherapy.programs.ProgramStatus;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.programs.TargetMastered;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.vocabulary.Measurement;
import org.sparktherapy.vocabulary.ProgramKind;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Programs} for other modules. Callers have already checked that their user may
 * see the child.
 */
@Service
class ProgramDirectory implements Programs {

	private final JdbcClient jdbc;

	private final ProgramRepository programs;

	private final ChangeHistory history;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper json;

	ProgramDirectory(JdbcClient jdbc, ProgramRepository programs, ChangeHistory history,
			ApplicationEventPublisher events, Clock clock, JsonMapper json) {
		this.json = json;
		this.jdbc = jdbc;
		this.programs = programs;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TargetFacts> targetsOf(UUID childId) {
		return targetsOf(List.of(childId)).get(childId);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, List<TargetFacts>> targetsOf(Collection<UUID> childIds) {
		Map<UUID, List<TargetFacts>> byChild = byChild(childIds);
		if (childIds.isEmpty()) {
			return byChild;
		}
		this.jdbc.sql("""
				select t.child_id, t.id, p.id as program_id, p.name as program_name, t.name, p.kind, p.measurement,
				    p.status, t.phase, t.position, p.mastery_percent, p.mastery_consecutive_sessions,
				    p.mastery_min_trials
				from targets t join programs p on p.id = t.program_id
				where t.child_id in (:children) order by t.child_id, p.created_at, p.id, t.position
				""").param("children", childIds).query(rs -> {
			Integer percent = (Integer) rs.getObject("mastery_percent");
			byChild.get(rs.getObject("child_id", UUID.class))
				.add(new TargetFacts(rs.getObject("id", UUID.class), rs.getObject("program_id", UUID.class),
						rs.getString("program_name"), rs.getString("name"), ProgramKind.of(rs.getString("kind")),
						Measurement.of(rs.getString("measurement")), ProgramStatus.of(rs.getString("status")),
						TargetPhase.of(rs.getString("phase")), rs.getInt("position"),
						(percent == null) ? null : new Criterion(percent, rs.getInt("mastery_consecutive_sessions"),
								rs.getInt("mastery_min_trials"))));
		});
		return byChild;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PhaseChangeFacts> phaseChangesOf(UUID childId) {
		return phaseChangesOf(List.of(childId)).get(childId);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, List<PhaseChangeFacts>> phaseChangesOf(Collection<UUID> childIds) {
		Map<UUID, List<PhaseChangeFacts>> byChild = byChild(childIds);
		if (childIds.isEmpty()) {
			return byChild;
		}
		this.jdbc.sql("""
				select c.child_id, c.target_id, c.phase, c.at, c.account_id, a.name, c.automatic
				from target_phase_changes c left join account_names a on a.account_id = c.account_id
				where c.child_id in (:children) order by c.child_id, c.at, c.id
				""").param("children", childIds).query(rs -> {
			byChild.get(rs.getObject(1, UUID.class))
				.add(new PhaseChangeFacts(rs.getObject(2, UUID.class), TargetPhase.of(rs.getString(3)),
						rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class), rs.getString(6),
						rs.getBoolean(7)));
		});
		return byChild;
	}

	private static <T> Map<UUID, List<T>> byChild(Collection<UUID> childIds) {
		Map<UUID, List<T>> byChild = new LinkedHashMap<>();
		childIds.forEach(child -> byChild.put(child, new ArrayList<>()));
		return byChild;
	}

	@Override
	@Transactional
	public boolean recordMastery(UUID targetId, List<UUID> sessionIds) {
		UUID programId = this.jdbc.sql("select program_id from targets where id = :id")
			.param("id", targetId)
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (programId == null) {
			return false;
		}
		Program program = this.programs.find(programId, true).orElseThrow();
		Program.Target target = program.targets()
			.stream()
			.filter(t -> t.id().equals(targetId))
			.findFirst()
			.orElseThrow();
		if (program.status() != ProgramStatus.ACTIVE || target.phase() != TargetPhase.INTERVENTION) {
			return false;
		}
		Instant now = this.clock.instant();
		move(program, target, TargetPhase.MASTERED, this.json.writeValueAsString(Map.of("criterionMetIn", sessionIds)),
				now, "criterion met in " + sessionIds.size() + " consecutive sessions");
		UUID advanced = null;
		if (program.design().autoAdvance()) {
			var next = program.targets().stream().filter(t -> t.phase() == TargetPhase.BASELINE).findFirst();
			if (next.isPresent()) {
				move(program, next.get(), TargetPhase.INTERVENTION,
						this.json.writeValueAsString(Map.of("advancedAfter", targetId)), now,
						"next target after " + target.name() + " was mastered");
				advanced = next.get().id();
			}
		}
		this.programs.touch(programId, now);
		this.events.publishEvent(
				new TargetMastered(program.childId(), programId, targetId, List.copyOf(sessionIds), advanced, now));
		return true;
	}

	private void move(Program program, Program.Target target, TargetPhase phase, String basis, Instant now,
			String reason) {
		this.programs.updateTarget(target.id(), target.name(), target.definition(), target.notes(), phase, now);
		this.programs.recordPhaseChange(target.id(), program.childId(), phase, null, now, basis);
		this.history.recordAutomatic(program.childId(), "target", target.id(), "phase_changed",
				List.of(new FieldChange("phase", target.phase().value(), phase.value()),
						new FieldChange("automatic", null, reason)));
	}

}
