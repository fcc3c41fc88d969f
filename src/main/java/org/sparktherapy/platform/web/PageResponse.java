package org.sparktherapy.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code {content, page: {number, size, totalElements, totalPages}}}.
 */
public record PageResponse<T>(List<T> content, PageInfo page) {

	public record PageInfo(int number, int size, long totalElements, int totalPages) {
	}

	public static <T> PageResponse<T> of(List<T> content, PageQuery query, long totalElements) {
		int totalPages = (int) ((totalElements + query.size() - 1) / query.size());
		return new PageResponse<>(content, new PageInfo(query.page(), query.size(), totalElements, totalPages));
	}

	public <R> PageResponse<R> map(Function<T, R> mapper) {
		return new PageResponse<>(this.content.stream().map(mapper).toList(), this.page);
	}

}
