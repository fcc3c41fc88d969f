package org.sparktherapy.reporting.internal.progress;

import java.util.ArrayList;

import org.sparktherapy.platform.privacy.FamilyErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reporting's part of a family's erasure (ADR 0040), in the erasure's transaction: the
 * signed progress reports are the clinical record and are kept, their snapshot's child's
 * name (printed on the PDF) becomes the pseudonym; the erased guardians' unused export
 * links are deleted.
 */
@Component
class ReportingErasure {

	private final JdbcClient jdbc;

	ReportingErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(FamilyErased erased) {
		this.jdbc.sql("""
				update progress_reports set snapshot = jsonb_set(snapshot, '{childName}', to_jsonb(cast(:name as text)))
				where child_id = :child and snapshot is not null
				""").param("name", erased.childDisplayName()).param("child", erased.childId()).update();
		if (!erased.guardians().isEmpty()) {
			this.jdbc.sql("delete from clinic_export_links where account_id in (:guardians)")
				.param("guardians", new ArrayList<>(erased.guardians().keySet()))
				.update();
		}
	}

}
