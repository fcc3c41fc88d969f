package org.sparktherapy.billing.internal;

import java.time.Clock;
import java.util.UUID;

import org.sparktherapy.billing.AuthorizationRunningOut;
import org.sparktherapy.scheduling.AppointmentBooked;
import org.sparktherapy.scheduling.AppointmentCompleted;
import org.sparktherapy.scheduling.AppointmentMoved;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches the schedule for authorizations running out: after a booking, a move or a completion, every current
 * authorization of the child that is now running out or over raises {@link AuthorizationRunningOut}. Raising it
 * again for the same state is harmless: notifications tell each (authorization, state) once.
 */
@Component
class AuthorizationWatch {

	private final AuthorizationRepository authorizations;

	private final AuthorizationService service;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AuthorizationWatch(AuthorizationRepository authorizations, AuthorizationService service,
			ApplicationEventPublisher events, Clock clock) {
		this.authorizations = authorizations;
		this.service = service;
		this.events = events;
		this.clock = clock;
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
	void on(AppointmentCompleted event) {
		check(event.childId());
	}

	/** Checks the child's authorizations now (the demo clinic, after recording them on an existing schedule). */
	@Transactional
	void check(UUID childId) {
		java.time.LocalDate today = this.service.today();
		for (Authorization authorization : this.authorizations.ofChild(childId)) {
			Authorization.Alert alert = authorization.alert(today);
			if (alert == Authorization.Alert.RUNNING_OUT || alert == Authorization.Alert.OVER) {
				this.events.publishEvent(new AuthorizationRunningOut(authorization.id(), childId,
						authorization.serviceCode(), alert == Authorization.Alert.OVER, this.clock.instant()));
			}
		}
	}

}
