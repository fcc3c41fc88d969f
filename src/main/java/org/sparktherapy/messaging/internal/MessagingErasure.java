package org.sparktherapy.messaging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.platform.privacy.FamilyErased;
import org.sparktherapy.platform.storage.FileStorage;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Messaging's part of a family's erasure (ADR 0040), in the erasure's transaction: the
 * attachments of the conversations about the child and of those an erased guardian is a
 * member of are not part of the clinical record: their rows are deleted now, their stored
 * files once the erasure has committed (a file store cannot roll back; a file left behind
 * by a crash in between is named by no row, so nothing shows or exports it, and stays in
 * the store until removed by hand). The messages' text is kept: it is the record of the
 * clinic's communication about the child's care.
 */
@Component
class MessagingErasure {

	private static final Logger log = LoggerFactory.getLogger(MessagingErasure.class);

	private final JdbcClient jdbc;

	private final FileStorage storage;

	MessagingErasure(JdbcClient jdbc, FileStorage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	@EventListener
	void on(FamilyErased erased) {
		List<UUID> guardians = new ArrayList<>(erased.guardians().keySet());
		if (guardians.isEmpty()) {
			guardians.add(new UUID(0, 0));
		}
		List<String> keys = this.jdbc
			.sql("""
					delete from message_attachments
					where conversation_id in (select id from conversations where child_id = :child)
					   or conversation_id in (select conversation_id from conversation_members where account_id in (:guardians))
					returning storage_key
					""")
			.param("child", erased.childId())
			.param("guardians", guardians)
			.query(String.class)
			.list();
		if (keys.isEmpty()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				int failed = 0;
				for (String key : keys) {
					try {
						MessagingErasure.this.storage.delete(key);
					}
					catch (RuntimeException ex) {
						failed++;
					}
				}
				if (failed > 0) {
					log.warn("Family erasure: {} of {} attachment files could not be deleted from the file store",
							failed, keys.size());
				}
			}
		});
	}

}
