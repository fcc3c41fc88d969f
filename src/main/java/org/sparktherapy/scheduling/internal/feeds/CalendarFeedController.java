package org.sparktherapy.scheduling.internal.feeds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Private calendar feeds: the signed-in user's feed address, its rotation, and the feed
 * itself — public, the secret token in the address being its only credential (calendar
 * apps send no sign-in).
 */
@RestController
@Tag(name = "Calendar feeds", description = "Private iCalendar feeds of appointments for calendar apps")
class CalendarFeedController {

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final CalendarFeedService service;

	CalendarFeedController(CalendarFeedService service) {
		this.service = service;
	}

	record FeedUrlResponse(String url) {
	}

	@GetMapping("/api/calendar/feed-url")
	@Operation(summary = "The signed-in user's private calendar feed address",
			description = "Subscribe to it in Google, Apple or Outlook calendar. Anyone with the address reads the "
					+ "feed: keep it private, rotate it when it leaked. Issued on first call.")
	FeedUrlResponse feedUrl(@AuthenticationPrincipal CurrentUser user) {
		return url(this.service.token(user));
	}

	@PostMapping("/api/calendar/feed-url/rotate")
	@Operation(summary = "A new feed address; the old one stops working")
	FeedUrlResponse rotate(@AuthenticationPrincipal CurrentUser user) {
		return url(this.service.rotate(user));
	}

	@GetMapping("/api/calendar/{token}.ics")
	@Operation(summary = "A private iCalendar feed (no sign-in: the address is the credential)",
			description = "Therapists: their appointments; guardians: their children's; admins: all — 30 days back to "
					+ "180 days ahead. Each event: kind of session, child's initials, type of place; cancelled ones "
					+ "STATUS:CANCELLED. 404 for an unknown or rotated address.")
	ResponseEntity<String> feed(@PathVariable String token) {
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(this.service.feed(token));
	}

	private static FeedUrlResponse url(String token) {
		return new FeedUrlResponse(ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/calendar/{token}.ics")
			.buildAndExpand(token)
			.toUriString());
	}

}
