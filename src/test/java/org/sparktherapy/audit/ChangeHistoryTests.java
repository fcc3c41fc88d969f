package org.sparktherapy.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sparktherapy.audit.ChangeHistory.FieldChange;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeHistoryTests {

	record Record(String name, Integer count, List<String> tags) {
	}

	@Test
	void diffListsOnlyTheFieldsThatChanged() {
		List<FieldChange> changes = ChangeHistory.diff(new Record("a", 1, List.of("x")),
				new Record("b", 1, List.of("x", "y")));

		assertThat(changes).containsExactly(new FieldChange("name", "a", "b"),
				new FieldChange("tags", "[x]", "[x, y]"));
	}

	@Test
	void diffKeepsNullsAsNulls() {
		assertThat(ChangeHistory.diff(new Record(null, 1, List.of()), new Record("a", null, List.of())))
			.containsExactly(new FieldChange("name", null, "a"), new FieldChange("count", "1", null));
	}

	@Test
	void identicalRecordsHaveNoChanges() {
		assertThat(ChangeHistory.diff(new Record("a", 1, List.of()), new Record("a", 1, List.of()))).isEmpty();
	}

}
