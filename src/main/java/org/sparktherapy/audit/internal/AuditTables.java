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
		familyRows("audit_log", "child_id in (:children) or account_id in (:guardians)");
		familyRows("change_history", "child_id in (:children)");
		familyLeavesOut("audit_log.address",
				"other people's data: the network addresses of the staff who opened the " + "record");
		familyLeavesOut("audit_log.previous_hash", "the tamper-evident chain's internals, checked by the clinic");
		familyLeavesOut("audit_log.hash", "the tamper-evident chain's internals, checked by the clinic");
		familyLeavesOut("audit_log.key_id", "the tamper-evident chain's internals, checked by the clinic");
		familyLeavesOut("audit_log.chain_seq", "the tamper-evident chain's internals, checked by the clinic");
	}

}
