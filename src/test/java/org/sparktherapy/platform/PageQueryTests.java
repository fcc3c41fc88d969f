package org.sparktherapy.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.platform.web.SortColumns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageQueryTests {

	private static final SortColumns SORTABLE = SortColumns.of(Map.of("name", "lower(name)"));

	@Test
	void defaultsToTheFirstPageOfTwenty() {
		PageQuery query = PageQuery.of(null, null, null, SORTABLE, "name,asc");

		assertThat(query).isEqualTo(new PageQuery(0, 20, "lower(name) asc"));
		assertThat(PageQuery.of(3, 10, "name,DESC", SORTABLE, "name").offset()).isEqualTo(30);
	}

	@Test
	void sortsOnlyByListedPropertiesSoNothingElseReachesSql() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> PageQuery.of(0, 10, "name; drop table accounts", SORTABLE, "name"));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> PageQuery.of(0, 10, "name,sideways", SORTABLE, "name"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> PageQuery.of(0, 0, null, SORTABLE, "name"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> PageQuery.of(-1, 5, null, SORTABLE, "name"));
	}

	@Test
	void pagesCountTheirTotal() {
		PageResponse<String> page = PageResponse.of(java.util.List.of("a"), new PageQuery(0, 20, "x"), 41);

		assertThat(page.page()).isEqualTo(new PageResponse.PageInfo(0, 20, 41, 3));
	}

	@Test
	void eTagsNameAVersion() {
		assertThat(ETags.version("\"7\"")).isEqualTo(7);
		assertThat(ETags.version("W/\"7\"")).isEqualTo(7);
		assertThat(ETags.version(null)).isNull();
		assertThat(ETags.version("*")).isNull();
		assertThatExceptionOfType(StaleVersion.class).isThrownBy(() -> ETags.version("\"abc\""));
	}

}
