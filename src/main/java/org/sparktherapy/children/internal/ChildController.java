package org.sparktherapy.children.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sparktherapy.audit.ChangeHistory;
import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.platform.web.NotBlankIfPresent;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
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
 * The operations manual's {@code /api/children} endpoints, plus guardians, care team and
 * history.
 */
@RestController
@RequestMapping("/api/children")
@Tag(name = "Children", description = "Children's records, guardians and care teams")
class ChildController {

	/** ICD-10-CM code, e.g. F84.0 (autism spectrum disorder). */
	static final String ICD10 = "^[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?$";

	private final ChildService service;

	ChildController(ChildService service) {
		this.service = service;
	}

	record EmergencyContactRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String relationship,
			@NotBlank @Size(max = 40) @Pattern(regexp = "^[0-9+()\\-. ]{3,40}$") String phone) {

		ChildDetails.EmergencyContact toContact() {
			return new ChildDetails.EmergencyContact(this.name.trim(),
					(this.relationship != null) ? this.relationship.trim() : null, this.phone.trim());
		}

	}

	record InsuranceRequest(@Size(max = 200) String payer, @Size(max = 100) String memberId,
			@Size(max = 100) String groupNumber) {

		ChildDetails.Insurance toInsurance() {
			return new ChildDetails.Insurance(this.payer, this.memberId, this.groupNumber);
		}

	}

	/**
	 * The child's home address: line1, city, state (two letters, e.g. CA) and postalCode
	 * (a ZIP code of 5 or 9 digits, the dash optional) together, line2 optional. All
	 * empty clears it on a change.
	 */
	record HomeAddressRequest(@Size(max = 55) String line1, @Size(max = 55) String line2, @Size(max = 30) String city,
			@Pattern(regexp = "^([A-Za-z]{2})?$", message = "must be a two-letter state code such as CA") String state,
			@Pattern(regexp = "^([0-9]{5}(-?[0-9]{4})?)?$",
					message = "must be a ZIP code of 5 or 9 digits") String postalCode) {

		/** The address, or null when every part is blank; refuses a partial one. */
		ChildDetails.HomeAddress toAddress() {
			String line1 = blankToNull(this.line1);
			String line2 = blankToNull(this.line2);
			String city = blankToNull(this.city);
			String state = (blankToNull(this.state) != null) ? this.state.trim().toUpperCase(java.util.Locale.ROOT)
					: null;
			String postalCode = (blankToNull(this.postalCode) != null) ? this.postalCode.trim().replace("-", "") : null;
			if (line1 == null && line2 == null && city == null && state == null && postalCode == null) {
				return null;
			}
			String missing = (line1 == null) ? "line1"
					: (city == null) ? "city" : (state == null) ? "state" : (postalCode == null) ? "postalCode" : null;
			if (missing != null) {
				throw new org.sparktherapy.platform.problem.InvalidInput("/address/" + missing,
						"must not be blank in an address", "An address needs line 1, city, state and ZIP code.");
			}
			if (!ChildDetails.HomeAddress.STATES.contains(state)) {
				throw new org.sparktherapy.platform.problem.InvalidInput("/address/state",
						"must be a US state, territory or military code such as CA");
			}
			return new ChildDetails.HomeAddress(line1, line2, city, state, postalCode);
		}

	}

	record OpenChildRequest(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
			@Size(max = 100) String preferredName, @NotNull @Past LocalDate dateOfBirth,
			@Size(max = 20) List<@NotNull @Pattern(regexp = ICD10,
					message = "must be an ICD-10 code such as F84.0") String> diagnosisCodes,
			@PastOrPresent LocalDate intakeDate, @Size(max = 200) String school, @Size(max = 5000) String medicalNotes,
			@Size(max = 2000) String allergies,
			@Size(max = 10) List<@NotNull @Valid EmergencyContactRequest> emergencyContacts,
			@Valid InsuranceRequest insurance, @Size(max = 50) String guardianRelationship, Sex sex,
			@Valid HomeAddressRequest address) {
	}

	record ChangeChildRequest(@NotBlankIfPresent @Size(max = 100) String firstName,
			@NotBlankIfPresent @Size(max = 100) String lastName, @Size(max = 100) String preferredName,
			@Past LocalDate dateOfBirth,
			@Size(max = 20) List<@NotNull @Pattern(regexp = ICD10,
					message = "must be an ICD-10 code such as F84.0") String> diagnosisCodes,
			@PastOrPresent LocalDate intakeDate, @Size(max = 200) String school, @Size(max = 5000) String medicalNotes,
			@Size(max = 2000) String allergies,
			@Size(max = 10) List<@NotNull @Valid EmergencyContactRequest> emergencyContacts,
			@Valid InsuranceRequest insurance, ChildStatus status, Sex sex, @Valid HomeAddressRequest address) {
	}

	record GuardianRequest(@NotNull UUID userId, @NotBlank @Size(max = 50) String relationship,
			@NotNull Boolean canSign) {
	}

	record CareTeamRequest(@NotNull UUID userId, @NotNull Child.TeamRole role) {
	}

	record ChildResponse(UUID id, String firstName, String lastName, @Nullable String preferredName,
			LocalDate dateOfBirth, List<String> diagnosisCodes, ChildStatus status, @Nullable LocalDate intakeDate,
			@Nullable String school, @Nullable String medicalNotes, @Nullable String allergies,
			List<ChildDetails.EmergencyContact> emergencyContacts, @Nullable ChildDetails.Insurance insurance,
			@Nullable Sex sex, @Nullable ChildDetails.HomeAddress address, List<Child.Guardian> guardians,
			List<Child.CareTeamMember> careTeam, Instant createdAt, Instant updatedAt, int version,
			@Schema(description = "when the family was erased (ADR 0040): the names are a pseudonym; null otherwise",
					nullable = true) @Nullable Instant erasedAt) {

		static ChildResponse of(Child child) {
			ChildDetails d = child.details();
			return new ChildResponse(child.id(), d.firstName(), d.lastName(), d.preferredName(), d.dateOfBirth(),
					d.diagnosisCodes(), child.status(), d.intakeDate(), d.school(), d.medicalNotes(), d.allergies(),
					d.emergencyContacts(), d.insurance(), d.sex(), d.address(), child.guardians(), child.careTeam(),
					child.createdAt(), child.updatedAt(), child.version(), child.erasedAt());
		}

		String etag() {
			return ETags.of(this.version);
		}

	}

	@PostMapping
	@Operation(summary = "Open a child's record", description = "Admins and parents. A parent becomes the child's "
			+ "guardian; the child starts in intake until an admin activates it.")
	ResponseEntity<ChildResponse> open(@Valid @RequestBody OpenChildRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		ChildDetails details = new ChildDetails(request.firstName().trim(), request.lastName().trim(),
				blankToNull(request.preferredName()), request.dateOfBirth(), request.diagnosisCodes(),
				request.intakeDate(), blankToNull(request.school()), blankToNull(request.medicalNotes()),
				blankToNull(request.allergies()), contacts(request.emergencyContacts()),
				(request.insurance() != null) ? request.insurance().toInsurance() : null, request.sex(),
				(request.address() != null) ? request.address().toAddress() : null);
		Child child = this.service.open(user, details, request.guardianRelationship());
		ChildResponse body = ChildResponse.of(child);
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(child.id()).toUri())
			.eTag(body.etag())
			.body(body);
	}

	@GetMapping
	@Operation(summary = "The children the caller may see", description = "Search by name (q), filter by status; "
			+ "archived children only with includeArchived=true. Sort by lastName, firstName, dateOfBirth, status.")
	PageResponse<ChildRepository.ChildSummary> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) String status,
			@RequestParam(required = false, defaultValue = "false") boolean includeArchived,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal CurrentUser user) {
		PageQuery query = PageQuery.of(page, size, sort, ChildRepository.SORTABLE, "lastName,asc");
		ChildStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = ChildStatus.of(status);
			}
			catch (IllegalArgumentException ex) {
				throw new org.sparktherapy.platform.problem.InvalidInput("status",
						"must be one of intake, active, on_hold, discharged, archived");
			}
		}
		return this.service.list(user, q, wanted, includeArchived, query);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One child's record", description = "404 when the caller may not see it.")
	ResponseEntity<ChildResponse> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		ChildResponse body = ChildResponse.of(this.service.get(user, id));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a child's record", description = "Fields left out stay; an empty text clears. "
			+ "Admins change everything (status too); guardians only emergencyContacts, medicalNotes, allergies. "
			+ "If-Match with the ETag refuses a stale change (412).")
	ResponseEntity<ChildResponse> change(@PathVariable UUID id, @Valid @RequestBody ChangeChildRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		ChildService.ChildChange change = new ChildService.ChildChange(request.firstName(), request.lastName(),
				request.preferredName(), request.dateOfBirth(), request.diagnosisCodes(), request.intakeDate(),
				request.school(), request.medicalNotes(), request.allergies(),
				(request.emergencyContacts() != null) ? contacts(request.emergencyContacts()) : null,
				(request.insurance() != null) ? request.insurance().toInsurance() : null, request.status(),
				request.sex(), (request.address() != null) ? java.util.Objects
					.requireNonNullElse(request.address().toAddress(), ChildService.ChildChange.NO_ADDRESS) : null);
		ChildResponse body = ChildResponse.of(this.service.change(user, id, ETags.version(ifMatch), change));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Archive a child (admins)", description = "Nothing is deleted: the status becomes archived.")
	ResponseEntity<Void> archive(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		this.service.archive(user, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/guardians")
	@Operation(summary = "Link a parent account as guardian (admins)")
	ResponseEntity<ChildResponse> addGuardian(@PathVariable UUID id, @Valid @RequestBody GuardianRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		Child child = this.service.addGuardian(user, id, request.userId(), request.relationship(), request.canSign());
		return created(child);
	}

	@DeleteMapping("/{id}/guardians/{userId}")
	@Operation(summary = "Unlink a guardian (admins)")
	ResponseEntity<Void> removeGuardian(@PathVariable UUID id, @PathVariable UUID userId,
			@AuthenticationPrincipal CurrentUser user) {
		this.service.removeGuardian(user, id, userId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/care-team")
	@Operation(summary = "Put a therapist on the care team (admins)")
	ResponseEntity<ChildResponse> addCareTeamMember(@PathVariable UUID id, @Valid @RequestBody CareTeamRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		Child child = this.service.addCareTeamMember(user, id, request.userId(), request.role());
		return created(child);
	}

	@DeleteMapping("/{id}/care-team/{userId}")
	@Operation(summary = "Take a therapist off the care team (admins)", description = "Their access ends at once.")
	ResponseEntity<Void> removeCareTeamMember(@PathVariable UUID id, @PathVariable UUID userId,
			@AuthenticationPrincipal CurrentUser user) {
		this.service.removeCareTeamMember(user, id, userId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Every change to the child, its guardians, care team, programs and targets",
			description = "Newest first: who, when, which fields, old and new value.")
	PageResponse<ChangeHistory.Entry> history(@PathVariable UUID id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		return this.service.history(user, id, PageQuery.of(page, size));
	}

	/**
	 * A guardian or care-team link is part of the child's record: the answer points at
	 * the record.
	 */
	private static ResponseEntity<ChildResponse> created(Child child) {
		ChildResponse body = ChildResponse.of(child);
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/api/children/{id}")
				.buildAndExpand(child.id())
				.toUri())
			.eTag(body.etag())
			.body(body);
	}

	private static List<ChildDetails.EmergencyContact> contacts(List<EmergencyContactRequest> requests) {
		return (requests == null) ? List.of() : requests.stream().map(EmergencyContactRequest::toContact).toList();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
