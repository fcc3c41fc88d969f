package org.sparktherapy.platform.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.Nullable;
import org.sparktherapy.platform.storage.FileStorage;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One module's own tables in the clinic's full export (ADR 0036). A module that owns
 * tables has one bean of a subclass in its internal package, naming its tables and what
 * it leaves out of them (secrets: password and token hashes, feed tokens) with the
 * reason; the reporting module collects every bean and writes the archive, so it never
 * names another module's table. The rows are read here, in the caller's transaction, with
 * a fetch size, so a table of any size passes through in pages of {@link #FETCH_SIZE}
 * rows (PostgreSQL's driver uses a cursor when the connection is not in auto-commit). A
 * table whose rows point at files in the {@link FileStorage} names its key column
 * ({@link #fileColumn}); the archive then copies each file from the store, one stream at
 * a time.
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
		 * One row: numbers as {@link java.math.BigDecimal}, the rest as {@link Values}
		 * says, {@code null} for SQL null.
		 */
		void row(List<?> cells);

	}

	/** How the cells of a row are given to a {@link RowSink}. */
	public enum Values {

		/**
		 * For CSV: numbers as {@link java.math.BigDecimal}, everything else in
		 * PostgreSQL's text form ({@code t}/{@code f}, {@code {a,b}}, timestamps with the
		 * session's offset).
		 */
		TEXT,

		/**
		 * For JSON: numbers as {@link java.math.BigDecimal}, booleans as {@link Boolean},
		 * {@code timestamptz} as {@link java.time.Instant}, arrays as {@link List}s of
		 * such values, {@code json}/{@code jsonb} as {@link JsonText}; everything else
		 * (text, uuid, date, time, bytea as {@code \x…}) in PostgreSQL's text form.
		 */
		TYPED

	}

	/** A {@code json} or {@code jsonb} cell's document, as PostgreSQL prints it. */
	public record JsonText(String json) {

		@Override
		public String toString() {
			return this.json;
		}

	}

	private final String module;

	private final JdbcTemplate jdbc;

	private final List<String> tables;

	private final Map<String, String> leftOut;

	private final Map<String, String> fileColumns;

	private final @Nullable FileStorage storage;

	private final Map<String, String> familyRows = new LinkedHashMap<>();

	private final Map<String, String> familyLeftOut = new LinkedHashMap<>();

	/**
	 * The people a family's export (ADR 0040) is about: one child and the child's
	 * guardians' accounts. A module's filters name them as {@code :children} and
	 * {@code :guardians} (lists of ids, written as {@code in (:children)}).
	 */
	public record Family(List<java.util.UUID> children, List<java.util.UUID> guardians) {

		public Family {
			children = List.copyOf(children);
			guardians = List.copyOf(guardians);
		}

	}

	/**
	 * @param module the module that owns the tables, e.g. {@code identity}
	 * @param dataSource the application's data source
	 * @param tables the tables exported, in the order they are written
	 * @param leftOut what is not exported, each with the reason: a whole table
	 * ({@code refresh_tokens}) or one column ({@code accounts.password_hash})
	 */
	protected TableExport(String module, DataSource dataSource, List<String> tables, Map<String, String> leftOut) {
		this(module, dataSource, tables, leftOut, null, Map.of());
	}

	/**
	 * @param module the module that owns the tables, e.g. {@code messaging}
	 * @param dataSource the application's data source
	 * @param tables the tables exported, in the order they are written
	 * @param leftOut what is not exported, each with the reason
	 * @param storage where the files the rows point at are kept
	 * @param fileColumns for each table whose rows point at stored files, the column that
	 * holds the file's storage key (e.g. {@code message_attachments → storage_key})
	 */
	protected TableExport(String module, DataSource dataSource, List<String> tables, Map<String, String> leftOut,
			@Nullable FileStorage storage, Map<String, String> fileColumns) {
		for (String name : tables) {
			check(name);
		}
		leftOut.keySet().forEach(key -> java.util.Arrays.stream(key.split("\\.", -1)).forEach(TableExport::check));
		fileColumns.forEach((table, column) -> {
			check(column);
			if (!tables.contains(table) || leftOut.containsKey(table + "." + column)) {
				throw new IllegalArgumentException("files of a table or column not exported: " + table);
			}
		});
		if (!fileColumns.isEmpty() && storage == null) {
			throw new IllegalArgumentException("stored files need the file storage");
		}
		this.module = module;
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
		this.tables = List.copyOf(tables);
		this.leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
		this.fileColumns = Map.copyOf(fileColumns);
		this.storage = storage;
	}

	/**
	 * Declares that {@code table}'s rows about a family belong in the family's export
	 * (ADR 0040): {@code where} is the SQL condition on the table's rows, naming
	 * {@code :children} and {@code :guardians} (e.g. {@code child_id in (:children)}).
	 * Called from the subclass's constructor; a table without a filter holds nothing
	 * about one family (clinic settings, staff's own records) and is not in it.
	 */
	protected final void familyRows(String table, String where) {
		owned(table);
		this.familyRows.put(table, where);
	}

	/**
	 * Leaves {@code table.column} out of the family's export (not out of the clinic's),
	 * with why: other people's data (staff's network addresses) or the audit chain's
	 * internals.
	 */
	protected final void familyLeavesOut(String tableColumn, String why) {
		java.util.Arrays.stream(tableColumn.split("\\.", -1)).forEach(TableExport::check);
		this.familyLeftOut.put(tableColumn, why);
	}

	/** The tables with rows about a family, in order (ADR 0040). */
	public final List<String> familyTables() {
		return this.tables.stream().filter(this.familyRows::containsKey).toList();
	}

	/** What the family's export leaves out beyond {@link #leftOut()}, with why. */
	public final Map<String, String> familyLeftOut() {
		return Collections.unmodifiableMap(this.familyLeftOut);
	}

	/**
	 * Streams the storage keys of the files the family's rows of {@code table} point at,
	 * in key order, in the caller's transaction.
	 */
	public final long familyFileKeys(String table, Family family, Consumer<String> key) {
		String column = fileColumn(table).orElseThrow(() -> new IllegalArgumentException(table + " has no files"));
		long[] keys = { 0 };
		named().query("select \"" + column + "\" from " + table + " where (" + familyFilter(table) + ") and \"" + column
				+ "\" is not null order by 1", parameters(family), (ResultSet rs) -> {
					key.accept(rs.getString(1));
					keys[0]++;
				});
		return keys[0];
	}

	/**
	 * Streams the family's rows of {@code table}, as
	 * {@link #write(String, Values, RowSink)} does the whole table, less the columns
	 * {@link #familyLeftOut()} names.
	 */
	public final long writeFamily(String table, Family family, Values values, RowSink sink) {
		List<String> columns = columns(table).stream()
			.filter(column -> !this.familyLeftOut.containsKey(table + "." + column))
			.toList();
		sink.row(columns);
		long[] rows = { 0 };
		String select = "select " + String.join(", ", columns.stream().map(c -> '"' + c + '"').toList()) + " from "
				+ table + " where (" + familyFilter(table) + ")";
		named().query(select, parameters(family), (ResultSet rs) -> {
			ResultSetMetaData meta = rs.getMetaData();
			int width = meta.getColumnCount();
			List<Object> cells = new ArrayList<>(width);
			for (int i = 1; i <= width; i++) {
				cells.add((values == Values.TYPED) ? typed(rs, meta, i) : cell(rs, meta, i));
			}
			sink.row(cells);
			rows[0]++;
		});
		return rows[0];
	}

	private String familyFilter(String table) {
		String where = this.familyRows.get(table);
		if (where == null) {
			throw new IllegalArgumentException(this.module + " has no family rows in " + table);
		}
		return where;
	}

	private org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named() {
		return new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(this.jdbc);
	}

	private static Map<String, Object> parameters(Family family) {
		// "in ()" is not SQL: an empty list stands for no one (an id no row has)
		java.util.UUID none = new java.util.UUID(0, 0);
		return Map.of("children", family.children().isEmpty() ? List.of(none) : family.children(), "guardians",
				family.guardians().isEmpty() ? List.of(none) : family.guardians());
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

	/**
	 * The column of {@code table} that holds the storage key of a file each row points
	 * at, if its rows point at stored files.
	 */
	public final Optional<String> fileColumn(String table) {
		owned(table);
		return Optional.ofNullable(this.fileColumns.get(table));
	}

	/**
	 * Streams the storage keys of the files {@code table}'s rows point at, in key order,
	 * in the caller's transaction. Returns how many there were.
	 */
	public final long fileKeys(String table, Consumer<String> key) {
		String column = fileColumn(table).orElseThrow(() -> new IllegalArgumentException(table + " has no files"));
		long[] keys = { 0 };
		this.jdbc.query("select \"" + column + "\" from " + table + " where \"" + column + "\" is not null order by 1",
				(ResultSet rs) -> {
					key.accept(rs.getString(1));
					keys[0]++;
				});
		return keys[0];
	}

	/**
	 * The stored file under {@code key} (one {@link #fileKeys} gave), or empty when the
	 * store has none. The caller closes the stream.
	 */
	public final Optional<InputStream> openFile(String key) {
		if (this.storage == null) {
			return Optional.empty();
		}
		try {
			return this.storage.open(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A stored file could not be read", ex);
		}
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
		return write(table, Values.TEXT, sink);
	}

	/**
	 * Streams {@code table} as {@link #write(String, RowSink)} does, its cells given as
	 * {@code values} says.
	 */
	public final long write(String table, Values values, RowSink sink) {
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
				cells.add((values == Values.TYPED) ? typed(rs, meta, i) : cell(rs, meta, i));
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

	private static @Nullable Object typed(ResultSet rs, ResultSetMetaData meta, int column) throws SQLException {
		int type = meta.getColumnType(column);
		if (NUMBERS.contains(type)) {
			return rs.getBigDecimal(column);
		}
		String name = meta.getColumnTypeName(column);
		switch (name) {
			case "bool" -> {
				boolean value = rs.getBoolean(column);
				return rs.wasNull() ? null : value;
			}
			case "timestamptz" -> {
				OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
				return (value != null) ? value.toInstant() : null;
			}
			case "json", "jsonb" -> {
				String value = rs.getString(column);
				return (value != null) ? new JsonText(value) : null;
			}
			default -> {
				if (type == Types.ARRAY) {
					return array(rs.getArray(column));
				}
				return rs.getString(column);
			}
		}
	}

	private static @Nullable List<Object> array(@Nullable Array array) throws SQLException {
		if (array == null) {
			return null;
		}
		Object[] elements = (Object[]) array.getArray();
		List<Object> values = new ArrayList<>(elements.length);
		for (Object element : elements) {
			values.add((element == null || element instanceof Number || element instanceof Boolean) ? element
					: element.toString());
		}
		return values;
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
