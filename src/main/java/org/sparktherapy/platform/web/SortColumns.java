package org.sparktherapy.platform.web;

import java.util.Map;
import java.util.Set;

/**
 * The properties a list may be sorted by, each with the SQL expression it sorts on.
 * Declared by the repository that writes the list's query — the one place that knows its
 * columns — and passed on unchanged by the controller to {@link PageQuery#of}, which
 * accepts only these properties. {@code ArchitectureTests} keeps SQL column names out of
 * controllers: only repositories create sort columns.
 */
public final class SortColumns {

	private final Map<String, String> columns;

	private SortColumns(Map<String, String> columns) {
		this.columns = Map.copyOf(columns);
	}

	/**
	 * @param columns API property name → SQL expression
	 */
	public static SortColumns of(Map<String, String> columns) {
		return new SortColumns(columns);
	}

	/** The API property names, for messages. */
	public Set<String> properties() {
		return this.columns.keySet();
	}

	/** The SQL expression of a property; {@code null} when it is not sortable. */
	String column(String property) {
		return this.columns.get(property);
	}

}
