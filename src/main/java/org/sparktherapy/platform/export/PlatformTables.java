package org.sparktherapy.platform.export;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * The platform's tables in the clinic's full export (ADR 0036): none exported, they are
 * the server's own bookkeeping.
 */
@Component
class PlatformTables extends TableExport {

	PlatformTables(DataSource dataSource) {
		super("platform", dataSource, List.of(), Map.of( //
				"event_publication",
				"the event registry: copies of domain events in flight between modules, "
						+ "the records they describe are exported from their own tables",
				"shedlock", "scheduled jobs' locks, no clinic data"));
	}

}
