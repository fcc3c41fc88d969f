package org.sparktherapy.scheduling.internal;

import java.util.ArrayList;

import org.sparktherapy.platform.privacy.FamilyErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scheduling's part of a family's erasure (ADR 0040), in the erasure's transaction: the
 * erased guardians' calendar feeds stop (their tokens are deleted). Appointments are the
 * clinical and billing record and are kept.
 */
@Component
class SchedulingErasure {

	private final JdbcClient jdbc;

	SchedulingErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(FamilyErased erased) {
		if (erased.guardians().isEmpty()) {
			return;
		}
		this.jdbc.sql("delete from calendar_feed_tokens where account_id in (:guardians)")
			.param("guardians", new ArrayList<>(erased.guardians().keySet()))
			.update();
	}

}
