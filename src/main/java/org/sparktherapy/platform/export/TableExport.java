package org.sparktherapy.platform.export;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One module's own tables in the clinic's full export (ADR 0036). A module that owns
 * tables has one bean of a subclass in its internal package, naming its tables and what
 * it leaves out of them (secrets: password and token hashes, feed tokens) with the
 * reason; the reporting module collects every bean and writes the archive, so it never
 * names another module's table. The rows are read here, in the caller's transaction, with
 * a fetch size, so a table of any size passes through in pages of {@link #FETCH_SIZE}
 * rows (PostgreSQL's driver uses a cursor when the connection is not in auto-commit).
 */
public abstract class TableExport {

	/** Rows fetched from the server at a time. */
	public static final int FETCH_SIZE = 500;

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	private static final Set<Integer> NUMBERS = Set.of(Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC,
			Types.DECIMAL, Types.REAL, Types.DOUBLE, Types.FLOAT);

	/** Receives a table's rows: first the column names, then each row's values. */
	public interface RowSink {

		/**
		 * One row: numbers as {@link Number}, everything else as PostgreSQL's text form,
		 * {@code null} for SQL null.
		 */
		void row(List<?> cells);

	}

	private final String module;

	private final JdbcTemplate jdbc;

	private final List<String> tables;

	private final Map<String, String> leftOut;

	/**
	 * @param module the module that owns the tables, e.g. {@code identity}
	 * @param dataSource the application's data source
	 * @param tables the tables exported, in the order they are written
	 * @param leftOut what is not exported, each with the reason: a whole table
	 * ({@code refresh_tokens}) or one column ({@code accounts.password_hash})
	 */
	protected TableExport(String module, DataSource dataSource, List<String> tables, Map<String, String> leftOut) {
		for (String name : tables) {
			check(name);
		}
		leftOut.keySet().forEach(key -> java.util.Arrays.stream(key.split("\\.", -1)).forEach(TableExport::check));
		this.module = module;
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
		this.tables = List.copyOf(tables);
		this.leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
	}

	/** The module whose tables these are. */
	public final String module() {
		return this.module;
	}

	/** The tables exported, in order. */
	public final List<String> tables() {
		return this.tables;
	}

	/**
	 * What is left out, with why: {@code table} for a whole table, {@code table.column}
	 * for a column.
	 */
	public final Map<String, String> leftOut() {
		return this.leftOut;
	}

	/** The columns of {@code table} that are exported, in the table's order. */
	public final List<String> columns(String table) {
		owned(table);
		List<String> all = this.jdbc.queryForList("""
				select column_name from information_schema.columns
				where table_schema = current_schema() and table_name = ?
				order by ordinal_position
				""", String.class, table);
		List<String> kept = new ArrayList<>();
		for (String column : all) {
			if (!this.leftOut.containsKey(table + "." + column)) {
				kept.add(column);
			}
		}
		return kept;
	}

	/** How many rows {@code table} holds, in the caller's transaction. */
	public final long count(String table) {
		owned(table);
		Long count = this.jdbc.queryForObject("select count(*) from " + table, Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * Streams {@code table}: its exported column names, then every row, one at a time.
	 * Run it in a transaction so the rows come through a cursor. Returns the number of
	 * rows written.
	 */
	public final long write(String table, RowSink sink) {
		List<String> columns = columns(table);
		sink.row(columns);
		long[] rows = { 0 };
		String select = "select " + String.join(", ", columns.stream().map(c -> '"' + c + '"').toList()) + " from "
				+ table;
		this.jdbc.query(select, (ResultSet rs) -> {
			ResultSetMetaData meta = rs.getMetaData();
			int width = meta.getColumnCount();
			List<Object> cells = new ArrayList<>(width);
			for (int i = 1; i <= width; i++) {
				cells.add(cell(rs, meta, i));
			}
			sink.row(cells);
			rows[0]++;
		});
		return rows[0];
	}

	private static Object cell(ResultSet rs, ResultSetMetaData meta, int column) throws SQLException {
		if (NUMBERS.contains(meta.getColumnType(column))) {
			return rs.getBigDecimal(column);
		}
		return rs.getString(column);
	}

	private void owned(String table) {
		if (!this.tables.contains(table)) {
			throw new IllegalArgumentException(this.module + " does not export " + table);
		}
	}

	private static void check(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("not a table or column name: " + name);
		}
	}

}
