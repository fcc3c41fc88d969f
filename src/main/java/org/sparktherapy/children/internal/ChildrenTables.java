package org.sparktherapy.children.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The children module's tables in the clinic's full export (ADR 0036), all of them whole.
 */
@Component
class ChildrenTables extends TableExport {

	ChildrenTables(DataSource dataSource) {
		super("children", dataSource, List.of("children", "guardians", "care_team_members"), Map.of());
		familyRows("children", "id in (:children)");
		familyRows("guardians", "child_id in (:children)");
		familyRows("care_team_members", "child_id in (:children)");
	}

}
