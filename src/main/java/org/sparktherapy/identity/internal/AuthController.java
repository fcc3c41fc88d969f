package org.sparktherapy.identity.internal;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.security.SecurityProperties;
import org.sparktherapy.platform.web.NotBlankIfPresent;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The operations manual's {@code /api/auth} endpoints. API clients get both tokens in the
 * JSON body. The web app sends {@code X-Spark-Client: web}: its refresh token then
 * travels only in an HttpOnly, SameSite=Strict cookie, out of reach of page scripts, and
 * the body's {@code refreshToken} is null. The cookie's {@code __Host-} prefix makes the
 * browser keep it only when it is Secure, host-only and for {@code Path=/}: no sibling
 * subdomain and no plain-http page can set or shadow it. Browsers treat
 * {@code http://localhost} as secure, so the cookie works there too; on any other
 * plain-http address the browser drops it and a reload signs out (ADR 0003).
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication", description = "Sign-in, tokens and the signed-in user's profile")
class AuthController {

	static final String CLIENT_HEADER = "X-Spark-Client";

	static final String REFRESH_COOKIE = "__Host-spark_refresh";

	/**
	 * Sign-out asks the browser to drop this site's cookies and stored data (the offline
	 * session queue, the remembered therapist) too.
	 */
	static final String CLEAR_SITE_DATA = "\"cookies\", \"storage\"";

	/**
	 * A sign-out after inactivity keeps the site's storage (the offline session queue).
	 */
	static final String CLEAR_COOKIES = "\"cookies\"";

	private final SignIn signIn;

	private final AccountService accounts;

	private final PasswordResets resets;

	private final Registrations registrations;

	private final Invitations invitations;

	private final Duration refreshTtl;

	private final SignInLifetimes lifetimes;

	AuthController(SignIn signIn, AccountService accounts, PasswordResets resets, Registrations registrations,
			Invitations invitations, SecurityProperties security, SignInLifetimes lifetimes) {
		this.lifetimes = lifetimes;
		this.signIn = signIn;
		this.accounts = accounts;
		this.resets = resets;
		this.registrations = registrations;
		this.invitations = invitations;
		this.refreshTtl = security.refreshTokenTtl();
	}

	record RegisterRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
			@NotBlank String password, Role role, Credential credential) {
	}

	record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {
	}

	record RefreshRequest(@Size(max = 200) String refreshToken) {
	}

	/**
	 * @param idleTimeout seconds this sign-in survives without a refresh
	 * ({@code spark.security.sign-in.*-idle-timeout} for the user's role): the web app
	 * refreshes only after activity and signs out when this passes without any
	 */
	record TokenResponse(String accessToken, @Nullable String refreshToken, String tokenType, long expiresIn,
			UserResponse user, long idleTimeout) {
	}

	/**
	 * @param afterInactivity the web app signs out because nobody used it for the idle
	 * timeout: the answer then clears the site's cookies but not its storage, so a
	 * session recorded offline on this device waits for the same user's next sign-in
	 */
	record LogoutRequest(@Size(max = 200) String refreshToken, @Nullable Boolean afterInactivity) {
	}

	record ForgotPasswordRequest(@NotBlank @Email @Size(max = 254) String email) {
	}

	record ForgotPasswordResponse(String detail) {
	}

	record ResetPasswordRequest(@NotBlank @Size(max = 200) String token, @NotBlank String password) {
	}

	record RegistrationResponse(String detail) {
	}

	record TokenRequest(@NotBlank @Size(max = 200) String token) {
	}

	record TokenWithPasswordRequest(@NotBlank @Size(max = 200) String token, @NotBlank String password) {
	}

	record OpenedAccountResponse(String email) {
	}

	record InvitationResponse(String name, String email, Role role, @Nullable Credential credential,
			String invitedByName, String clinicName, java.time.Instant expiresAt) {
	}

	static final String REGISTRATION_DETAIL = "Check your e-mail: if this address can be used, a link to confirm it "
			+ "is on its way. It works for 24 hours. Nothing else is needed here.";

	record ProfileRequest(@NotBlankIfPresent @Size(max = 200) String name, @Size(max = 1024) String currentPassword,
			String newPassword) {
	}

	@PostMapping("/register")
	@Operation(summary = "Ask to open a parent account, or (admins) open any account",
			description = "Anonymous: always 202 with the same body, whether or not the address has an account; a new "
					+ "address receives a verification link (24 hours, single use) and no account exists before it is "
					+ "followed; an address with an account gets a mail to its owner instead. 429 with Retry-After "
					+ "over the limits per address and per client. A signed-in admin opens the account at once (201).")
	ResponseEntity<?> register(@Valid @RequestBody RegisterRequest request, @AuthenticationPrincipal CurrentUser caller,
			HttpServletRequest http) {
		if (caller != null && caller.isAdmin()) {
			Account account = this.accounts.register(caller, request.name(), request.email(), request.password(),
					request.role(), request.credential());
			return ResponseEntity
				.created(ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/api/users/{id}")
					.buildAndExpand(account.id())
					.toUri())
				.body(UserResponse.of(account));
		}
		if (request.role() != null && request.role() != Role.PARENT) {
			throw new IdentityProblems.SelfRegistrationOnlyForParents();
		}
		this.registrations.request(request.name(), request.email(), request.password(), http.getRemoteAddr());
		return ResponseEntity.accepted()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new RegistrationResponse(REGISTRATION_DETAIL));
	}

	@PostMapping("/verify-email")
	@Operation(summary = "Open a registered account with its verification link's token",
			description = "Needs the password chosen when registering; answers the address to sign in with. An "
					+ "unknown, used or expired token answers 400 (invalid-verification-token).")
	ResponseEntity<OpenedAccountResponse> verifyEmail(@Valid @RequestBody TokenWithPasswordRequest request) {
		String email = this.registrations.verify(request.token(), request.password());
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(new OpenedAccountResponse(email));
	}

	@PostMapping("/invitation")
	@Operation(summary = "What an invitation link invites to",
			description = "Who invited whom to which clinic as what. An unknown, used, revoked or expired token "
					+ "answers 400 (invalid-invitation-token).")
	ResponseEntity<InvitationResponse> invitation(@Valid @RequestBody TokenRequest request) {
		Invitations.Invited invited = this.invitations.show(request.token());
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new InvitationResponse(invited.name(), invited.email(), invited.role(), invited.credential(),
					invited.invitedByName(), invited.clinicName(), invited.expiresAt()));
	}

	@PostMapping("/accept-invitation")
	@Operation(summary = "Accept an invitation by choosing a password",
			description = "Opens the invited account; answers the address to sign in with.")
	ResponseEntity<OpenedAccountResponse> acceptInvitation(@Valid @RequestBody TokenWithPasswordRequest request) {
		String email = this.invitations.accept(request.token(), request.password());
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(new OpenedAccountResponse(email));
	}

	/**
	 * What a correct password answers a person with a second factor ({@code
	 * secondFactorRequired}) or one the clinic requires to set one up first
	 * ({@code enrollmentRequired}): no token, a short-lived single-use challenge (ADR
	 * 0038).
	 */
	record SecondFactorChallengeResponse(boolean secondFactorRequired, boolean enrollmentRequired,
			String challengeToken, java.util.List<String> methods, long expiresIn) {
	}

	record SecondFactorRequest(@NotBlank @Size(max = 200) String challengeToken, @Size(max = 20) String code,
			@Size(max = 40) String recoveryCode) {
	}

	record EnrollmentChallengeRequest(@NotBlank @Size(max = 200) String challengeToken) {
	}

	record EnrollmentConfirmRequest(@NotBlank @Size(max = 200) String challengeToken,
			@NotBlank @Size(max = 20) String code) {
	}

	record EnrolledTokenResponse(String accessToken, @Nullable String refreshToken, String tokenType, long expiresIn,
			UserResponse user, java.util.List<String> recoveryCodes) {
	}

	@PostMapping("/login")
	@Operation(summary = "Sign in", description = "401 for a wrong email or password alike; 429 with Retry-After "
			+ "after repeated failures for the email or from the address. A person with a second factor, or one the "
			+ "clinic requires to set one up, gets a SecondFactorChallengeResponse instead of tokens.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
			content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(
					oneOf = { TokenResponse.class, SecondFactorChallengeResponse.class })))
	ResponseEntity<?> login(@Valid @RequestBody LoginRequest request,
			@RequestHeader(name = CLIENT_HEADER, required = false) String client, HttpServletRequest http) {
		return switch (this.signIn.login(request.email(), request.password(), http.getRemoteAddr(),
				http.getHeader(HttpHeaders.USER_AGENT))) {
			case SignIn.Tokens tokens -> answer(tokens, client);
			case SignIn.Challenge challenge -> ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(new SecondFactorChallengeResponse(challenge.purpose() == SecondFactorChallenges.Purpose.VERIFY,
						challenge.purpose() == SecondFactorChallenges.Purpose.ENROLL, challenge.token(),
						(challenge.purpose() == SecondFactorChallenges.Purpose.VERIFY)
								? java.util.List.of("totp", "recovery_code") : java.util.List.of(),
						challenge.expiresIn()));
		};
	}

	@PostMapping("/login/second-factor")
	@Operation(summary = "Finish signing in with a second factor",
			description = "The challenge from /login with a code from the authenticator app (code) or a recovery "
					+ "code (recoveryCode); answers as /login does. A wrong or reused code is 401 "
					+ "(invalid-second-factor-code); a used-up or expired challenge 401 "
					+ "(invalid-second-factor-challenge); repeated wrong codes for the account 429 with Retry-After; "
					+ "503 (second-factor-key-mismatch) when this server's second-factor key is not the one the "
					+ "secret was stored with (SPARK_IDENTITY_SECOND_FACTOR_KEY).")
	ResponseEntity<TokenResponse> loginWithSecondFactor(@Valid @RequestBody SecondFactorRequest request,
			@RequestHeader(name = CLIENT_HEADER, required = false) String client, HttpServletRequest http) {
		return answer(this.signIn.completeWithSecondFactor(request.challengeToken(), request.code(),
				request.recoveryCode(), http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT)), client);
	}

	@PostMapping("/login/enrollment")
	@Operation(summary = "Start setting up a required second factor at sign-in",
			description = "With an enrollment challenge from /login: a new secret, its otpauth URI and QR code.")
	ResponseEntity<SecondFactorController.SecondFactorEnrollmentResponse> startEnrollment(
			@Valid @RequestBody EnrollmentChallengeRequest request) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(SecondFactorController.SecondFactorEnrollmentResponse
				.of(this.signIn.startEnrollment(request.challengeToken())));
	}

	@PostMapping("/login/enrollment/confirm")
	@Operation(summary = "Finish setting up a required second factor and sign in",
			description = "The first code from the app turns the second factor on; answers the tokens as /login "
					+ "does, with the ten recovery codes, shown this once.")
	ResponseEntity<EnrolledTokenResponse> confirmEnrollment(@Valid @RequestBody EnrollmentConfirmRequest request,
			@RequestHeader(name = CLIENT_HEADER, required = false) String client, HttpServletRequest http) {
		SignIn.Enrolled enrolled = this.signIn.completeEnrollment(request.challengeToken(), request.code(),
				http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
		ResponseEntity<TokenResponse> tokens = answer(enrolled.tokens(), client);
		TokenResponse body = tokens.getBody();
		return ResponseEntity.status(tokens.getStatusCode())
			.headers(tokens.getHeaders())
			.body(new EnrolledTokenResponse(body.accessToken(), body.refreshToken(), body.tokenType(), body.expiresIn(),
					body.user(), enrolled.recoveryCodes()));
	}

	@PostMapping("/forgot-password")
	@Operation(summary = "Ask for a password-reset link",
			description = "Always 202 with the same body, whether or not an account has this email; an account's "
					+ "owner receives a single-use link valid for one hour. Repeated requests are quietly dropped.")
	ResponseEntity<ForgotPasswordResponse> forgotPassword(@Valid @RequestBody ForgotPasswordRequest request,
			HttpServletRequest http) {
		this.resets.request(request.email(), http.getRemoteAddr());
		return ResponseEntity.accepted()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new ForgotPasswordResponse(
					"If an account uses this email, a link to reset its password is on its way. It works for one hour."));
	}

	@PostMapping("/reset-password")
	@Operation(summary = "Set a new password with a reset link's token",
			description = "The token works once; every sign-in of the account ends. An unknown, used or expired "
					+ "token answers 400 (invalid-reset-token).")
	ResponseEntity<Void> resetPassword(@Valid @RequestBody ResetPasswordRequest request) {
		this.resets.reset(request.token(), request.password());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/refresh")
	@Operation(summary = "Exchange a refresh token for a new pair",
			description = "The presented token is used up; presenting it again revokes the whole sign-in.")
	ResponseEntity<TokenResponse> refresh(@Valid @RequestBody(required = false) RefreshRequest request,
			@CookieValue(name = REFRESH_COOKIE, required = false) String cookie,
			@RequestHeader(name = CLIENT_HEADER, required = false) String client) {
		SignIn.Tokens tokens = this.signIn.refresh(presented(request, cookie, client))
			.orElseThrow(IdentityProblems.RefreshTokenRejected::new);
		return answer(tokens, client);
	}

	@PostMapping("/logout")
	@Operation(summary = "Sign out", description = "The refresh token (and its sign-in) stops working; the answer's "
			+ "Clear-Site-Data asks the browser to drop this site's cookies and storage (only its cookies with "
			+ "afterInactivity: the web app's idle sign-out keeps a session recorded offline for the same user).")
	ResponseEntity<Void> logout(@Valid @RequestBody(required = false) LogoutRequest request,
			@CookieValue(name = REFRESH_COOKIE, required = false) String cookie,
			@RequestHeader(name = CLIENT_HEADER, required = false) String client) {
		this.signIn
			.logout(presented((request != null) ? new RefreshRequest(request.refreshToken()) : null, cookie, client));
		boolean afterInactivity = request != null && Boolean.TRUE.equals(request.afterInactivity());
		return ResponseEntity.noContent()
			.header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
			.header("Clear-Site-Data", afterInactivity ? CLEAR_COOKIES : CLEAR_SITE_DATA)
			.build();
	}

	@GetMapping("/profile")
	@Operation(summary = "The signed-in user")
	UserResponse profile(@AuthenticationPrincipal CurrentUser user) {
		return UserResponse.of(this.accounts.get(user.id()));
	}

	@PutMapping("/profile")
	@Operation(summary = "Change own name and/or password",
			description = "A new password needs the current one and ends the user's other sign-ins. "
					+ "Role, id or active flag are not accepted here.")
	UserResponse changeProfile(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ProfileRequest request) {
		return UserResponse
			.of(this.accounts.changeProfile(user, request.name(), request.currentPassword(), request.newPassword()));
	}

	/**
	 * The refresh token from the body, or from the cookie — but the cookie only with the
	 * web app's header, which a cross-site form cannot send without a CORS preflight.
	 */
	private static String presented(RefreshRequest request, String cookie, String client) {
		if (request != null && request.refreshToken() != null) {
			return request.refreshToken();
		}
		return "web".equalsIgnoreCase(client) ? cookie : null;
	}

	private ResponseEntity<TokenResponse> answer(SignIn.Tokens tokens, String client) {
		boolean web = "web".equalsIgnoreCase(client);
		TokenResponse body = new TokenResponse(tokens.accessToken(), web ? null : tokens.refreshToken(), "Bearer",
				tokens.expiresIn(), UserResponse.of(tokens.account()),
				this.lifetimes.idleTimeout(tokens.account().role()).toSeconds());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.OK)
			.header(HttpHeaders.CACHE_CONTROL, "no-store");
		if (web) {
			response.header(HttpHeaders.SET_COOKIE, cookie(tokens.refreshToken(), this.refreshTtl).toString());
		}
		return response.body(body);
	}

	private static ResponseCookie cookie(String value, Duration maxAge) {
		return ResponseCookie.from(REFRESH_COOKIE, value)
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.path("/")
			.maxAge(maxAge)
			.build();
	}

}
