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

	/**
	 * The notices about the child {@code :child}: those linking to its record, and those
	 * whose subject is one of its appointments or sessions (the published views
	 * {@code appointment_facts} and {@code session_states}, ADR 0021).
	 */
	static final String ABOUT_THE_CHILD = """
			link = :childLink or link like :childLink || '/%'
			or subject_id in (select appointment_id from appointment_facts where child_id = :child)
			or subject_id in (select session_id from session_states where child_id = :child)
			""";

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
		// only the notices about this child: another child may have the same short name
		// ("Avery T."); the longest name first, so a short name does not break a long one
		for (String former : erased.formerChildNames()) {
			this.jdbc.sql("""
					update notifications set title = replace(title, :former, :now)
					where strpos(title, :former) > 0 and (""" + ABOUT_THE_CHILD + ")")
				.param("former", former)
				.param("now", erased.childDisplayName())
				.param("child", erased.childId())
				.param("childLink", "/children/" + erased.childId())
				.update();
		}
	}

}
