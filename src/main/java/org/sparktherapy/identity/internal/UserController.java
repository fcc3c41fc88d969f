package org.sparktherapy.identity.internal;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.platform.web.NotBlankIfPresent;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Account administration, for admins only.
 */
@RestController
@RequestMapping("/api/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Users", description = "Account administration (admins)")
class UserController {

	private final AccountService accounts;

	UserController(AccountService accounts) {
		this.accounts = accounts;
	}

	record CreateUserRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
			@NotBlank String password, @NotNull Role role, Credential credential) {
	}

	record UpdateUserRequest(@NotBlankIfPresent @Size(max = 200) String name,
			@NotBlankIfPresent @Email @Size(max = 254) String email, Role role, Credential credential, Boolean active) {
	}

	@GetMapping
	@Operation(summary = "List accounts", description = "Paged; q searches name and email; sort by name, email, "
			+ "role or createdAt, e.g. sort=name,asc")
	PageResponse<UserResponse> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		PageQuery query = PageQuery.of(page, size, sort, AccountRepository.SORTABLE, "name,asc");
		return this.accounts.search(q, role, active, query).map(UserResponse::of);
	}

	@PostMapping
	@Operation(summary = "Open an account of any role")
	ResponseEntity<UserResponse> create(@Valid @RequestBody CreateUserRequest request,
			@AuthenticationPrincipal CurrentUser admin) {
		Account account = this.accounts.open(admin, request.name(), request.email(), request.password(), request.role(),
				request.credential());
		UserResponse body = UserResponse.of(account);
		return ResponseEntity
			.created(
					ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(account.id()).toUri())
			.eTag(body.etag())
			.body(body);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One account", description = "The ETag is the record's version.")
	ResponseEntity<UserResponse> get(@PathVariable UUID id) {
		UserResponse body = UserResponse.of(this.accounts.get(id));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an account", description = "Fields left out stay as they are. Send If-Match with "
			+ "the ETag to refuse the change (412) if someone changed the account in between.")
	ResponseEntity<UserResponse> update(@PathVariable UUID id, @Valid @RequestBody UpdateUserRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser admin) {
		Account account = this.accounts.change(admin, id, ETags.version(ifMatch), new AccountService.AccountChange(
				request.name(), request.email(), request.role(), request.credential(), request.active()));
		UserResponse body = UserResponse.of(account);
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Deactivate an account",
			description = "The account can no longer sign in or refresh; " + "nothing is deleted.")
	ResponseEntity<Void> deactivate(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin) {
		this.accounts.deactivate(admin, id);
		return ResponseEntity.noContent().build();
	}

}
