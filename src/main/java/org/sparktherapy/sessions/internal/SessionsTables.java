package org.sparktherapy.sessions.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The sessions module's tables in the clinic's full export (ADR 0036), all of them whole.
 */
@Component
class SessionsTables extends TableExport {

	SessionsTables(DataSource dataSource) {
		super("sessions", dataSource, List.of("therapy_sessions", "session_events", "session_addenda"), Map.of());
		familyRows("therapy_sessions", "child_id in (:children)");
		familyRows("session_events", "child_id in (:children)");
		familyRows("session_addenda", "child_id in (:children)");
	}

}
