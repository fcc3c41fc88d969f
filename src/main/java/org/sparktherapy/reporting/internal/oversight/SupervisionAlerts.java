package org.sparktherapy.reporting.internal.oversight;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The third week's supervision alert, run hourly on one node at a time (ShedLock); each
 * technician and month is told of once whatever the number of runs or nodes (the claim in
 * {@code supervision_alerts}, {@link SupervisionService#alert}).
 */
@Component
class SupervisionAlerts {

	private final SupervisionService service;

	private final Clock clock;

	SupervisionAlerts(SupervisionService service, Clock clock) {
		this.service = service;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${spark.reporting.supervision-alerts-every:PT1H}",
			fixedDelayString = "${spark.reporting.supervision-alerts-every:PT1H}")
	@SchedulerLock(name = "supervision-alerts", lockAtMostFor = "PT30M")
	public void run() {
		this.service.alert(this.clock.instant());
	}

}
