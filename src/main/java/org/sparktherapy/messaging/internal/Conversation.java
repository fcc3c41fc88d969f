package org.sparktherapy.messaging.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;
import org.sparktherapy.identity.Role;

/**
 * A conversation: a child's (its guardians and care team, who are read from the children
 * module each time), a direct one between staff (members stored), or an admin
 * announcement to a role or everyone.
 */
record Conversation(UUID id, Kind kind, UUID childId, Audience audience, String title, UUID createdBy,
		Instant createdAt, Instant lastMessageAt) {

	enum Kind {

		CHILD, DIRECT, ANNOUNCEMENT;

		@JsonValue
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

	/** Who an announcement is for. */
	enum Audience {

		EVERYONE, ADMIN, THERAPIST, PARENT;

		@JsonValue
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Audience of(String value) {
			for (Audience audience : values()) {
				if (audience.value().equals(value)) {
					return audience;
				}
			}
			throw new MessagingProblems.InvalidField("/audience", "must be everyone, admin, therapist or parent");
		}

		boolean includes(Role role) {
			return this == EVERYONE || role == Role.ADMIN || this.name().equals(role.name());
		}

	}

	boolean isChild() {
		return this.kind == Kind.CHILD;
	}

}
