package org.sparktherapy.notifications.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each person's channels per kind. Only choices that differ from a kind's defaults are
 * stored, so a new kind or a changed default reaches everyone who did not choose
 * otherwise. A locked channel (account security mail) is on whatever is stored.
 */
@Repository
class NotificationPreferences {

	/** One cell of the kind × channel matrix. */
	record Choice(NotificationKind kind, Channel channel, boolean enabled) {
	}

	private final JdbcClient jdbc;

	NotificationPreferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The channels each recipient wants for the kind. */
	Map<UUID, Set<Channel>> channels(Collection<UUID> recipients, NotificationKind kind) {
		Map<UUID, Set<Channel>> result = new HashMap<>();
		for (UUID recipient : recipients) {
			Set<Channel> channels = EnumSet.noneOf(Channel.class);
			for (Channel channel : Channel.values()) {
				if (kind.byDefault(channel)) {
					channels.add(channel);
				}
			}
			result.put(recipient, channels);
		}
		if (recipients.isEmpty()) {
			return result;
		}
		this.jdbc.sql("""
				select account_id, channel, enabled from notification_preferences
				where account_id in (:recipients) and kind = :kind
				""").param("recipients", recipients).param("kind", kind.value()).query((rs, n) -> {
			Channel channel = Channel.of(rs.getString(2)).orElseThrow();
			Set<Channel> channels = result.get(rs.getObject(1, UUID.class));
			if (kind.locked(channel)) {
				return null;
			}
			if (rs.getBoolean(3)) {
				channels.add(channel);
			}
			else {
				channels.remove(channel);
			}
			return null;
		}).list();
		return result;
	}

	/** The whole matrix for one person. */
	List<Choice> of(UUID account) {
		Map<String, Boolean> stored = new HashMap<>();
		this.jdbc.sql("select kind, channel, enabled from notification_preferences where account_id = :account")
			.param("account", account)
			.query((rs, n) -> stored.put(rs.getString(1) + "/" + rs.getString(2), rs.getBoolean(3)))
			.list();
		List<Choice> choices = new java.util.ArrayList<>();
		for (NotificationKind kind : NotificationKind.values()) {
			for (Channel channel : Channel.values()) {
				Boolean choice = stored.get(kind.value() + "/" + channel.value());
				boolean enabled = kind.locked(channel) || ((choice != null) ? choice : kind.byDefault(channel));
				choices.add(new Choice(kind, channel, enabled));
			}
		}
		return choices;
	}

	void save(UUID account, Choice choice) {
		this.jdbc.sql("""
				insert into notification_preferences (account_id, kind, channel, enabled)
				values (:account, :kind, :channel, :enabled)
				on conflict (account_id, kind, channel) do update set enabled = excluded.enabled
				""")
			.param("account", account)
			.param("kind", choice.kind().value())
			.param("channel", choice.channel().value())
			.param("enabled", choice.enabled())
			.update();
	}

}
