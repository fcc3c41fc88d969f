package org.sparktherapy.billing.internal.charges;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.platform.web.ETags;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Payers (insurers and private pay), their fee schedules and the service catalogue.
 * Admins only.
 */
@RestController
@Tag(name = "Payers", description = "Payers, fee schedules and the service catalogue (admins)")
class PayerController {

	private final PayerService service;

	private final Clock clock;

	private final SparkProperties properties;

	PayerController(PayerService service, Clock clock, SparkProperties properties) {
		this.service = service;
		this.clock = clock;
		this.properties = properties;
	}

	/** A postal address; state two letters, postalCode 5 or 9 digits. */
	@Schema(name = "BillingAddress")
	record AddressBody(@Nullable @Size(max = 200) String line1, @Nullable @Size(max = 200) String line2,
			@Nullable @Size(max = 100) String city, @Nullable @Size(max = 2) String state,
			@Nullable @Size(max = 10) String postalCode) {

		Address address() {
			return new Address(this.line1, this.line2, this.city, this.state, this.postalCode);
		}

		static AddressBody of(Address a) {
			return new AddressBody(a.line1(), a.line2(), a.city(), a.state(), a.postalCode());
		}

	}

	/**
	 * roundingRule cms_8_minute (default) or whole_units; modifiers by credential (BCBA,
	 * BCaBA, RBT, other), two characters each, e.g. {"RBT": "HM", "BCBA": "HO"};
	 * claimFilingIndicator the kind of plan (the 837P's SBR09), CI commercial by default.
	 */
	record PayerRequest(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 80) String x12PayerId,
			@Nullable @Schema(allowableValues = {
					"cms_8_minute", "whole_units" }) String roundingRule,
			@Nullable Boolean requiresAuthorization, @Nullable @Size(max = 3) String currency,
			@Nullable @Valid AddressBody address, @Nullable Boolean active,
			@Nullable @Size(max = 4) Map<String, String> modifiers,
			@Nullable @Schema(allowableValues = { "11", "12", "13", "14", "15", "BL", "CH", "CI", "FI", "HM", "MC",
					"OF", "TV", "VA", "ZZ" }) String claimFilingIndicator){

		Payer.Terms terms() {
			List<FieldError> errors = new ArrayList<>();
			UnitRoundingRule rule = (this.roundingRule == null) ? UnitRoundingRule.CMS_8_MINUTE
					: UnitRoundingRule.find(this.roundingRule).orElse(null);
			if (rule == null) {
				errors.add(new FieldError("/roundingRule", "must be cms_8_minute or whole_units"));
			}
			ClaimFilingIndicator filing = (this.claimFilingIndicator == null || this.claimFilingIndicator.isBlank())
					? ClaimFilingIndicator.COMMERCIAL
					: ClaimFilingIndicator.find(this.claimFilingIndicator.strip()).orElse(null);
			if (filing == null) {
				errors.add(new FieldError("/claimFilingIndicator",
						"must be a claim filing indicator code such as CI (commercial) or MC (Medicaid)"));
			}
			Map<Credential, String> mods = PayerService.modifiers(this.modifiers,
					(pointer, detail) -> errors.add(new FieldError(pointer, detail)));
			if (!errors.isEmpty()) {
				throw new ChargeProblems.InvalidBillingData(errors);
			}
			return new Payer.Terms(this.name, this.x12PayerId, rule,
					(this.requiresAuthorization == null) || this.requiresAuthorization, this.currency,
					(this.address == null) ? null : this.address.address(), (this.active == null) || this.active, mods,
					filing);
		}

	}

	record PayerResponse(UUID id, String name, @Schema(allowableValues = {
			"insurance", "private_pay" }) String kind, @Nullable String x12PayerId,
			@Schema(allowableValues = { "cms_8_minute", "whole_units" }) String roundingRule,
			boolean requiresAuthorization, String currency, AddressBody address, boolean active,
			Map<String, String> modifiers, @Schema(allowableValues = { "11", "12", "13", "14", "15", "BL", "CH", "CI",
					"FI", "HM", "MC", "OF", "TV", "VA", "ZZ" }) String claimFilingIndicator,
			int version){

		static PayerResponse of(Payer p) {
			Map<String, String> modifiers = new java.util.TreeMap<>();
			p.modifiers().forEach((credential, modifier) -> modifiers.put(credential.value(), modifier));
			return new PayerResponse(p.id(), p.name(), p.kind().value(), p.x12PayerId(), p.roundingRule().value(),
					p.requiresAuthorization(), p.currency(), AddressBody.of(p.address()), p.active(), modifiers,
					p.claimFilingIndicator().code(), p.version());
		}

	}

	@GetMapping("/api/payers")
	@Operation(summary = "Every payer (admins)", description = "Private pay first, then insurers by name.")
	List<PayerResponse> payers(@AuthenticationPrincipal CurrentUser user) {
		return this.service.payers(user).stream().map(PayerResponse::of).toList();
	}

	@PostMapping("/api/payers")
	@Operation(summary = "Add an insurer (admins)",
			description = "409 payer-name-taken when another payer has the name. Private pay exists already.")
	ResponseEntity<PayerResponse> create(@Valid @RequestBody PayerRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		Payer created = this.service.create(user, request.terms());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/payers/{id}")
			.buildAndExpand(created.id())
			.toUri();
		return ResponseEntity.created(location).eTag(ETags.of(created.version())).body(PayerResponse.of(created));
	}

	@GetMapping("/api/payers/{id}")
	@Operation(summary = "One payer (admins)", description = "The ETag is the record's version.")
	ResponseEntity<PayerResponse> payer(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		Payer payer = this.service.payer(user, id);
		return ResponseEntity.ok().eTag(ETags.of(payer.version())).body(PayerResponse.of(payer));
	}

	@PutMapping("/api/payers/{id}")
	@Operation(summary = "Change a payer (admins)",
			description = "The whole record. If-Match with the ETag refuses a change in between (412). The payer's "
					+ "open charges are checked again.")
	ResponseEntity<PayerResponse> update(@PathVariable UUID id, @Valid @RequestBody PayerRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser user) {
		Payer updated = this.service.update(user, id, ETags.version(ifMatch), request.terms());
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(PayerResponse.of(updated));
	}

	@DeleteMapping("/api/payers/{id}")
	@Operation(summary = "Delete a payer added by mistake (admins)",
			description = "409 payer-in-use when a coverage or charge names it (make it inactive instead).")
	ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		this.service.delete(user, id);
		return ResponseEntity.noContent().build();
	}

	/** ratePerUnit a decimal string such as "62.50"; effectiveTo null: open-ended. */
	record RateBody(@NotBlank String serviceCode, @NotBlank @Size(max = 12) String ratePerUnit,
			@NotNull LocalDate effectiveFrom, @Nullable LocalDate effectiveTo) {

		PayerService.RateRequest request() {
			return new PayerService.RateRequest(this.serviceCode.strip(), this.ratePerUnit, this.effectiveFrom,
					this.effectiveTo);
		}

	}

	/** A rate of a payer's fee schedule; money as a decimal string with its currency. */
	record RateResponse(UUID id, UUID payerId, String serviceCode, String ratePerUnit, String currency,
			LocalDate effectiveFrom, @Nullable LocalDate effectiveTo) {

		static RateResponse of(FeeRate r) {
			return new RateResponse(r.id(), r.payerId(), r.serviceCode().code(), r.ratePerUnit().toPlainString(),
					r.currency(), r.effectiveFrom(), r.effectiveTo());
		}

	}

	@GetMapping("/api/payers/{id}/rates")
	@Operation(summary = "A payer's fee schedule (admins)", description = "By service code, the latest first.")
	List<RateResponse> rates(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return this.service.rates(user, id).stream().map(RateResponse::of).toList();
	}

	@PostMapping("/api/payers/{id}/rates")
	@Operation(summary = "Add a rate to a payer's fee schedule (admins)",
			description = "In the payer's currency. 409 billing-dates-overlap when another rate of the code covers "
					+ "some of the dates. The payer's open charges are checked again.")
	ResponseEntity<RateResponse> addRate(@PathVariable UUID id, @Valid @RequestBody RateBody body,
			@AuthenticationPrincipal CurrentUser user) {
		FeeRate rate = this.service.addRate(user, id, body.request());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/rates/{id}")
			.buildAndExpand(rate.id())
			.toUri();
		return ResponseEntity.created(location).body(RateResponse.of(rate));
	}

	@PutMapping("/api/rates/{id}")
	@Operation(summary = "Change a rate (admins)")
	RateResponse changeRate(@PathVariable UUID id, @Valid @RequestBody RateBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return RateResponse.of(this.service.changeRate(user, id, body.request()));
	}

	@DeleteMapping("/api/rates/{id}")
	@Operation(summary = "Delete a rate (admins)")
	ResponseEntity<Void> deleteRate(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		this.service.deleteRate(user, id);
		return ResponseEntity.noContent().build();
	}

	/** One payer's terms for a service: its modifier per allowed credential and rate. */
	record CatalogueTerms(UUID payerId, String payerName, List<CredentialModifier> modifiers,
			@Nullable String currentRate, String currency) {
	}

	record CredentialModifier(String credential, @Nullable String modifier) {
	}

	/**
	 * A service of the catalogue: its CPT code, unit length, the credentials that may
	 * deliver it, and each payer's terms.
	 */
	record CatalogueEntryResponse(String code, String label, int unitMinutes, List<String> deliveredBy,
			List<CatalogueTerms> payers) {
	}

	@GetMapping("/api/service-catalogue")
	@Operation(summary = "The service catalogue (admins)",
			description = "Each service code 97151–97158 with its unit length, the credentials that may deliver it "
					+ "and, per payer, the modifier for each of those credentials and today's rate (null: none).")
	List<CatalogueEntryResponse> catalogue(@AuthenticationPrincipal CurrentUser user) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.properties.clinicTimeZone()));
		return this.service.catalogue(user, today).stream().map(entry -> {
			List<Credential> credentials = java.util.Arrays.stream(Credential.values())
				.filter(entry.service()::mayBeDeliveredBy)
				.toList();
			return new CatalogueEntryResponse(entry.service().code(), entry.service().label(),
					(int) ServiceCode.UNIT.toMinutes(), credentials.stream().map(Credential::value).toList(),
					entry.payers()
						.stream()
						.map(t -> new CatalogueTerms(t.payer().id(), t.payer().name(),
								credentials.stream()
									.map(c -> new CredentialModifier(c.value(), t.payer().modifiers().get(c)))
									.toList(),
								t.rate().map(r -> r.ratePerUnit().toPlainString()).orElse(null),
								t.rate().map(FeeRate::currency).orElse(t.payer().currency())))
						.toList());
		}).toList();
	}

}
