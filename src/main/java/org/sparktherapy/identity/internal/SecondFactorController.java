package org.sparktherapy.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-step sign-in for the signed-in person (set up, new recovery codes, turn off), an
 * admin's reset of someone's second factor, and the clinic's setting of who must use one
 * (ADR 0038). The sign-in steps themselves are in {@link AuthController}.
 */
@RestController
@Tag(name = "Authentication")
class SecondFactorController {

	private final SecondFactors secondFactors;

	private final SecuritySettings settings;

	SecondFactorController(SecondFactors secondFactors, SecuritySettings settings) {
		this.secondFactors = secondFactors;
		this.settings = settings;
	}

	record SecondFactorStatusResponse(boolean enabled, @Nullable Instant enabledAt, int recoveryCodesLeft,
			boolean required) {

		static SecondFactorStatusResponse of(SecondFactors.Status status) {
			return new SecondFactorStatusResponse(status.enabled(), status.enabledAt(), status.recoveryCodesLeft(),
					status.required());
		}

	}

	/**
	 * The secret as text (to type), as an {@code otpauth://} URI (for a phone's own
	 * link), and as a QR code's module matrix (rows of 0/1, dark = 1, no quiet zone) that
	 * the web app draws itself.
	 */
	record SecondFactorEnrollmentResponse(String secret, String otpauthUri, QrCodeResponse qr) {

		static SecondFactorEnrollmentResponse of(SecondFactors.Enrollment enrollment) {
			return new SecondFactorEnrollmentResponse(enrollment.secret(), enrollment.otpauthUri(),
					new QrCodeResponse(enrollment.qr().size(), enrollment.qr().rows()));
		}

	}

	record QrCodeResponse(int size, List<String> rows) {
	}

	record SecondFactorCodeRequest(@NotBlank @Size(max = 20) String code) {
	}

	record SecondFactorDisableRequest(@NotBlank @Size(max = 1024) String password,
			@NotBlank @Size(max = 20) String code) {
	}

	record RecoveryCodesResponse(List<String> recoveryCodes) {
	}

	record SecuritySettingsRequest(@NotNull @Size(max = 10) Set<SecondFactorGroup> secondFactorRequiredFor) {
	}

	record SecuritySettingsResponse(List<SecondFactorGroup> secondFactorRequiredFor) {

		static SecuritySettingsResponse of(Set<SecondFactorGroup> groups) {
			return new SecuritySettingsResponse(groups.stream().sorted().toList());
		}

	}

	@GetMapping("/api/auth/second-factor")
	@Operation(summary = "My two-step sign-in", description = "Whether it is on, how many recovery codes are left, "
			+ "and whether the clinic requires it for me.")
	SecondFactorStatusResponse status(@AuthenticationPrincipal CurrentUser user) {
		return SecondFactorStatusResponse.of(this.secondFactors.status(user.id()));
	}

	@PostMapping("/api/auth/second-factor/enrollment")
	@Operation(summary = "Start setting up two-step sign-in",
			description = "A new secret for an authenticator app; it is on only after a first code is confirmed. "
					+ "409 (second-factor-enabled) when it is already on.")
	ResponseEntity<SecondFactorEnrollmentResponse> startEnrollment(@AuthenticationPrincipal CurrentUser user) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(SecondFactorEnrollmentResponse.of(this.secondFactors.startEnrollment(user.id())));
	}

	@PostMapping("/api/auth/second-factor/enrollment/confirm")
	@Operation(summary = "Turn two-step sign-in on with a first code",
			description = "Answers ten one-time recovery codes, shown this once.")
	ResponseEntity<RecoveryCodesResponse> confirmEnrollment(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody SecondFactorCodeRequest request) {
		return noStore(new RecoveryCodesResponse(this.secondFactors.confirmEnrollment(user.id(), request.code())));
	}

	@PostMapping("/api/auth/second-factor/recovery-codes")
	@Operation(summary = "New recovery codes", description = "Needs a current code from the app; the old recovery "
			+ "codes stop working. Answers ten new ones, shown this once.")
	ResponseEntity<RecoveryCodesResponse> regenerate(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody SecondFactorCodeRequest request) {
		return noStore(new RecoveryCodesResponse(this.secondFactors.regenerateRecoveryCodes(user, request.code())));
	}

	@PostMapping("/api/auth/second-factor/disable")
	@Operation(summary = "Turn two-step sign-in off",
			description = "Needs the password and a current code; 409 (second-factor-required) when the clinic "
					+ "requires it for the person's role.")
	ResponseEntity<Void> disable(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody SecondFactorDisableRequest request) {
		this.secondFactors.disable(user, request.password(), request.code());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/users/{id}/second-factor")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "A user's two-step sign-in", description = "Whether it is on and required; admins only.")
	SecondFactorStatusResponse userStatus(@PathVariable UUID id) {
		return SecondFactorStatusResponse.of(this.secondFactors.status(id));
	}

	@DeleteMapping("/api/users/{id}/second-factor")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Reset a user's second factor",
			description = "For a lost phone: removes the user's authenticator and recovery codes and ends all their "
					+ "sign-ins. If the clinic requires a second factor for them, they set up a new one at their "
					+ "next sign-in. Audited.")
	ResponseEntity<Void> reset(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin) {
		this.secondFactors.resetByAdmin(admin, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/security-settings")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "The clinic's sign-in security settings",
			description = "Which groups (admin, bcba, bcaba, rbt, other-therapist, parent) must use two-step sign-in.")
	SecuritySettingsResponse securitySettings() {
		return SecuritySettingsResponse.of(this.settings.secondFactorRequiredFor());
	}

	@PutMapping("/api/security-settings")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Change the clinic's sign-in security settings",
			description = "Audited. People newly required to use two-step sign-in set it up at their next sign-in.")
	SecuritySettingsResponse changeSecuritySettings(@AuthenticationPrincipal CurrentUser admin,
			@Valid @RequestBody SecuritySettingsRequest request) {
		return SecuritySettingsResponse
			.of(this.settings.requireSecondFactorFor(admin, request.secondFactorRequiredFor()));
	}

	private static <T> ResponseEntity<T> noStore(T body) {
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
	}

}
