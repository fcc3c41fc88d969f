package org.sparktherapy.notifications.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's notification centre ({@code /api/notifications}) and
 * notification preferences.
 */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "The notification centre, unread count and preferences per kind and channel")
class NotificationController {

	private final NotificationService service;

	NotificationController(NotificationService service) {
		this.service = service;
	}

	/**
	 * One notice. {@code task}: it asks the recipient to do something (sign a note,
	 * decide a change); {@code resolvedAt}: when that was done, by anyone (null while it
	 * stands).
	 */
	record NotificationResponse(UUID id, String kind, String title, @Nullable String link, Instant createdAt,
			boolean read, boolean task, @Nullable Instant resolvedAt) {

		static NotificationResponse of(Notification n) {
			return new NotificationResponse(n.id(), n.kind().value(), n.title(), n.link(), n.createdAt(),
					n.readAt() != null, n.kind().task(), n.resolvedAt());
		}

	}

	record CentreResponse(List<NotificationResponse> content, PageResponse.PageInfo page, long unreadCount) {
	}

	record UnreadCountResponse(long unreadCount) {
	}

	record ReadRequest(@Size(max = 500) List<@NotNull UUID> ids, Boolean all, Instant upTo) {
	}

	record PreferenceItem(String kind, String channel, Boolean enabled) {
	}

	record PreferenceResponse(String kind, String label, String channel, boolean enabled, boolean locked) {
	}

	record PreferencesRequest(@NotNull @Size(max = 100) List<@NotNull PreferenceItem> preferences) {
	}

	record PreferencesResponse(List<String> channels, List<PreferenceResponse> preferences) {
	}

	@GetMapping
	@Operation(summary = "The caller's notifications, newest first, with the unread count")
	CentreResponse list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "false") boolean unreadOnly, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		NotificationService.Centre centre = this.service.centre(user, unreadOnly, PageQuery.of(page, size));
		return new CentreResponse(centre.page().content().stream().map(NotificationResponse::of).toList(),
				centre.page().page(), centre.unreadCount());
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of the caller's notifications are unread")
	UnreadCountResponse unreadCount(@AuthenticationPrincipal CurrentUser user) {
		return new UnreadCountResponse(this.service.unreadCount(user));
	}

	@PostMapping("/read")
	@Operation(summary = "Mark notifications read",
			description = "Either {ids: [...]} (others' ids are ignored), or {all: true}, or {upTo: instant}. "
					+ "Answers the new unread count; the caller's open apps get notification.read.")
	UnreadCountResponse read(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ReadRequest request) {
		return new UnreadCountResponse(this.service.markRead(user, new NotificationService.ReadRequest(request.ids(),
				Boolean.TRUE.equals(request.all()), request.upTo())));
	}

	@GetMapping("/preferences")
	@Operation(summary = "The caller's channels per notification kind",
			description = "Every kind × channel (in_app, email); locked cells (account security mail) stay on.")
	PreferencesResponse preferences(@AuthenticationPrincipal CurrentUser user) {
		return answer(this.service.preferences(user));
	}

	@PutMapping("/preferences")
	@Operation(summary = "Change the caller's channels per notification kind",
			description = "Lists the cells to change as {kind, channel, enabled}; unknown kinds or channels and "
					+ "turning off a locked cell answer 400.")
	PreferencesResponse changePreferences(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody PreferencesRequest request) {
		List<NotificationPreferences.Choice> choices = new ArrayList<>();
		for (int i = 0; i < request.preferences().size(); i++) {
			PreferenceItem item = request.preferences().get(i);
			String at = "/preferences/" + i;
			NotificationKind kind = NotificationKind.of(item.kind())
				.orElseThrow(() -> new InvalidInput(at + "/kind", "is not a notification kind"));
			Channel channel = Channel.of(item.channel())
				.orElseThrow(() -> new InvalidInput(at + "/channel", "must be in_app or email"));
			if (item.enabled() == null) {
				throw new InvalidInput(at + "/enabled", "must be true or false");
			}
			choices.add(new NotificationPreferences.Choice(kind, channel, item.enabled()));
		}
		return answer(this.service.changePreferences(user, choices));
	}

	private static PreferencesResponse answer(List<NotificationPreferences.Choice> choices) {
		return new PreferencesResponse(List.of(Channel.IN_APP.value(), Channel.EMAIL.value()),
				choices.stream()
					.map(c -> new PreferenceResponse(c.kind().value(), c.kind().label(), c.channel().value(),
							c.enabled(), c.kind().locked(c.channel())))
					.toList());
	}

}
