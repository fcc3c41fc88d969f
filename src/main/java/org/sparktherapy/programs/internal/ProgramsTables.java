package org.sparktherapy.programs.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The programs module's tables in the clinic's full export (ADR 0036), all of them whole.
 */
@Component
class ProgramsTables extends TableExport {

	ProgramsTables(DataSource dataSource) {
		super("programs", dataSource, List.of("programs", "targets", "target_phase_changes"), Map.of());
		familyRows("programs", "child_id in (:children)");
		familyRows("targets", "child_id in (:children)");
		familyRows("target_phase_changes", "child_id in (:children)");
	}

}
