package org.sparktherapy.sessions.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The sessions module's tables in the clinic's full export (ADR 0036), whole; the
 * per-target results (ADR 0049) are left out, being figures computed from the events.
 */
@Component
class SessionsTables extends TableExport {

	SessionsTables(DataSource dataSource) {
		super("sessions", dataSource, List.of("therapy_sessions", "session_events", "session_addenda"),
				Map.of("session_target_results",
						"each submitted session's per-target figures, computed from session_events (ADR 0049)"));
		familyRows("therapy_sessions", "child_id in (:children)");
		familyRows("session_events", "child_id in (:children)");
		familyRows("session_addenda", "child_id in (:children)");
	}

}
