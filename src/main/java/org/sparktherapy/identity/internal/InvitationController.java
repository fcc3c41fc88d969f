package org.sparktherapy.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Invitations by e-mail, for admins (ADR 0039): invite, list the open ones, resend,
 * revoke.
 */
@RestController
@RequestMapping("/api/invitations")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Invitations", description = "Inviting guardians and staff by e-mail (admins)")
class InvitationController {

	private final Invitations invitations;

	InvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	record InviteRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
			@NotNull Role role, Credential credential) {
	}

	record InvitationSummary(UUID id, String name, String email, Role role, @Nullable Credential credential,
			String invitedByName, Instant createdAt, Instant sentAt, Instant expiresAt, String status) {

		static InvitationSummary of(Invitations.Invitation i) {
			return new InvitationSummary(i.id(), i.name(), i.email(), i.role(), i.credential(), i.invitedByName(),
					i.createdAt(), i.sentAt(), i.expiresAt(), i.expired() ? "expired" : "pending");
		}

	}

	@GetMapping
	@Operation(summary = "Open invitations",
			description = "Not yet accepted nor revoked, newest first; status pending or expired.")
	List<InvitationSummary> list() {
		return this.invitations.open().stream().map(InvitationSummary::of).toList();
	}

	@PostMapping
	@Operation(summary = "Invite someone by e-mail",
			description = "Mails a single-use link (7 days); an older open invitation of the address is revoked. "
					+ "409 email-taken when the address has an account.")
	ResponseEntity<InvitationSummary> invite(@Valid @RequestBody InviteRequest request,
			@AuthenticationPrincipal CurrentUser admin) {
		InvitationSummary body = InvitationSummary
			.of(this.invitations.invite(admin, request.name(), request.email(), request.role(), request.credential()));
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(body.id()).toUri())
			.body(body);
	}

	@PostMapping("/{id}/resend")
	@Operation(summary = "Mail a new link", description = "A new expiry; the earlier link stops working.")
	InvitationSummary resend(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin) {
		return InvitationSummary.of(this.invitations.resend(admin, id));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke an invitation", description = "Its link stops working.")
	ResponseEntity<Void> revoke(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin) {
		this.invitations.revoke(admin, id);
		return ResponseEntity.noContent().build();
	}

}
