package org.sparktherapy.notifications.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The notifications module's tables in the clinic's full export (ADR 0036), all of them
 * whole. (The password-reset tokens and the platform's tables that its first migration
 * created belong to identity and platform, who leave them out.)
 */
@Component
class NotificationsTables extends TableExport {

	NotificationsTables(DataSource dataSource) {
		super("notifications", dataSource, List.of("notifications", "notification_preferences", "notification_mails",
				"notification_resolutions", "appointment_reminders"), Map.of());
		familyRows("notifications", "recipient_id in (:guardians)");
		familyRows("notification_preferences", "account_id in (:guardians)");
		familyRows("notification_mails",
				"notification_id in (select id from notifications where recipient_id in (:guardians))");
	}

}
