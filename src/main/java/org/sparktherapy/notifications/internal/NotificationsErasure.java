package org.sparktherapy.notifications.internal;

import java.util.ArrayList;

import org.sparktherapy.platform.privacy.FamilyErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notifications' part of a family's erasure (ADR 0040), in the erasure's transaction: the
 * erased guardians' notifications (with their mails) and preferences are deleted; other
 * people's notification titles that copied the child's name show the pseudonym.
 */
@Component
class NotificationsErasure {

	private final JdbcClient jdbc;

	NotificationsErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(FamilyErased erased) {
		if (!erased.guardians().isEmpty()) {
			var guardians = new ArrayList<>(erased.guardians().keySet());
			this.jdbc.sql("""
					delete from notification_mails
					where notification_id in (select id from notifications where recipient_id in (:guardians))
					""").param("guardians", guardians).update();
			this.jdbc.sql("delete from notifications where recipient_id in (:guardians)")
				.param("guardians", guardians)
				.update();
			this.jdbc.sql("delete from notification_preferences where account_id in (:guardians)")
				.param("guardians", guardians)
				.update();
		}
		// the longest name first, so "Avery T." does not break "Avery Test" apart
		for (String former : erased.formerChildNames()) {
			this.jdbc
				.sql("update notifications set title = replace(title, :former, :now) where strpos(title, :former) > 0")
				.param("former", former)
				.param("now", erased.childDisplayName())
				.update();
		}
	}

}
