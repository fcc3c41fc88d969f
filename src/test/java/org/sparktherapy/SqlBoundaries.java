package org.sparktherapy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Module boundaries in SQL (ADR 0021): which module owns which table and view, read from
 * the per-module migration folders, and which tables a piece of SQL names. Used by
 * {@link SqlBoundaryTests}.
 * <p>
 * A table belongs to the module whose folder ({@code db/migration/<module>}) holds its
 * {@code create table}; a view likewise, and a view is its owner's published read
 * interface, which every module may read. Tables of {@code platform}, the shared kernel
 * (an open module, like its Java types), may be read by every module.
 */
final class SqlBoundaries {

	/** The shared kernel: its tables (job locks, the event registry) are open to all. */
	static final String PLATFORM = "platform";

	/**
	 * Tables created, before migrations were kept per module, by a migration in another
	 * module's folder: V12 (notifications) created identity's password-reset tokens and
	 * the platform's job locks and event registry. A merged migration is never edited, so
	 * their owner is written here; this list does not grow, new tables go to their
	 * owner's folder.
	 */
	static final Map<String, String> ADOPTED = Map.of("password_reset_tokens", "identity", "shedlock", PLATFORM,
			"event_publication", PLATFORM);

	private static final Pattern CREATE = Pattern.compile(
			"\\bcreate\\s+(?:or\\s+replace\\s+)?(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?(\\w+)(.*?);",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/**
	 * A table or view named after a keyword that reads or writes rows: {@code from} (also
	 * {@code delete from}, {@code exists (select … from}), {@code join}, {@code into},
	 * {@code update}, {@code table}.
	 */
	private static final Pattern NAMED = Pattern.compile(
			"\\b(?:from|join|into|update|table)\\s+(?:only\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");

	private SqlBoundaries() {
	}

	/** A table or view and the module that owns it. */
	record Owned(String name, String module, boolean view) {
	}

	/** SQL of {@code module} (in {@code where}) that names {@code owned}. */
	record Violation(String module, String where, Owned owned) {

		@Override
		public String toString() {
			return this.where + ": module " + this.module + " names " + (this.owned.view() ? "view " : "table ")
					+ this.owned.name() + " of module " + this.owned.module();
		}

	}

	/** The tables and views of every module, from the migration folders. */
	static Map<String, Owned> schema(Path migrations) {
		Map<String, Owned> owned = new LinkedHashMap<>();
		for (Path file : files(migrations, ".sql")) {
			String module = migrations.relativize(file).getName(0).toString();
			String sql = LINE_COMMENT.matcher(read(file)).replaceAll("");
			Matcher create = CREATE.matcher(sql);
			while (create.find()) {
				String name = create.group(2).toLowerCase(Locale.ROOT);
				boolean view = create.group(1).equalsIgnoreCase("view");
				owned.put(name, new Owned(name, view ? module : ADOPTED.getOrDefault(name, module), view));
			}
		}
		return owned;
	}

	/**
	 * What {@code module}'s SQL may not name: another module's table, unless the
	 * platform's. Views are published, so they are always allowed.
	 */
	static boolean forbidden(String module, Owned owned) {
		return !owned.view() && !owned.module().equals(module) && !owned.module().equals(PLATFORM);
	}

	/** The violations in one piece of SQL of {@code module}. */
	static List<Violation> check(String module, String where, String sql, Map<String, Owned> schema) {
		List<Violation> violations = new ArrayList<>();
		Matcher named = NAMED.matcher(sql);
		while (named.find()) {
			Owned owned = schema.get(named.group(1).toLowerCase(Locale.ROOT));
			if (owned != null && forbidden(module, owned)) {
				violations.add(new Violation(module, where, owned));
			}
		}
		return violations;
	}

	/**
	 * The violations in the Java sources of every module (the first package under
	 * {@code sources}): the SQL in their string literals and text blocks.
	 */
	static List<Violation> checkJava(Path sources, Map<String, Owned> schema) {
		List<Violation> violations = new ArrayList<>();
		for (Path file : files(sources, ".java")) {
			Path relative = sources.relativize(file);
			if (relative.getNameCount() < 2) {
				continue;
			}
			String module = relative.getName(0).toString();
			for (String literal : literals(read(file))) {
				violations.addAll(check(module, relative.toString(), literal, schema));
			}
		}
		return violations;
	}

	/**
	 * The violations in the migrations' views: a published view reads its own module's
	 * tables and other published views, never another module's tables.
	 */
	static List<Violation> checkViews(Path migrations, Map<String, Owned> schema) {
		List<Violation> violations = new ArrayList<>();
		for (Path file : files(migrations, ".sql")) {
			String module = migrations.relativize(file).getName(0).toString();
			Matcher create = CREATE.matcher(LINE_COMMENT.matcher(read(file)).replaceAll(""));
			while (create.find()) {
				if (create.group(1).equalsIgnoreCase("view")) {
					violations.addAll(check(module, migrations.relativize(file).toString(), create.group(3), schema));
				}
			}
		}
		return violations;
	}

	/**
	 * The contents of the string literals and text blocks of a Java source, comments and
	 * character literals skipped (escapes are left as written).
	 */
	static List<String> literals(String java) {
		List<String> literals = new ArrayList<>();
		int i = 0;
		int n = java.length();
		while (i < n) {
			if (java.startsWith("//", i)) {
				int end = java.indexOf('\n', i);
				i = (end < 0) ? n : end + 1;
			}
			else if (java.startsWith("/*", i)) {
				int end = java.indexOf("*/", i + 2);
				i = (end < 0) ? n : end + 2;
			}
			else if (java.startsWith("\"\"\"", i)) {
				int start = i + 3;
				int j = start;
				while (j < n && !java.startsWith("\"\"\"", j)) {
					j += (java.charAt(j) == '\\') ? 2 : 1;
				}
				literals.add(java.substring(start, Math.min(j, n)));
				i = j + 3;
			}
			else if (java.charAt(i) == '"' || java.charAt(i) == '\'') {
				char quote = java.charAt(i);
				int j = i + 1;
				while (j < n && java.charAt(j) != quote) {
					j += (java.charAt(j) == '\\') ? 2 : 1;
				}
				if (quote == '"') {
					literals.add(java.substring(i + 1, Math.min(j, n)));
				}
				i = j + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

	static List<Path> files(Path root, String suffix) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
