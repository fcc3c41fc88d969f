package org.sparktherapy.scheduling.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The scheduling module's tables in the clinic's full export (ADR 0036): everything but
 * the calendar-feed tokens, which are secrets.
 */
@Component
class SchedulingTables extends TableExport {

	SchedulingTables(DataSource dataSource) {
		super("scheduling", dataSource,
				List.of("appointment_series", "appointments", "appointment_change_requests", "therapist_availability",
						"therapist_time_off", "child_schedule_preferences", "child_available_hours",
						"child_prescribed_hours", "schedule_proposals", "schedule_proposal_sessions",
						"schedule_proposal_unplaced"),
				Map.of("calendar_feed_tokens",
						"secrets: each row's nonce and hash stand for a calendar feed's private address"));
		for (String table : List.of("appointment_series", "appointments", "appointment_change_requests",
				"child_schedule_preferences", "child_available_hours", "child_prescribed_hours",
				"schedule_proposal_sessions", "schedule_proposal_unplaced")) {
			familyRows(table, "child_id in (:children)");
		}
	}

}
