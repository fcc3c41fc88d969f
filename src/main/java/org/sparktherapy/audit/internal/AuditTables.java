package org.sparktherapy.audit.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The audit module's tables in the clinic's full export (ADR 0036): the PHI access log,
 * hash chain included (it lets a reader verify the log), and the change history.
 */
@Component
class AuditTables extends TableExport {

	AuditTables(DataSource dataSource) {
		super("audit", dataSource, List.of("audit_log", "change_history"), Map.of());
	}

}
