package org.sparktherapy.scheduling.internal.availability;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Therapists' weekly working hours and time off, which bookings must respect unless an
 * admin overrides them.
 */
@RestController
@Tag(name = "Availability", description = "Therapists' weekly hours and time off")
class AvailabilityController {

	private final AvailabilityService service;

	private final ZoneId zone;

	AvailabilityController(AvailabilityService service, SparkProperties properties) {
		this.service = service;
		this.zone = properties.clinicTimeZone();
	}

	/**
	 * Working hours on one weekday ({@code MONDAY}…), wall-clock times in the clinic's
	 * time zone.
	 */
	record BlockRequest(@NotNull DayOfWeek weekday, @NotNull LocalTime start, @NotNull LocalTime end) {
	}

	record AvailabilityRequest(@NotNull @Size(max = 100) List<@NotNull @Valid BlockRequest> blocks) {
	}

	record AvailabilityResponse(UUID therapistId, List<AvailabilityRepository.Block> blocks) {
	}

	record TimeOffRequest(@NotNull OffsetDateTime start, @NotNull OffsetDateTime end,
			@Nullable @Size(max = 500) String reason) {
	}

	record TimeOffResponse(UUID id, UUID therapistId, OffsetDateTime start, OffsetDateTime end,
			@Nullable String reason) {
	}

	record AvailabilityView(UUID therapistId, List<AvailabilityRepository.Block> blocks,
			List<TimeOffResponse> timeOff) {
	}

	@GetMapping("/api/therapists/{id}/availability")
	@Operation(summary = "A therapist's weekly availability and upcoming time off",
			description = "Admins and the therapist themself.")
	AvailabilityView read(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		AvailabilityService.Availability availability = this.service.read(user, id);
		return new AvailabilityView(id, availability.blocks(),
				availability.timeOff()
					.stream()
					.map(t -> new TimeOffResponse(t.id(), id, t.startsAt().atZone(this.zone).toOffsetDateTime(),
							t.endsAt().atZone(this.zone).toOffsetDateTime(), t.reason()))
					.toList());
	}

	@PutMapping("/api/therapists/{id}/availability")
	@Operation(summary = "Replace a therapist's weekly availability",
			description = "The whole week at once; blocks of one weekday must not overlap (400 naming them). "
					+ "A therapist with no blocks is not limited by availability. Admins only.")
	AvailabilityResponse replace(@PathVariable UUID id, @Valid @RequestBody AvailabilityRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		List<AvailabilityRepository.Block> blocks = this.service.replace(user, id,
				request.blocks()
					.stream()
					.map(b -> new AvailabilityRepository.Block(b.weekday(), b.start(), b.end()))
					.toList());
		return new AvailabilityResponse(id, blocks);
	}

	@PostMapping("/api/therapists/{id}/time-off")
	@Operation(summary = "Record time off for a therapist",
			description = "Bookings during time off are refused unless an admin overrides. Admins only.")
	ResponseEntity<TimeOffResponse> addTimeOff(@PathVariable UUID id, @Valid @RequestBody TimeOffRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		AvailabilityRepository.TimeOff timeOff = this.service.addTimeOff(user, id, request.start().toInstant(),
				request.end().toInstant(), request.reason());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new TimeOffResponse(timeOff.id(), id, timeOff.startsAt().atZone(this.zone).toOffsetDateTime(),
					timeOff.endsAt().atZone(this.zone).toOffsetDateTime(), timeOff.reason()));
	}

}
