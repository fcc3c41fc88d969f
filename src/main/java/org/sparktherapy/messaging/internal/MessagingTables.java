package org.sparktherapy.messaging.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;

import org.springframework.stereotype.Component;

/**
 * The messaging module's tables in the clinic's full export (ADR 0036), all of them whole
 * (attachments' metadata; the files stay in the file store).
 */
@Component
class MessagingTables extends TableExport {

	MessagingTables(DataSource dataSource) {
		super("messaging", dataSource, List.of("conversations", "conversation_members", "conversation_reads",
				"messages", "message_attachments"), Map.of());
	}

}
