package org.sparktherapy.scheduling.internal.autoschedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A child's schedule preferences: when sessions may take place, the weekly hours
 * prescribed per service and the preferred place — what automatic schedule proposals
 * place.
 */
@RestController
@Tag(name = "Schedule preferences", description = "Children's available hours and prescribed weekly hours")
class SchedulePreferenceController {

	private final SchedulePreferenceService service;

	SchedulePreferenceController(SchedulePreferenceService service) {
		this.service = service;
	}

	/**
	 * Hours on one weekday ({@code MONDAY}…), wall-clock times in the clinic's time zone.
	 */
	record HoursRequest(@NotNull DayOfWeek weekday, @NotNull LocalTime start, @NotNull LocalTime end) {
	}

	record PrescriptionRequest(@NotBlank @Schema(implementation = ServiceCode.class) String serviceCode,
			@NotNull @Min(0) @Max(40) Integer hours) {
	}

	@Schema(name = "SchedulePreferencesRequest")
	record PreferencesRequest(@NotNull @Size(max = 100) List<@NotNull @Valid HoursRequest> availableHours,
			@NotNull @Size(max = 20) List<@NotNull @Valid PrescriptionRequest> prescribedWeeklyHours,
			@Nullable @Schema(implementation = Place.class) String preferredPlace) {
	}

	@Schema(name = "SchedulePreferencesResponse")
	record PreferencesResponse(UUID childId, List<SchedulePreferences.Hours> availableHours,
			List<SchedulePreferences.Prescription> prescribedWeeklyHours,
			@Nullable @Schema(implementation = Place.class) String preferredPlace, int version) {

		static PreferencesResponse of(SchedulePreferences p) {
			return new PreferencesResponse(p.childId(), p.availableHours(), p.prescribedWeeklyHours(),
					p.preferredPlace(), p.version());
		}

	}

	@GetMapping("/api/children/{id}/schedule-preferences")
	@Operation(summary = "A child's schedule preferences",
			description = "Empty lists when none are set. Anyone who may see the child; 404 otherwise.")
	PreferencesResponse get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return PreferencesResponse.of(this.service.get(user, id));
	}

	@PutMapping("/api/children/{id}/schedule-preferences")
	@Operation(summary = "Replace a child's schedule preferences",
			description = "availableHours: weekly blocks in the clinic's time zone, not overlapping on one weekday "
					+ "(400 naming them); prescribedWeeklyHours: whole hours 0–40 per service code (97151–97158); "
					+ "preferredPlace: clinic, home, school, community or telehealth (clinic when absent). Admins.")
	PreferencesResponse replace(@PathVariable UUID id, @Valid @RequestBody PreferencesRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return PreferencesResponse.of(this.service.replace(user,
				new SchedulePreferences(id,
						request.availableHours()
							.stream()
							.map(h -> new SchedulePreferences.Hours(h.weekday(), h.start(), h.end()))
							.toList(),
						request.prescribedWeeklyHours()
							.stream()
							.map(p -> new SchedulePreferences.Prescription(p.serviceCode(), p.hours()))
							.toList(),
						(request.preferredPlace() == null || request.preferredPlace().isBlank()) ? null
								: request.preferredPlace().trim(),
						0)));
	}

}
