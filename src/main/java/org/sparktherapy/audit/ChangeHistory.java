package org.sparktherapy.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

/**
 * The change history of a child's record: the child, its guardians and care team,
 * programs and targets.
 */
public interface ChangeHistory {

	/** One changed field. Values are shown as text. */
	record FieldChange(String field, String from, String to) {
	}

	/** Who changed what, when. */
	record Entry(UUID id, Instant at, Actor by, String entity, UUID entityId, String action,
			List<FieldChange> changes) {
	}

	/** The account that made a change. */
	record Actor(UUID id, String name) {
	}

	/**
	 * The fields that differ between two values of the same record type, by component
	 * name; values as text ({@code null} stays null).
	 */
	static <R extends Record> List<FieldChange> diff(R before, R after) {
		List<FieldChange> changes = new java.util.ArrayList<>();
		for (var component : before.getClass().getRecordComponents()) {
			try {
				var accessor = component.getAccessor();
				accessor.setAccessible(true);
				Object from = accessor.invoke(before);
				Object to = accessor.invoke(after);
				if (!java.util.Objects.equals(from, to)) {
					changes.add(new FieldChange(component.getName(), text(from), text(to)));
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return changes;
	}

	private static String text(Object value) {
		return (value == null) ? null : value.toString();
	}

	/** Records a change by the signed-in user, in the caller's transaction. */
	void record(UUID childId, String entity, UUID entityId, String action, List<FieldChange> changes);

	/**
	 * Records a change the system made by itself (no person), in the caller's
	 * transaction.
	 */
	void recordAutomatic(UUID childId, String entity, UUID entityId, String action, List<FieldChange> changes);

	PageResponse<Entry> forChild(UUID childId, PageQuery page);

}
