package org.sparktherapy.platform.web;

import org.sparktherapy.platform.problem.InvalidInput;

/**
 * A validated {@code page}/{@code size}/{@code sort} request. Sorting is only by the
 * properties the list's repository declares ({@link SortColumns}), each mapped to a
 * column, so {@link #orderBy()} is safe to put into SQL.
 *
 * @param page zero-based page number
 * @param size page size, 1 to {@value #MAX_SIZE}
 * @param orderBy the SQL {@code ORDER BY} expression (column and direction); {@code null}
 * for a list in one fixed order, which its repository writes
 */
public record PageQuery(int page, int size, String orderBy) {

	public static final int MAX_SIZE = 200;

	/**
	 * @param sort {@code property} or {@code property,asc|desc}; {@code null} for the
	 * default
	 * @param sortable the properties the list's repository sorts by
	 */
	public static PageQuery of(Integer page, Integer size, String sort, SortColumns sortable, String defaultSort) {
		PageQuery unsorted = of(page, size);
		String[] parts = ((sort == null || sort.isBlank()) ? defaultSort : sort).split(",");
		String column = sortable.column(parts[0].trim());
		if (column == null) {
			throw new InvalidInput("sort", "can sort by " + String.join(", ", sortable.properties()));
		}
		String direction = (parts.length > 1) ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "asc";
		if (!direction.equals("asc") && !direction.equals("desc")) {
			throw new InvalidInput("sort", "direction must be asc or desc");
		}
		return new PageQuery(unsorted.page(), unsorted.size(), column + " " + direction);
	}

	/**
	 * A page of a list in one fixed order, which its repository writes (no {@code sort}
	 * parameter).
	 */
	public static PageQuery of(Integer page, Integer size) {
		int number = (page == null) ? 0 : page;
		int length = (size == null) ? 20 : size;
		if (number < 0) {
			throw new InvalidInput("page", "must be 0 or more");
		}
		if (length < 1 || length > MAX_SIZE) {
			throw new InvalidInput("size", "must be between 1 and " + MAX_SIZE);
		}
		return new PageQuery(number, length, null);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
