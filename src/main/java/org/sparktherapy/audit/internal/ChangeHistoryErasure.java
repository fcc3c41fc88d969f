package org.sparktherapy.audit.internal;

import java.util.List;

import org.sparktherapy.platform.privacy.FamilyErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit module's part of a family's erasure (ADR 0040), in the erasure's transaction.
 * The access log ({@code audit_log}) is append-only and kept whole for its retention
 * period: who opened the record when. The child's change history is kept too, but the old
 * and new values of the fields the erasure pseudonymised (names, school, emergency
 * contacts, insurance notes, address) read {@value #ERASED}, so the former name does not
 * show in the record's history.
 */
@Component
class ChangeHistoryErasure {

	static final String ERASED = "[erased]";

	/** The child record's fields the erasure pseudonymises, as the history names them. */
	static final List<String> FIELDS = List.of("firstName", "lastName", "preferredName", "school", "emergencyContacts",
			"insurance", "address");

	private final JdbcClient jdbc;

	ChangeHistoryErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(FamilyErased erased) {
		this.jdbc
			.sql("""
					update change_history h set changes = (
					    select jsonb_agg(case when e ->> 'field' in (:fields)
					                          then e || jsonb_build_object('from', cast(:erased as text), 'to', cast(:erased as text))
					                          else e end order by n)
					    from jsonb_array_elements(h.changes) with ordinality as x(e, n))
					where h.child_id = :child and h.entity = 'child' and jsonb_typeof(h.changes) = 'array'
					  and jsonb_array_length(h.changes) > 0
					""")
			.param("fields", FIELDS)
			.param("erased", ERASED)
			.param("child", erased.childId())
			.update();
	}

}
