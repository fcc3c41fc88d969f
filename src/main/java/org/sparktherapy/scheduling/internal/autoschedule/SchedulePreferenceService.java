package org.sparktherapy.scheduling.internal.autoschedule;

import org.sparktherapy.scheduling.internal.appointments.AppointmentService;
import org.sparktherapy.vocabulary.Place;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and replacing a child's schedule preferences. Who may is decided by
 * {@link ProposalAccess}; every access, refusals included, goes to the PHI access log.
 */
@Service
public class SchedulePreferenceService {

	private final SchedulePreferenceRepository preferences;

	private final ProposalAccess access;

	private final Children children;

	private final AuditTrail audit;

	private final Clock clock;

	SchedulePreferenceService(SchedulePreferenceRepository preferences, ProposalAccess access, Children children,
			AuditTrail audit, Clock clock) {
		this.preferences = preferences;
		this.access = access;
		this.children = children;
		this.audit = audit;
		this.clock = clock;
	}

	/** The child's preferences; empty ones for a child that has none yet. */
	@Transactional
	SchedulePreferences get(CurrentUser user, UUID childId) {
		Relation relation = this.children.relationOf(user, childId);
		if (!this.access.maySeePreferences(relation)) {
			this.audit.refused(new PhiAccess("read", "schedulePreferences", childId, childId), true);
			throw new ProposalProblems.ProposalNotFound("child");
		}
		this.audit.success(new PhiAccess("read", "schedulePreferences", childId, childId));
		return this.preferences.find(childId).orElseGet(() -> SchedulePreferences.none(childId));
	}

	/**
	 * Replaces the child's preferences as a whole; available blocks of one weekday must
	 * not overlap.
	 */
	@Transactional
	public SchedulePreferences replace(CurrentUser user, SchedulePreferences wanted) {
		UUID childId = wanted.childId();
		Relation relation = this.children.relationOf(user, childId);
		if (!this.access.maySeePreferences(relation)) {
			this.audit.refused(new PhiAccess("update", "schedulePreferences", childId, childId), true);
			throw new ProposalProblems.ProposalNotFound("child");
		}
		if (!this.access.mayChangePreferences(relation)) {
			this.audit.refused(new PhiAccess("update", "schedulePreferences", childId, childId), false);
			throw new ProposalProblems.NotAllowedForProposal("Only admins change schedule preferences.");
		}
		validate(wanted);
		SchedulePreferences sorted = new SchedulePreferences(childId,
				wanted.availableHours()
					.stream()
					.sorted(Comparator.comparing(SchedulePreferences.Hours::weekday)
						.thenComparing(SchedulePreferences.Hours::start))
					.toList(),
				wanted.prescribedWeeklyHours()
					.stream()
					.sorted(Comparator.comparing(SchedulePreferences.Prescription::serviceCode))
					.toList(),
				wanted.preferredPlace(), 0);
		this.preferences.replace(sorted, user.id(), this.clock.instant());
		this.audit.success(new PhiAccess("update", "schedulePreferences", childId, childId));
		return this.preferences.find(childId).orElseThrow();
	}

	private static void validate(SchedulePreferences wanted) {
		List<FieldError> errors = new ArrayList<>();
		List<SchedulePreferences.Hours> hours = wanted.availableHours();
		for (int i = 0; i < hours.size(); i++) {
			SchedulePreferences.Hours block = hours.get(i);
			if (!block.end().isAfter(block.start())) {
				errors.add(new FieldError("/availableHours/" + i + "/end", "must be after start"));
				continue;
			}
			for (int j = 0; j < i; j++) {
				if (hours.get(j).end().isAfter(hours.get(j).start()) && block.overlaps(hours.get(j))) {
					errors.add(new FieldError("/availableHours/" + i, "overlaps block " + j));
				}
			}
		}
		Set<String> services = new HashSet<>();
		List<SchedulePreferences.Prescription> prescriptions = wanted.prescribedWeeklyHours();
		for (int i = 0; i < prescriptions.size(); i++) {
			SchedulePreferences.Prescription prescription = prescriptions.get(i);
			if (!ServiceCode.isCode(prescription.serviceCode())) {
				errors.add(new FieldError("/prescribedWeeklyHours/" + i + "/serviceCode",
						"must be an adaptive behavior CPT code 97151 to 97158"));
			}
			else if (!services.add(prescription.serviceCode())) {
				errors.add(new FieldError("/prescribedWeeklyHours/" + i + "/serviceCode", "is listed twice"));
			}
			if (prescription.hours() < 0 || prescription.hours() > SchedulePreferences.MAX_WEEKLY_HOURS) {
				errors.add(new FieldError("/prescribedWeeklyHours/" + i + "/hours", "must be between 0 and 40"));
			}
		}
		if (wanted.preferredPlace() != null && !Place.isPlace(wanted.preferredPlace())) {
			errors.add(new FieldError("/preferredPlace", "must be one of " + Place.ALLOWED));
		}
		if (!errors.isEmpty()) {
			throw new ProposalProblems.InvalidSchedulePreferences(errors);
		}
	}

}
