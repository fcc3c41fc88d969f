package org.sparktherapy.reporting.internal.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.reporting.internal.Csv;
import org.sparktherapy.reporting.internal.ReportPeriod;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The oversight reports (ADR 0035): RBT supervision, authorizations' burn-down and the
 * clinic's money, each as JSON with its tables as CSV files (ADR 0033); and the
 * supervision log.
 */
@RestController
@Tag(name = "Reports", description = "The clinic's reports")
class OversightController {

	private final SupervisionService supervision;

	private final OversightReports reports;

	private final Clock clock;

	private final java.time.ZoneId zone;

	OversightController(SupervisionService supervision, OversightReports reports, Clock clock,
			SparkProperties properties) {
		this.supervision = supervision;
		this.reports = reports;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	private ReportPeriod period(@Nullable LocalDate from, @Nullable LocalDate to) {
		return ReportPeriod.of(from, to, this.clock, this.zone);
	}

	// supervision

	record SupervisionRowResponse(String month, UUID technicianId, String technicianName, @Schema(
			description = "Minutes of completed appointments of the technician in the month") long serviceMinutes,
			@Schema(description = "Minutes supervised: overlaps of a supervisor's 97155 with the technician's 97153 "
					+ "(counted once) plus logged contacts") long supervisedMinutes,
			@Schema(description = "supervisedMinutes / serviceMinutes in percent, one decimal; 0 without service",
					example = "5.2") String sharePercent,
			int contacts, int individualContacts, int withChildContacts,
			@Schema(description = "Rules not met: share, contacts, individual, with_child (none without service)") List<String> shortfalls,
			@Schema(description = "The technician's completed appointments of the month (the report's rows)") String link) {

		static SupervisionRowResponse of(SupervisionService.Row row) {
			SupervisionRequirement.Month m = row.month();
			return new SupervisionRowResponse(m.month().toString(), row.technicianId(), row.technicianName(),
					m.serviceMinutes(), m.supervisedMinutes(), percent(m.sharePercent()), m.contacts(),
					m.individualContacts(), m.withChildContacts(),
					m.shortfalls().stream().map(SupervisionRequirement.Shortfall::value).toList(),
					"/reports/appointments?from=" + m.month().atDay(1) + "&to=" + m.month().atEndOfMonth()
							+ "&therapistId=" + row.technicianId() + "&status=completed");
		}

	}

	record SupervisionReportResponse(LocalDate from, LocalDate to,
			@Schema(description = "The least share supervised, in percent") int minSharePercent,
			@Schema(description = "The least number of contacts a month") int minContacts,
			List<SupervisionRowResponse> rows) {
	}

	@GetMapping("/api/reports/supervision")
	@Operation(summary = "RBT supervision per technician and calendar month (admins)",
			description = "Each month the period touches, whole; per technician (credential RBT): service minutes "
					+ "(completed appointments), supervised minutes and share (BACB: at least 5 %), contacts (at least 2, "
					+ "one individual, one observing the technician with a child). A BCBA's or BCaBA's completed 97155 "
					+ "overlapping the technician's 97153 with the same child counts its overlap and one individual "
					+ "contact with a child; the supervision log adds the rest. The rows as CSV: technicians.csv.")
	SupervisionReportResponse supervision(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return new SupervisionReportResponse(period.from(), period.to(), SupervisionRequirement.MIN_SHARE_PERCENT,
				SupervisionRequirement.MIN_CONTACTS,
				this.supervision.report(user, period).stream().map(SupervisionRowResponse::of).toList());
	}

	@GetMapping("/api/reports/supervision/technicians.csv")
	@Operation(summary = "RBT supervision as CSV (admins)")
	ResponseEntity<StreamingResponseBody> supervisionCsv(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		List<SupervisionRowResponse> rows = this.supervision.report(user, period)
			.stream()
			.map(SupervisionRowResponse::of)
			.toList();
		return Csv
			.table("supervision-technicians_" + period.label(),
					List.of("month", "technician_id", "technician", "service_minutes", "supervised_minutes",
							"share_percent", "contacts", "individual_contacts", "with_child_contacts", "shortfalls"),
					rows,
					r -> Arrays.asList(r.month(), r.technicianId(), r.technicianName(), r.serviceMinutes(),
							r.supervisedMinutes(), new BigDecimal(r.sharePercent()), r.contacts(),
							r.individualContacts(), r.withChildContacts(), String.join(" ", r.shortfalls())));
	}

	record SupervisionContactRequest(@NotNull LocalDate heldOn, @NotNull @Min(1) @Max(600) Integer minutes, @Schema(
			description = "The BCBA or BCaBA; admins name one, a supervisor is themselves") @Nullable UUID supervisorId,
			@NotEmpty @Size(max = 10) List<@NotNull UUID> technicianIds,
			@NotNull @Pattern(regexp = "individual|group", message = "must be individual or group") String kind,
			@NotNull Boolean withChild) {
	}

	record SupervisionTechnicianResponse(UUID id, String name) {
	}

	record SupervisionContactResponse(UUID id, LocalDate heldOn, int minutes, UUID supervisorId,
			@Nullable String supervisorName, List<UUID> technicianIds,
			@Schema(description = "The technicians with their names, in the order of technicianIds") List<SupervisionTechnicianResponse> technicians,
			String kind, boolean withChild, UUID recordedBy, Instant recordedAt) {

		static SupervisionContactResponse of(SupervisionContact c) {
			return new SupervisionContactResponse(c.id(), c.heldOn(), c.minutes(), c.supervisorId(), c.supervisorName(),
					c.technicianIds(),
					c.technicians().stream().map(t -> new SupervisionTechnicianResponse(t.id(), t.name())).toList(),
					c.kind(), c.withChild(), c.recordedBy(), c.recordedAt());
		}

	}

	@PostMapping("/api/reports/supervision-contacts")
	@Operation(summary = "Log a supervision contact that is not in the schedule (BCBAs, BCaBAs, admins)",
			description = "An individual contact names one technician, a group contact 2 to 10 (credential RBT). "
					+ "heldOn: within the last year, not in the future; minutes 1-600. A supervisor logs their own "
					+ "(supervisorId empty or themselves); an admin names the supervisor.")
	ResponseEntity<SupervisionContactResponse> logContact(@Valid @RequestBody SupervisionContactRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		SupervisionContact contact = this.supervision.record(user,
				new SupervisionService.ContactRequest(request.heldOn(), request.minutes(), request.supervisorId(),
						request.technicianIds(), request.kind(), request.withChild()));
		return ResponseEntity
			.created(URI
				.create("/api/reports/supervision-contacts?from=" + contact.heldOn() + "&to=" + contact.heldOn()))
			.body(SupervisionContactResponse.of(contact));
	}

	@GetMapping("/api/reports/supervision-contacts")
	@Operation(summary = "The supervision log of a period (admins: all; BCBAs and BCaBAs: their own)")
	PageResponse<SupervisionContactResponse> contacts(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, @AuthenticationPrincipal CurrentUser user) {
		return this.supervision.contacts(user, period(from, to), PageQuery.of(page, size))
			.map(SupervisionContactResponse::of);
	}

	// authorizations

	record BurnDownWeekResponse(LocalDate weekOf, long used, long planned,
			@Schema(description = "Used and planned units up to this week") long cumulative,
			@Schema(description = "Units an even pace would have reached by this week's end") long ideal) {
	}

	record BurnDownRowResponse(UUID authorizationId, UUID childId, String childName, String payer,
			String authorizationNumber, String serviceCode, int unitsAuthorized, LocalDate startsOn, LocalDate endsOn,
			long unitsUsed, long unitsPlanned, long unitsRemaining,
			@Schema(description = "Used and planned run past the authorized units") boolean runsOut,
			@Schema(description = "The week in which used and planned pass the authorized units") @Nullable LocalDate runsOutWeekOf,
			@Schema(description = "Still running and at least 10 % of the units would be left unused") boolean expiresUnused,
			@Schema(description = "Ends within 30 days: a progress report is needed") boolean reauthorizationDue,
			@Schema(description = "The child's authorizations") String link,
			@Schema(description = "The child's progress report for the re-authorization: its newest draft "
					+ "(/progress-reports/{id}), else the child's list of progress reports") String progressReportLink,
			List<BurnDownWeekResponse> weeks) {

		static BurnDownRowResponse of(AuthorizationBurnDown.Burn b, LocalDate today) {
			return of(b, today, Map.of());
		}

		static BurnDownRowResponse of(AuthorizationBurnDown.Burn b, LocalDate today,
				Map<UUID, String> progressReportLinks) {
			return new BurnDownRowResponse(b.authorizationId(), b.childId(), b.childName(), b.payer(),
					b.authorizationNumber(), b.serviceCode(), b.unitsAuthorized(), b.startsOn(), b.endsOn(),
					b.unitsUsed(), b.unitsPlanned(), b.unitsRemaining(), b.runsOut(), b.runsOutOn(),
					b.expiresUnused(today), b.reauthorizationDue(today), "/children/" + b.childId() + "#authorizations",
					progressReportLinks.getOrDefault(b.childId(), "/children/" + b.childId() + "#progress-reports"),
					b.weeks()
						.stream()
						.map(w -> new BurnDownWeekResponse(w.weekOf(), w.used(), w.planned(), w.cumulative(),
								w.ideal()))
						.toList());
		}

	}

	record BurnDownReportResponse(LocalDate from, LocalDate to, LocalDate today, List<BurnDownRowResponse> rows) {
	}

	@GetMapping("/api/reports/authorizations")
	@Operation(summary = "Authorizations' burn-down (admins)",
			description = "Each authorization whose dates touch the period: units used (completed appointments of "
					+ "the child and code within its dates, actual times) and planned (scheduled or checked in from "
					+ "today), a per-week series (Monday) with the even-pace line, and whether it runs out, would expire "
					+ "with units unused, or ends within 30 days (re-authorization due). CSV: authorizations.csv (one "
					+ "row per authorization), weeks.csv (the series).")
	BurnDownReportResponse authorizations(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		LocalDate today = this.reports.today();
		List<AuthorizationBurnDown.Burn> burns = this.reports.authorizations(user, period);
		Map<UUID, String> progressReports = this.reports.progressReportLinks(burns);
		return new BurnDownReportResponse(period.from(), period.to(), today,
				burns.stream().map(b -> BurnDownRowResponse.of(b, today, progressReports)).toList());
	}

	@GetMapping("/api/reports/authorizations/authorizations.csv")
	@Operation(summary = "Authorizations' burn-down as CSV (admins)")
	ResponseEntity<StreamingResponseBody> authorizationsCsv(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		LocalDate today = this.reports.today();
		List<BurnDownRowResponse> rows = this.reports.authorizations(user, period)
			.stream()
			.map(b -> BurnDownRowResponse.of(b, today))
			.toList();
		return Csv.table("authorizations_" + period.label(),
				List.of("authorization_id", "child", "payer", "authorization_number", "service_code", "starts_on",
						"ends_on", "units_authorized", "units_used", "units_planned", "units_remaining", "runs_out",
						"runs_out_week_of", "expires_unused", "reauthorization_due"),
				rows,
				r -> Arrays.asList(r.authorizationId(), r.childName(), r.payer(), r.authorizationNumber(),
						r.serviceCode(), r.startsOn(), r.endsOn(), r.unitsAuthorized(), r.unitsUsed(), r.unitsPlanned(),
						r.unitsRemaining(), r.runsOut(), r.runsOutWeekOf(), r.expiresUnused(), r.reauthorizationDue()));
	}

	// money

	record MoneyAgedResponse(@Schema(description = "insurance, families or total") String source, String days0To30,
			String days31To60, String days61To90, String over90, String total, String link) {

		static MoneyAgedResponse of(MoneyFigures.Aged a) {
			return new MoneyAgedResponse(a.source(), money(a.days0To30()), money(a.days31To60()), money(a.days61To90()),
					money(a.over90()), money(a.total()),
					"families".equals(a.source()) ? "/billing/families" : "/billing/aging");
		}

	}

	record PayerDenialResponse(@Nullable UUID payerId, @Nullable String payerName, int adjudicated, int denied,
			@Schema(description = "denied / adjudicated in percent, one decimal") String ratePercent,
			String deniedCharge, String link) {
	}

	record MoneyReportResponse(LocalDate from, LocalDate to, String currency, int charges, String chargedInsurance,
			String chargedPrivatePay, String charged, String collectedInsurance, String collectedFamilies,
			String collected,
			@Schema(description = "The day outstanding is as of and aged on: the period's last day, or today while "
					+ "the period has not ended") LocalDate outstandingOn,
			@Schema(description = "insurance, families, total") List<MoneyAgedResponse> outstanding,
			List<PayerDenialResponse> denials, @Schema(description = "Where the counted rows are") MoneyLinks links) {
	}

	record MoneyLinks(String charges, String remittances, String payments, String aging, String claims) {
	}

	@GetMapping("/api/reports/money")
	@Operation(summary = "Charged, collected, outstanding by age and denial rate by payer (admins)",
			description = "Charged: charges of the period's service days, void ones left out. Collected: insurers' "
					+ "remittances of the period (835 payment date) and families' payments less refunds. Outstanding: "
					+ "open at the end of the period's last day (today while the period runs), counting only what is "
					+ "dated by then (claims since submitted, family items since they occurred), 0-30, 31-60, 61-90, "
					+ "over 90 days. "
					+ "Denial rate: denied among the period's adjudications per payer. Decimal strings in USD; "
					+ "CSV: totals.csv, outstanding.csv, denials.csv.")
	MoneyReportResponse money(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		return moneyResponse(period, this.reports.money(user, period));
	}

	private static MoneyReportResponse moneyResponse(ReportPeriod period, OversightReports.Money m) {
		MoneyFigures.Aged total = m.outstanding().stream().reduce(MoneyFigures.Aged::plus).orElseThrow();
		List<MoneyAgedResponse> outstanding = new java.util.ArrayList<>(
				m.outstanding().stream().map(MoneyAgedResponse::of).toList());
		outstanding.add(MoneyAgedResponse.of(total));
		return new MoneyReportResponse(period.from(), period.to(), "USD", m.charged().charges(),
				money(m.charged().insurance()), money(m.charged().privatePay()), money(m.charged().total()),
				money(m.collected().insurance()), money(m.collected().families()), money(m.collected().total()),
				m.outstandingOn(), outstanding,
				m.denials()
					.stream()
					.map(d -> new PayerDenialResponse(d.payerId(), d.payerName(), d.adjudicated(), d.denied(),
							d.ratePercent().toPlainString(), money(d.deniedCharge()), "/billing/remittances"))
					.toList(),
				new MoneyLinks("/billing/charges?status=ready", "/billing/remittances", "/billing/payments",
						"/billing/aging", "/billing/claims"));
	}

	@GetMapping("/api/reports/money/totals.csv")
	@Operation(summary = "Charged and collected as CSV (admins)")
	ResponseEntity<StreamingResponseBody> moneyTotalsCsv(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		MoneyReportResponse r = moneyResponse(period, this.reports.money(user, period));
		return Csv.table("money-totals_" + period.label(), List.of("figure", "source", "amount", "currency"),
				List.of(List.of("charged", "insurance", r.chargedInsurance()),
						List.of("charged", "private_pay", r.chargedPrivatePay()),
						List.of("collected", "insurance", r.collectedInsurance()),
						List.of("collected", "families", r.collectedFamilies())),
				t -> List.of(t.get(0), t.get(1), new BigDecimal(t.get(2)), r.currency()));
	}

	@GetMapping("/api/reports/money/outstanding.csv")
	@Operation(summary = "Outstanding by age as CSV (admins)")
	ResponseEntity<StreamingResponseBody> moneyOutstandingCsv(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		MoneyReportResponse r = moneyResponse(period, this.reports.money(user, period));
		return Csv.table("money-outstanding_" + period.label(),
				List.of("source", "days_0_30", "days_31_60", "days_61_90", "over_90", "total", "currency", "as_of"),
				r.outstanding(),
				a -> List.of(a.source(), new BigDecimal(a.days0To30()), new BigDecimal(a.days31To60()),
						new BigDecimal(a.days61To90()), new BigDecimal(a.over90()), new BigDecimal(a.total()),
						r.currency(), r.outstandingOn()));
	}

	@GetMapping("/api/reports/money/denials.csv")
	@Operation(summary = "Denial rate by payer as CSV (admins)")
	ResponseEntity<StreamingResponseBody> moneyDenialsCsv(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		MoneyReportResponse r = moneyResponse(period, this.reports.money(user, period));
		return Csv.table("money-denials_" + period.label(),
				List.of("payer", "adjudicated", "denied", "rate_percent", "denied_charge", "currency"), r.denials(),
				d -> Arrays.asList(d.payerName(), d.adjudicated(), d.denied(), new BigDecimal(d.ratePercent()),
						new BigDecimal(d.deniedCharge()), r.currency()));
	}

	@GetMapping("/api/reports/authorizations/weeks.csv")
	@Operation(summary = "Authorizations' weekly burn-down series as CSV (admins)")
	ResponseEntity<StreamingResponseBody> authorizationWeeksCsv(
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @AuthenticationPrincipal CurrentUser user) {
		ReportPeriod period = period(from, to);
		LocalDate today = this.reports.today();
		record Week(BurnDownRowResponse authorization, BurnDownWeekResponse week) {
		}
		List<Week> rows = this.reports.authorizations(user, period)
			.stream()
			.map(b -> BurnDownRowResponse.of(b, today))
			.flatMap(r -> r.weeks().stream().map(w -> new Week(r, w)))
			.toList();
		return Csv.table("authorization-weeks_" + period.label(),
				List.of("authorization_id", "authorization_number", "service_code", "week_of", "used", "planned",
						"cumulative", "ideal", "units_authorized"),
				rows,
				row -> List.of(row.authorization().authorizationId(), row.authorization().authorizationNumber(),
						row.authorization().serviceCode(), row.week().weekOf(), row.week().used(), row.week().planned(),
						row.week().cumulative(), row.week().ideal(), row.authorization().unitsAuthorized()));
	}

	private static String money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	private static String percent(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

}
