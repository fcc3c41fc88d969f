package org.sparktherapy.notifications.internal;

import java.util.Optional;

/** Where a notification reaches a person. */
enum Channel {

	/** the notification centre in the app (and its live bell) */
	IN_APP("in_app"),
	/** a mail with a sentence and a link */
	EMAIL("email");

	private final String value;

	Channel(String value) {
		this.value = value;
	}

	static Optional<Channel> of(String value) {
		for (Channel channel : values()) {
			if (channel.value.equals(value)) {
				return Optional.of(channel);
			}
		}
		return Optional.empty();
	}

	String value() {
		return this.value;
	}

}
