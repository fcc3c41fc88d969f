package org.sparktherapy.realtime.internal;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in user's live event stream (server-sent events) and the tickets that open
 * it without a header.
 */
@RestController
@Tag(name = "Live events", description = "Server-sent events: new messages, read receipts, notifications and "
		+ "appointment changes, pushed within a second of commit; replay after reconnection by Last-Event-ID")
class LiveEventController {

	private static final Pattern EVENT_ID = Pattern.compile("[0-9]{1,18}");

	/**
	 * The claim of our access tokens naming their sign-in (see identity's access tokens).
	 */
	private static final String SESSION_CLAIM = "sid";

	private final LiveEventHub hub;

	private final StreamTickets tickets;

	LiveEventController(LiveEventHub hub, StreamTickets tickets) {
		this.hub = hub;
		this.tickets = tickets;
	}

	@GetMapping("/api/events")
	@Operation(summary = "The signed-in user's live event stream (text/event-stream)", description = """
			Authenticate with `Authorization: Bearer …`, or — for EventSource, which cannot send headers — \
			with `ticket` from `POST /api/events/ticket`. The stream starts with a `retry:` hint and a \
			`ready` event (`id:` = where it starts); then each event has `id:` (increasing), `event:` (its \
			type: message.created, message.updated, conversation.read, conversation.changed, \
			notification.created, notification.read, appointment.changed) and `data:` (JSON of ids, kinds \
			and counts). Comment lines every 20 s keep proxies from closing it. It ends when the access \
			token (or the one the ticket was issued for) expires, or at sign-out: reconnect with a fresh \
			token. Send `Last-Event-ID` (header, or `lastEventId`) to receive what you missed, in order and \
			once. 400 if it is not an event id; 410 (type …/live-events-expired) if events after it are no \
			longer kept: reload your data, then reconnect without it.""")
	@ApiResponse(responseCode = "200", description = "The stream",
			content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
	ResponseEntity<SseEmitter> events(Authentication authentication, @Parameter(
			description = "The id of the last event received (sent by EventSource on reconnection)") @RequestHeader(
					name = "Last-Event-ID", required = false) String lastEventIdHeader,
			@Parameter(description = "Same as the Last-Event-ID header (which wins when both are sent)") @RequestParam(
					name = "lastEventId", required = false) String lastEventIdParameter,
			@Parameter(description = "A stream ticket instead of the Authorization header") @RequestParam(
					name = "ticket", required = false) String ticket) {
		Long lastEventId = null;
		if (lastEventIdHeader != null && !lastEventIdHeader.isBlank()) {
			lastEventId = eventId(lastEventIdHeader, "/headers/Last-Event-ID");
		}
		else if (lastEventIdParameter != null && !lastEventIdParameter.isBlank()) {
			lastEventId = eventId(lastEventIdParameter, "/query/lastEventId");
		}
		Jwt credential;
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser
				&& authentication.getCredentials() instanceof Jwt jwt) {
			credential = jwt;
		}
		else if (ticket != null && !ticket.isBlank()) {
			StreamTickets.Holder holder = this.tickets.verify(ticket);
			credential = Jwt.withTokenValue("stream-ticket")
				.header("typ", "stream-ticket")
				.subject(holder.userId().toString())
				.claim(SESSION_CLAIM, holder.sessionId().toString())
				.expiresAt(holder.until())
				.build();
			if (!this.hub.signedIn(credential)) {
				throw new RealtimeProblems.InvalidStreamTicket();
			}
		}
		else {
			throw new RealtimeProblems.StreamCredentialMissing();
		}
		Instant until = credential.getExpiresAt() != null ? credential.getExpiresAt() : Instant.now();
		SseEmitter emitter = this.hub.open(UUID.fromString(credential.getSubject()), credential, until, lastEventId);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("X-Accel-Buffering", "no").body(emitter);
	}

	record TicketResponse(String ticket, Instant expiresAt) {
	}

	@PostMapping("/api/events/ticket")
	@Operation(summary = "A stream ticket for GET /api/events?ticket=… (EventSource clients)",
			description = "Valid for about a minute, only to open the event stream (never as an access token); the "
					+ "stream it opens ends when the access token used here expires.")
	TicketResponse ticket(@org.springframework.security.core.annotation.AuthenticationPrincipal CurrentUser user,
			Authentication authentication) {
		Jwt jwt = (Jwt) authentication.getCredentials();
		StreamTickets.Issued issued = this.tickets.issue(user.id(), user.sessionId(), jwt.getExpiresAt());
		return new TicketResponse(issued.ticket(), issued.expiresAt());
	}

	private static long eventId(String value, String pointer) {
		if (!EVENT_ID.matcher(value.trim()).matches()) {
			throw new RealtimeProblems.MalformedLastEventId(pointer);
		}
		return Long.parseLong(value.trim());
	}

}
