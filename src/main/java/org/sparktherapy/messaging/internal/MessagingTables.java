package org.sparktherapy.messaging.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.sparktherapy.platform.export.TableExport;
import org.sparktherapy.platform.storage.FileStorage;

import org.springframework.stereotype.Component;

/**
 * The messaging module's tables in the clinic's full export (ADR 0036), all of them
 * whole, and the attachments' files: each {@code message_attachments} row's
 * {@code storage_key} names its file in the {@link FileStorage}, which the archive copies
 * under {@code files/messaging/}.
 */
@Component
class MessagingTables extends TableExport {

	MessagingTables(DataSource dataSource, FileStorage storage) {
		super("messaging", dataSource, List.of("conversations", "conversation_members", "conversation_reads",
				"messages", "message_attachments"), Map.of(), storage, Map.of("message_attachments", "storage_key"));
	}

}
