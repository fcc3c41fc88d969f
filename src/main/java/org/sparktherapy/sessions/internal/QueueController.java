package org.sparktherapy.sessions.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work that waits for someone, for the home pages: notes to sign, notes to review,
 * targets to look at. Lists are short (the newest {@value QueueRepository#LIMIT}) and say
 * how many there are in all.
 */
@RestController
@Tag(name = "Sessions", description = "Session data collection, signatures, addenda and progress")
class QueueController {

	private final QueueService service;

	QueueController(QueueService service) {
		this.service = service;
	}

	@GetMapping("/api/sessions/unsigned")
	@Operation(summary = "Session notes waiting for a signature, newest first",
			description = "awaitingTherapist: sessions that have started and their therapist has not signed (submitted) "
					+ "yet; awaitingGuardian: submitted sessions that have ended and no guardian has co-signed. Admins "
					+ "see the clinic's, therapists their caseload's, guardians the notes of the children they may sign "
					+ "for (awaitingTherapist is then always empty). Each list holds the newest 20 and its total.")
	QueueService.UnsignedNotes unsigned(@AuthenticationPrincipal CurrentUser user) {
		return this.service.unsigned(user);
	}

	@GetMapping("/api/sessions/review-queue")
	@Operation(summary = "Notes for a supervisor to review, newest first",
			description = "Sessions other therapists submitted in the last 7 days for the children the caller "
					+ "supervises (BCBA/BCaBA on the care team). Therapists only; the newest 20 and the total.")
	QueueRepository.Notes reviewQueue(@AuthenticationPrincipal CurrentUser user) {
		return this.service.reviewQueue(user);
	}

	@GetMapping("/api/caseload/targets")
	@Operation(summary = "The caseload's targets near mastery and stalled",
			description = "Skill targets in intervention of the active children on the caller's care teams. Near "
					+ "mastery: the latest sessions meet the program's criterion one session short of mastery. "
					+ "Stalled: no phase change for 4 weeks, at least 6 sessions since, and the mean of the latest 3 "
					+ "sessions not above the 3 before. Therapists only; oldest phase first.")
	QueueService.CaseloadTargets caseloadTargets(@AuthenticationPrincipal CurrentUser user) {
		return this.service.caseloadTargets(user);
	}

}
