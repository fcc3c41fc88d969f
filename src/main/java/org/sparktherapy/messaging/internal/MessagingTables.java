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
		String conversations = "(select id from conversations where child_id in (:children)) or conversation_id in "
				+ "(select conversation_id from conversation_members where account_id in (:guardians))";
		familyRows("conversations", "child_id in (:children) or id in "
				+ "(select conversation_id from conversation_members where account_id in (:guardians))");
		familyRows("conversation_members", "conversation_id in " + conversations);
		familyRows("conversation_reads", "account_id in (:guardians)");
		familyRows("messages", "conversation_id in " + conversations);
		familyRows("message_attachments", "conversation_id in " + conversations);
	}

}
