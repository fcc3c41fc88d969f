package org.sparktherapy.billing.internal.charges;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.web.ETags;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The clinic as billing provider and its providers' NPIs. Admins only. */
@RestController
@Tag(name = "Billing settings", description = "The clinic's billing identity and providers' NPIs (admins)")
class BillingSettingsController {

	private final PayerService service;

	BillingSettingsController(PayerService service) {
		this.service = service;
	}

	/**
	 * npi 10 digits with a valid check digit; taxId an EIN (12-3456789); taxonomyCode
	 * e.g. 103K00000X; phone 10 digits; telehealthPlaceOfService 10 (the child at home)
	 * or 02 (elsewhere); submitterId the clinic's id at its clearinghouse (2 to 15
	 * letters and digits; null: the NPI stands in).
	 */
	record BillingSettingsRequest(@NotBlank @Size(max = 200) String legalName, @Nullable @Size(max = 10) String npi,
			@Nullable @Size(max = 10) String taxId, @Nullable @Size(max = 10) String taxonomyCode,
			@Nullable @Valid PayerController.AddressBody address, @Nullable @Size(max = 20) String phone,
			@Nullable @Schema(allowableValues = {
					"10", "02" }) String telehealthPlaceOfService,
			@Nullable @Size(max = 15) String submitterId){

		BillingSettings settings() {
			return new BillingSettings(this.legalName, this.npi, this.taxId, this.taxonomyCode,
					(this.address == null) ? null : this.address.address(), this.phone, this.telehealthPlaceOfService,
					0, this.submitterId);
		}

	}

	/** The settings; every field null (and version null) until an admin saved them. */
	record BillingSettingsResponse(@Nullable String legalName, @Nullable String npi, @Nullable String taxId,
			@Nullable String taxonomyCode, PayerController.AddressBody address, @Nullable String phone,
			@Schema(allowableValues = {
					"10", "02" }) String telehealthPlaceOfService,
			@Nullable String submitterId, @Nullable Integer version){

		static BillingSettingsResponse of(BillingSettings s) {
			return new BillingSettingsResponse(s.legalName(), s.npi(), s.taxId(), s.taxonomyCode(),
					PayerController.AddressBody.of(s.address()), s.phone(), s.telehealthPlaceOfService(),
					s.submitterId(), s.version());
		}

		static final BillingSettingsResponse EMPTY = new BillingSettingsResponse(null, null, null, null,
				PayerController.AddressBody.of(Address.NONE), null, "10", null, null);

	}

	@GetMapping("/api/billing-settings")
	@Operation(summary = "The clinic's billing settings (admins)",
			description = "The ETag is the version once saved; before that every field is null.")
	ResponseEntity<BillingSettingsResponse> settings(@AuthenticationPrincipal CurrentUser user) {
		return this.service.settings(user)
			.map(s -> ResponseEntity.ok().eTag(ETags.of(s.version())).body(BillingSettingsResponse.of(s)))
			.orElseGet(() -> ResponseEntity.ok(BillingSettingsResponse.EMPTY));
	}

	@PutMapping("/api/billing-settings")
	@Operation(summary = "Save the clinic's billing settings (admins)",
			description = "The whole record. If-Match refuses a change in between (412). Every open charge is "
					+ "checked again.")
	ResponseEntity<BillingSettingsResponse> save(@Valid @RequestBody BillingSettingsRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		BillingSettings saved = this.service.saveSettings(user, ETags.version(ifMatch), request.settings());
		return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(BillingSettingsResponse.of(saved));
	}

	record ProviderNumberResponse(UUID accountId, String name, @Nullable String credential, String npi) {

		static ProviderNumberResponse of(ProviderNumber p) {
			return new ProviderNumberResponse(p.accountId(), p.name(), p.credential(), p.npi());
		}

	}

	record NpiRequest(@NotBlank @Size(max = 10) String npi) {
	}

	@GetMapping("/api/provider-numbers")
	@Operation(summary = "Providers' NPIs (admins)", description = "By the provider's name.")
	List<ProviderNumberResponse> providerNumbers(@AuthenticationPrincipal CurrentUser user) {
		return this.service.providerNumbers(user).stream().map(ProviderNumberResponse::of).toList();
	}

	@PutMapping("/api/provider-numbers/{accountId}")
	@Operation(summary = "Record a therapist's NPI (admins)",
			description = "10 digits with a valid check digit. 409 npi-taken when another provider has it. The "
					+ "provider's open charges are checked again.")
	ProviderNumberResponse saveNpi(@PathVariable UUID accountId, @Valid @RequestBody NpiRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return ProviderNumberResponse.of(this.service.saveNpi(user, accountId, request.npi()));
	}

	@DeleteMapping("/api/provider-numbers/{accountId}")
	@Operation(summary = "Remove a therapist's NPI (admins)")
	ResponseEntity<Void> deleteNpi(@PathVariable UUID accountId, @AuthenticationPrincipal CurrentUser user) {
		this.service.deleteNpi(user, accountId);
		return ResponseEntity.noContent().build();
	}

}
