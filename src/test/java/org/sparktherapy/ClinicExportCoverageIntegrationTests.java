package org.sparktherapy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sparktherapy.platform.export.TableExport;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic's full export covers every table (ADR 0036): each table of the migrations is
 * exported or left out with a reason, once, by the module that owns it — so a new table
 * fails this test until its owner says which.
 */
@IntegrationTest
class ClinicExportCoverageIntegrationTests {

	@Autowired
	List<TableExport> contributions;

	@Test
	void everyTableIsExportedOrLeftOutByItsOwnerOnce() {
		Map<String, SqlBoundaries.Owned> schema = SqlBoundaries.schema(Path.of("src/main/resources/db/migration"));
		List<String> declared = new ArrayList<>();
		List<String> wrongOwner = new ArrayList<>();
		for (TableExport contribution : this.contributions) {
			List<String> tables = new ArrayList<>(contribution.tables());
			contribution.leftOut().keySet().stream().filter(key -> !key.contains(".")).forEach(tables::add);
			for (String table : tables) {
				declared.add(table);
				SqlBoundaries.Owned owned = schema.get(table);
				if (owned == null || owned.view() || !owned.module().equals(contribution.module())) {
					wrongOwner.add(contribution.module() + " declares " + table + " owned by " + owned);
				}
			}
			contribution.leftOut().keySet().stream().filter(key -> key.contains(".")).forEach(column -> {
				String table = column.substring(0, column.indexOf('.'));
				assertThat(contribution.tables()).as("%s leaves out a column of a table it exports", column)
					.contains(table);
			});
		}
		List<String> tables = schema.values().stream().filter(o -> !o.view()).map(SqlBoundaries.Owned::name).toList();
		assertThat(wrongOwner).isEmpty();
		assertThat(declared).containsExactlyInAnyOrderElementsOf(tables);
	}

}
