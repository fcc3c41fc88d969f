package org.sparktherapy.billing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.billing.AuthorizationRunningOut;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.scheduling.AppointmentBooked;
import org.sparktherapy.scheduling.AppointmentCancelled;
import org.sparktherapy.scheduling.AppointmentCompleted;
import org.sparktherapy.scheduling.AppointmentMoved;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches a child's authorizations for running out. After the schedule of the child
 * changes (a booking, a move, a cancellation, a completion with its actual times) and
 * after an admin records or changes an authorization, each of the child's authorizations
 * is compared with the state the admins were last told of
 * ({@code authorizations.alerted}): an escalation — to running out, or to over — raises
 * {@link AuthorizationRunningOut} once; a way back (a cancellation, more units) is
 * recorded quietly, so a later escalation is told again. A series of many occurrences
 * therefore tells once, not once per occurrence, and several nodes agree through the row
 * lock.
 */
@Component
class AuthorizationWatch {

	private final AuthorizationRepository authorizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	AuthorizationWatch(AuthorizationRepository authorizations, ApplicationEventPublisher events, Clock clock,
			SparkProperties properties) {
		this.authorizations = authorizations;
		this.events = events;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	@ApplicationModuleListener
	void on(AppointmentBooked event) {
		check(event.childId());
	}

	@ApplicationModuleListener
	void on(AppointmentMoved event) {
		check(event.childId());
	}

	@ApplicationModuleListener
	void on(AppointmentCancelled event) {
		check(event.childId());
	}

	/** A session that ran longer than booked uses more than was planned. */
	@ApplicationModuleListener
	void on(AppointmentCompleted event) {
		check(event.childId());
	}

	/**
	 * Compares the child's authorizations with what the admins were told, in the caller's
	 * transaction if any.
	 */
	@Transactional
	void check(UUID childId) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		for (Authorization authorization : this.authorizations.ofChild(childId)) {
			Authorization.Alert alert = authorization.alert(today);
			String state = switch ((alert == null) ? Authorization.Alert.EXPIRING : alert) {
				case OVER -> "over";
				case RUNNING_OUT -> "running_out";
				case EXPIRING -> null;
			};
			Optional<String> before = this.authorizations.alerted(authorization.id(), state);
			if (before.isPresent() && severity(state) > severity(before.get())) {
				this.events.publishEvent(new AuthorizationRunningOut(authorization.id(), childId,
						ServiceCode.of(authorization.serviceCode()), "over".equals(state), this.clock.instant()));
			}
		}
	}

	private static int severity(String state) {
		if (state == null) {
			return 0;
		}
		return switch (state) {
			case "over" -> 2;
			case "running_out" -> 1;
			default -> 0;
		};
	}

}
