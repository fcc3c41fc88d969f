package org.sparktherapy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module boundaries in SQL, which {@code ModularityTests} cannot see (ADR 0021): a
 * module's SQL names its own tables, the views other modules publish and the platform's
 * tables, never another module's tables. Ownership is read from the per-module migration
 * folders, so a new table is covered as soon as its migration is written.
 */
class SqlBoundaryTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path SOURCES = Path.of("src/main/java/org/sparktherapy");

	private final Map<String, SqlBoundaries.Owned> schema = SqlBoundaries.schema(MIGRATIONS);

	@Test
	void modulesNameNoTableOfAnotherModuleInTheirSql() {
		assertThat(SqlBoundaries.checkJava(SOURCES, this.schema)).isEmpty();
	}

	@Test
	void publishedViewsReadOnlyTheirOwnersTablesAndOtherViews() {
		assertThat(SqlBoundaries.checkViews(MIGRATIONS, this.schema)).isEmpty();
	}

	@Test
	void everyMigrationLivesInTheFolderOfAModule() throws Exception {
		Set<String> modules;
		try (var packages = Files.list(SOURCES)) {
			modules = packages.filter(Files::isDirectory)
				.map(p -> p.getFileName().toString())
				.collect(Collectors.toSet());
		}
		assertThat(SqlBoundaries.files(MIGRATIONS, ".sql")).allSatisfy(migration -> {
			Path relative = MIGRATIONS.relativize(migration);
			assertThat(relative.getNameCount()).as("%s is in a module's folder", relative).isEqualTo(2);
			assertThat(modules).as("%s is in the folder of a module", relative)
				.contains(relative.getName(0).toString());
		});
	}

	@Test
	void ownershipComesFromTheMigrationFolders() {
		assertThat(this.schema.get("accounts")).isEqualTo(new SqlBoundaries.Owned("accounts", "identity", false));
		assertThat(this.schema.get("account_names"))
			.isEqualTo(new SqlBoundaries.Owned("account_names", "identity", true));
		assertThat(this.schema.get("appointments").module()).isEqualTo("scheduling");
		assertThat(this.schema.get("child_visibility").module()).isEqualTo("children");
		// the frozen list of tables created in another module's migration points at
		// tables that exist
		SqlBoundaries.ADOPTED
			.forEach((table, module) -> assertThat(this.schema.get(table).module()).as(table).isEqualTo(module));
	}

	@Test
	void findsAnotherModulesTableInSql() {
		String sql = """
				select p.id, a.name from appointments p join accounts a on a.id = p.therapist_id
				where exists (select 1 from care_team_members m where m.child_id = p.child_id)
				""";
		assertThat(SqlBoundaries.check("scheduling", "Example.java", sql, this.schema))
			.extracting(v -> v.owned().name())
			.containsExactly("accounts", "care_team_members");
		assertThat(SqlBoundaries.check("notifications", "Example.java", "delete from appointments where id = :id",
				this.schema))
			.hasSize(1);
		assertThat(SqlBoundaries.check("billing", "Example.java", "insert into guardians (child_id) values (:c)",
				this.schema))
			.hasSize(1);
		assertThat(SqlBoundaries.check("billing", "Example.java", "UPDATE Children set status = 'x'", this.schema))
			.hasSize(1);
	}

	@Test
	void allowsOwnTablesPublishedViewsAndPlatformTables() {
		String sql = """
				select p.*, t.name from appointments p join account_names t on t.account_id = p.therapist_id
				where p.child_id in (select v.child_id from child_visibility v where v.account_id = :user)
				""";
		assertThat(SqlBoundaries.check("scheduling", "Example.java", sql, this.schema)).isEmpty();
		assertThat(SqlBoundaries.check("notifications", "Example.java", "select count(*) from event_publication",
				this.schema))
			.isEmpty();
	}

	@Test
	void readsSqlFromStringLiteralsAndTextBlocksOnly() {
		String java = """
				class Example {
					// select * from accounts (a comment)
					/* join guardians */
					static final char QUOTE = '"';
					static final String ONE = "select name from accounts where id = :id";
					static final String TWO = \"""
							select 1 from children c
							\""";
				}
				""";
		List<String> literals = SqlBoundaries.literals(java);
		assertThat(literals).hasSize(2);
		assertThat(literals.get(0)).isEqualTo("select name from accounts where id = :id");
		assertThat(literals.get(1)).contains("select 1 from children c");
	}

}
