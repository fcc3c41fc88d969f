package org.sparktherapy.realtime.internal;

import java.util.List;

import org.sparktherapy.platform.problem.Problem;

/** The broken rules of the event stream. */
final class RealtimeProblems {

	private RealtimeProblems() {
	}

	/** {@code Last-Event-ID} (or {@code lastEventId}) is not an event id at all. */
	static final class MalformedLastEventId extends Problem {

		MalformedLastEventId(String pointer) {
			super(Kind.INVALID, "validation", "Invalid request", "The request has invalid fields.",
					List.of(new FieldError(pointer, "must be the id of an event this stream sent (a whole number)")));
		}

	}

	/**
	 * Events after the client's {@code Last-Event-ID} are no longer kept (or the id was
	 * never issued): the client cannot catch up by replay. It reloads its state, then
	 * reconnects without {@code Last-Event-ID}.
	 */
	static final class LiveEventsExpired extends Problem {

		LiveEventsExpired() {
			super(Kind.GONE, "live-events-expired", "Live events expired",
					"Events after this Last-Event-ID are no longer available: reload, then reconnect without "
							+ "Last-Event-ID.");
		}

	}

	/** The stream ticket is malformed, forged or expired. */
	static final class InvalidStreamTicket extends Problem {

		InvalidStreamTicket() {
			super(Kind.UNAUTHENTICATED, "unauthenticated", "Authentication required",
					"The stream ticket is invalid or expired: ask for a new one.");
		}

	}

	/** Neither a bearer token nor a ticket. */
	static final class StreamCredentialMissing extends Problem {

		StreamCredentialMissing() {
			super(Kind.UNAUTHENTICATED, "unauthenticated", "Authentication required",
					"Sign in to continue: send an access token, or a stream ticket in the ticket parameter.");
		}

	}

}
