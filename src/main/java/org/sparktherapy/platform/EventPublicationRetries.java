package org.sparktherapy.platform;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives failed event publications another chance. Listeners
 * ({@code @ApplicationModuleListener}) keep their events in the registry
 * ({@code event_publication}) until they finish; one that throws is marked failed, and
 * one whose node died mid-way is marked failed by Modulith's staleness monitor after
 * {@code spring.modulith.events.staleness.*}. Every five minutes one node (ShedLock)
 * resubmits failed publications at least a minute old. Restarts do not republish
 * ({@code republish-outstanding-events-on-restart: false}): with several nodes, a
 * restarting node would resubmit events another node is handling right now. Listeners are
 * idempotent all the same. Completed publications are kept a week (to see what ran when)
 * and then deleted, hourly, by one node. See ADR 0012.
 */
@Component
class EventPublicationRetries {

	static final Duration KEEP_COMPLETED = Duration.ofDays(7);

	private final FailedEventPublications failed;

	private final CompletedEventPublications completed;

	EventPublicationRetries(FailedEventPublications failed, CompletedEventPublications completed) {
		this.failed = failed;
		this.completed = completed;
	}

	@Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT5M")
	@SchedulerLock(name = "event-publication-retries", lockAtMostFor = "PT10M")
	public void resubmitFailed() {
		this.failed.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ofMinutes(1)).withBatchSize(100));
	}

	@Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
	@SchedulerLock(name = "event-publication-cleanup", lockAtMostFor = "PT30M")
	public void deleteOldCompleted() {
		this.completed.deletePublicationsOlderThan(KEEP_COMPLETED);
	}

}
