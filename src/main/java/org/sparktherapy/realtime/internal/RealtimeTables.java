package org.sparktherapy.realtime.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The realtime module's tables in the clinic's full export (ADR 0036): none exported.
 */
@Component
class RealtimeTables extends TableExport {

	RealtimeTables(DataSource dataSource) {
		super("realtime", dataSource, List.of(), Map.of( //
				"live_events",
				"short-lived copies of events for open live streams, pruned after spark.realtime.retention; the records "
						+ "they announce are exported from their own tables",
				"live_event_horizons", "the live streams' pruning marks, no clinic data"));
	}

}
