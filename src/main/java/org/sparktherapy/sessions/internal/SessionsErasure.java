package org.sparktherapy.sessions.internal;

import java.util.Map;
import java.util.UUID;

import org.sparktherapy.platform.privacy.FamilyErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sessions' part of a family's erasure (ADR 0040), in the erasure's transaction: the
 * sessions, their data, notes and signatures are the clinical record and are kept; the
 * name a guardian signed under, copied into the session, becomes the guardian's
 * pseudonym.
 */
@Component
class SessionsErasure {

	private final JdbcClient jdbc;

	SessionsErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(FamilyErased erased) {
		for (Map.Entry<UUID, String> guardian : erased.guardians().entrySet()) {
			this.jdbc.sql("""
					update therapy_sessions set guardian_name = :name
					where guardian_account_id = :guardian and guardian_name is not null
					""").param("name", guardian.getValue()).param("guardian", guardian.getKey()).update();
		}
	}

}
