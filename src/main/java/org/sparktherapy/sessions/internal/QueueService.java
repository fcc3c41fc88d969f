package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.annotation.Nullable;
import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.vocabulary.Measurement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for someone, for the home pages: notes not yet signed, notes to review, and
 * the caseload's targets that need the supervisor's eye ({@link NearMasteryRule},
 * {@link StalledTargetRule}). Who sees which children is decided by
 * {@link SessionAccessPolicy}; every child whose records are listed is written to the PHI
 * access log.
 */
@Service
class QueueService {

	/** How far back a supervisor's review queue reaches. */
	static final Duration REVIEW_WINDOW = Duration.ofDays(7);

	/**
	 * Notes waiting for their therapist's signature and for a guardian's co-signature.
	 */
	record UnsignedNotes(QueueRepository.Notes awaitingTherapist, QueueRepository.Notes awaitingGuardian) {
	}

	/** A target that needs the supervisor's eye, with what the rule saw. */
	record TargetAlert(UUID childId, UUID targetId, UUID programId, String programName, String name,
			Measurement measurement, @Nullable Programs.Criterion criterion, int sessionsSincePhaseChange,
			int sessionsMeetingInARow, @Nullable Double latestPercent, Instant phaseSince) {
	}

	/** The caseload's targets near mastery and stalled. */
	record CaseloadTargets(List<TargetAlert> nearMastery, List<TargetAlert> stalled) {
	}

	private final QueueRepository queues;

	private final SessionRepository sessions;

	private final SessionResults results;

	private final SessionAccessPolicy policy;

	private final Children children;

	private final Programs programs;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	QueueService(QueueRepository queues, SessionRepository sessions, SessionResults results, SessionAccessPolicy policy,
			Children children, Programs programs, AuditTrail audit, Clock clock, SparkProperties properties) {
		this.queues = queues;
		this.sessions = sessions;
		this.results = results;
		this.policy = policy;
		this.children = children;
		this.programs = programs;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	/**
	 * Admins: the whole clinic's; therapists: their caseload's; guardians: the submitted
	 * notes of the children they may sign for (they never see open sessions).
	 */
	@Transactional
	UnsignedNotes unsigned(CurrentUser user) {
		Instant now = this.clock.instant();
		UnsignedNotes result = switch (user.role()) {
			case ADMIN ->
				new UnsignedNotes(this.queues.awaitingTherapist(null, now), this.queues.awaitingGuardian(null, now));
			case THERAPIST -> {
				List<UUID> caseload = this.children.caseload(user.id()).stream().map(Children.ChildFacts::id).toList();
				yield new UnsignedNotes(this.queues.awaitingTherapist(caseload, now),
						this.queues.awaitingGuardian(caseload, now));
			}
			case PARENT -> {
				List<UUID> signable = this.children.childrenOfGuardian(user.id())
					.stream()
					.filter(child -> this.children.maySignFor(user, child))
					.toList();
				yield new UnsignedNotes(QueueRepository.Notes.NONE, this.queues.awaitingGuardian(signable, now));
			}
		};
		logListed(
				Stream.concat(result.awaitingTherapist().notes().stream(), result.awaitingGuardian().notes().stream()));
		return result;
	}

	/**
	 * A supervisor's review queue: the notes other therapists submitted in the last
	 * {@link #REVIEW_WINDOW} for the children the caller supervises.
	 */
	@Transactional
	QueueRepository.Notes reviewQueue(CurrentUser user) {
		if (!this.policy.hasCaseload(user)) {
			this.audit.refused(new PhiAccess("list", "session", null, null), false);
			throw new SessionsProblems.NotAllowedForSession("The review queue is a therapist's.");
		}
		List<UUID> supervised = this.children.caseload(user.id())
			.stream()
			.map(Children.ChildFacts::id)
			.filter(child -> this.policy.reviewsNotesOf(this.children.relationOf(user, child)))
			.toList();
		QueueRepository.Notes result = this.queues.submittedByOthers(supervised, user.id(),
				this.clock.instant().minus(REVIEW_WINDOW));
		logListed(result.notes().stream());
		return result;
	}

	/**
	 * The targets of the caller's active caseload children that are near mastery or
	 * stalled.
	 */
	@Transactional
	CaseloadTargets caseloadTargets(CurrentUser user) {
		if (!this.policy.hasCaseload(user)) {
			this.audit.refused(new PhiAccess("read", "progress", null, null), false);
			throw new SessionsProblems.NotAllowedForSession("Caseload targets are a therapist's.");
		}
		Instant now = this.clock.instant();
		List<UUID> read = this.children.caseload(user.id())
			.stream()
			.filter(child -> child.status() == ChildStatus.ACTIVE)
			.map(Children.ChildFacts::id)
			.toList();
		List<TargetAlert> near = new ArrayList<>();
		List<TargetAlert> stalled = new ArrayList<>();
		watch(read, now, StalledTargetRule.WINDOW, near, stalled);
		this.audit.successAll(read.stream().map(child -> new PhiAccess("read", "progress", null, child)).toList());
		Comparator<TargetAlert> order = Comparator.comparing(TargetAlert::phaseSince);
		near.sort(order);
		stalled.sort(order);
		return new CaseloadTargets(near, stalled);
	}

	/**
	 * The children's watched targets (skill targets of active programs, in intervention,
	 * with a criterion), judged by the stored per-session results (ADR 0049): a fixed
	 * number of reads for the whole caseload, not a few per child (ADR 0050, session 14).
	 */
	private void watch(List<UUID> children, Instant now, int window, List<TargetAlert> near,
			List<TargetAlert> stalled) {
		if (children.isEmpty()) {
			return;
		}
		Map<UUID, List<Programs.TargetFacts>> watched = new LinkedHashMap<>();
		this.programs.targetsOf(children).forEach((child, targets) -> {
			List<Programs.TargetFacts> skills = targets.stream().filter(Programs.TargetFacts::inTeaching).toList();
			if (!skills.isEmpty()) {
				watched.put(child, skills);
			}
		});
		if (watched.isEmpty()) {
			return;
		}
		Map<UUID, List<UUID>> targetIds = new LinkedHashMap<>();
		watched.forEach((child, targets) -> targetIds.put(child,
				targets.stream().map(Programs.TargetFacts::targetId).toList()));
		Map<UUID, Instant> changed = new HashMap<>();
		this.programs.phaseChangesOf(watched.keySet())
			.values()
			.forEach(changes -> changes
				.forEach(change -> changed.merge(change.targetId(), change.at(), (a, b) -> a.isAfter(b) ? a : b)));
		Instant to = now.plus(Duration.ofDays(1));
		// the stored per-session results (ADR 0049), not a replay of the child's events
		Map<UUID, List<SessionResults.Result>> stored = this.results.ofTargets(targetIds, Instant.EPOCH, to);
		Map<UUID, List<UUID>> unchanged = new LinkedHashMap<>();
		targetIds.forEach(
				(child, ids) -> unchanged.put(child, ids.stream().filter(id -> !changed.containsKey(id)).toList()));
		Map<UUID, Instant> firstSubmitted = this.sessions.firstSubmittedWith(unchanged, to);
		watched.forEach((childId, targets) -> {
			for (Programs.TargetFacts target : targets) {
				judge(childId, target, changed.get(target.targetId()), stored.get(childId), firstSubmitted, now, window,
						near, stalled);
			}
		});
	}

	private void judge(UUID childId, Programs.TargetFacts target, @Nullable Instant changed,
			List<SessionResults.Result> stored, Map<UUID, Instant> firstSubmitted, Instant now, int window,
			List<TargetAlert> near, List<TargetAlert> stalled) {
		// as the mastery evaluation: sessions count from the day (clinic time) the phase
		// began
		Instant from = (changed != null) ? LocalDate.ofInstant(changed, this.zone).atStartOfDay(this.zone).toInstant()
				: Instant.EPOCH;
		List<MasteryRule.SessionResult> results = ProgressCalculator
			.stored(stored.stream().filter(r -> !r.startedAt().isBefore(from)).toList(), target.targetId());
		Instant phaseSince = (changed != null) ? changed : firstSubmitted.get(target.targetId());
		boolean isNear = NearMasteryRule.isNear(results, target.criterion());
		boolean isStalled = StalledTargetRule.isStalled(results, phaseSince, now, isNear, window);
		if (isNear || isStalled) {
			Double latest = results.isEmpty() ? null : results.get(results.size() - 1).percentCorrect();
			TargetAlert alert = new TargetAlert(childId, target.targetId(), target.programId(), target.programName(),
					target.name(), target.measurement(), target.criterion(), results.size(),
					NearMasteryRule.trailingRun(results, target.criterion()), latest,
					(phaseSince != null) ? phaseSince : now);
			(isNear ? near : stalled).add(alert);
		}
	}

	private void logListed(Stream<QueueRepository.Note> notes) {
		Set<UUID> shown = new LinkedHashSet<>();
		notes.forEach(note -> shown.add(note.childId()));
		this.audit.successAll(shown.stream().map(child -> new PhiAccess("list", "session", null, child)).toList());
	}

}
