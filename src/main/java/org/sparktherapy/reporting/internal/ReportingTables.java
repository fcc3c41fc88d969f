package org.sparktherapy.reporting.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The reporting module's own tables in the clinic's full export (ADR 0036), all of them
 * whole: signed and draft progress reports (ADR 0034), the supervision log and the alerts
 * already sent (ADR 0035). The export's own one-time download links are left out.
 */
@Component
class ReportingTables extends TableExport {

	ReportingTables(DataSource dataSource) {
		super("reporting", dataSource,
				List.of("progress_reports", "supervision_contacts", "supervision_contact_technicians",
						"supervision_alerts"),
				Map.of("clinic_export_links",
						"secrets: hashes of the export's single-use download links, each valid a minute"));
		familyRows("progress_reports", "child_id in (:children)");
	}

}
