package org.sparktherapy.children.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.sparktherapy.children.ChildStatus;

/**
 * A child's record with its guardians and care team (read together; changed through
 * {@link ChildService}).
 */
record Child(UUID id, ChildDetails details, ChildStatus status, List<Guardian> guardians, List<CareTeamMember> careTeam,
		Instant createdAt, Instant updatedAt, int version, @Nullable Instant erasedAt) {

	/** A parent account linked to the child. */
	record Guardian(UUID userId, String name, String email, String relationship, boolean canSign) {
	}

	/** A therapist on the child's care team. */
	record CareTeamMember(UUID userId, String name, @Nullable String credential, TeamRole role) {
	}

	/** The part a therapist plays for this child. */
	enum TeamRole {

		SUPERVISOR, TECHNICIAN;

		@com.fasterxml.jackson.annotation.JsonValue
		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		@com.fasterxml.jackson.annotation.JsonCreator
		static TeamRole of(String value) {
			for (TeamRole role : values()) {
				if (role.value().equals(value)) {
					return role;
				}
			}
			throw new IllegalArgumentException("unknown team role: " + value);
		}

	}

}
