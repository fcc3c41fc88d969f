package org.sparktherapy.scheduling.internal.availability;

import org.sparktherapy.scheduling.internal.SchedulingAccessPolicy;
import org.sparktherapy.scheduling.internal.SchedulingProblems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.problem.Problem.FieldError;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Therapists' weekly availability (replaced as a whole) and time off. Managed by admins;
 * holds no child's data, so it writes no PHI access log.
 */
@Service
public class AvailabilityService {

	/** The longest stretch of time off recorded at once. */
	static final Duration MAX_TIME_OFF = Duration.ofDays(366);

	private final AvailabilityRepository availability;

	private final SchedulingAccessPolicy policy;

	private final Accounts accounts;

	private final Clock clock;

	AvailabilityService(AvailabilityRepository availability, SchedulingAccessPolicy policy, Accounts accounts,
			Clock clock) {
		this.availability = availability;
		this.policy = policy;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Replaces the therapist's weekly blocks; blocks of one weekday must not overlap. */
	@Transactional
	public List<AvailabilityRepository.Block> replace(CurrentUser user, UUID therapistId,
			List<AvailabilityRepository.Block> blocks) {
		mayManage(user);
		therapist(therapistId);
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i++) {
			AvailabilityRepository.Block block = blocks.get(i);
			if (!block.end().isAfter(block.start())) {
				errors.add(new FieldError("/blocks/" + i + "/end", "must be after start"));
				continue;
			}
			for (int j = 0; j < i; j++) {
				AvailabilityRepository.Block other = blocks.get(j);
				if (other.weekday() == block.weekday() && other.start().isBefore(block.end())
						&& block.start().isBefore(other.end())) {
					errors.add(new FieldError("/blocks/" + i, "overlaps block " + j));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new SchedulingProblems.InvalidAvailability(errors);
		}
		List<AvailabilityRepository.Block> sorted = blocks.stream()
			.sorted(Comparator.comparing(AvailabilityRepository.Block::weekday)
				.thenComparing(AvailabilityRepository.Block::start))
			.toList();
		this.availability.replaceBlocks(therapistId, sorted);
		return sorted;
	}

	/** The weekly blocks and the time off from now on. */
	@Transactional(readOnly = true)
	Availability read(CurrentUser user, UUID therapistId) {
		if (!this.policy.mayReadAvailability(user, therapistId)) {
			throw new SchedulingProblems.NotAllowedForAppointment(
					"Only admins and the therapist themself read a therapist's availability.");
		}
		therapist(therapistId);
		Instant now = this.clock.instant();
		return new Availability(this.availability.blocks(therapistId),
				this.availability.timeOff(therapistId, now, now.plus(Duration.ofDays(3650))));
	}

	/** A therapist's week and upcoming time off. */
	record Availability(List<AvailabilityRepository.Block> blocks, List<AvailabilityRepository.TimeOff> timeOff) {
	}

	@Transactional
	AvailabilityRepository.TimeOff addTimeOff(CurrentUser user, UUID therapistId, Instant start, Instant end,
			String reason) {
		mayManage(user);
		therapist(therapistId);
		if (!end.isAfter(start)) {
			throw new SchedulingProblems.InvalidTimeOff("/end", "must be after start");
		}
		if (Duration.between(start, end).compareTo(MAX_TIME_OFF) > 0) {
			throw new SchedulingProblems.InvalidTimeOff("/end", "time off is recorded a year at most at once");
		}
		AvailabilityRepository.TimeOff timeOff = new AvailabilityRepository.TimeOff(UUID.randomUUID(), therapistId,
				start, end, (reason == null || reason.isBlank()) ? null : reason.trim());
		this.availability.insertTimeOff(timeOff, user.id(), this.clock.instant());
		return timeOff;
	}

	private void mayManage(CurrentUser user) {
		if (!this.policy.mayManageAvailability(user)) {
			throw new SchedulingProblems.NotAllowedForAppointment("Only admins manage availability and time off.");
		}
	}

	private void therapist(UUID therapistId) {
		AccountSummary account = this.accounts.findById(therapistId).orElse(null);
		if (account == null || account.role() != Role.THERAPIST) {
			throw new SchedulingProblems.TherapistNotFound();
		}
	}

}
