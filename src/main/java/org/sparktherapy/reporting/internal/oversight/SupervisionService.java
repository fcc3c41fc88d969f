package org.sparktherapy.reporting.internal.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.reporting.SupervisionBelowRequirement;
import org.sparktherapy.reporting.internal.ReportAccess;
import org.sparktherapy.reporting.internal.ReportPeriod;
import org.sparktherapy.reporting.internal.oversight.SupervisionRepository.Logged;
import org.sparktherapy.reporting.internal.oversight.SupervisionRepository.Observed;
import org.sparktherapy.reporting.internal.oversight.SupervisionRepository.Delivered;
import org.sparktherapy.reporting.internal.oversight.SupervisionRequirement.Month;
import org.sparktherapy.reporting.internal.oversight.SupervisionRequirement.Shortfall;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * RBT supervision: the monthly report per technician (admins), the supervision log
 * (supervisors and admins record; admins see all of it, a supervisor their own), and the
 * alert of the third week ({@link SupervisionBelowRequirement}).
 */
@org.springframework.stereotype.Service
class SupervisionService {

	/** The day of the month from which a technician below the requirement is told of. */
	static final int ALERT_FROM_DAY = 15;

	/** How far back a contact may be logged. */
	static final int LOG_DAYS_BACK = 366;

	/** The most technicians of one group contact. */
	static final int MAX_GROUP = 10;

	private final SupervisionRepository repository;

	private final AuditTrail audit;

	private final ReportAccess access;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final ZoneId zone;

	SupervisionService(SupervisionRepository repository, AuditTrail audit, ReportAccess access,
			ApplicationEventPublisher events, TransactionOperations transactions, Clock clock,
			SparkProperties properties) {
		this.repository = repository;
		this.audit = audit;
		this.access = access;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	ZoneId zone() {
		return this.zone;
	}

	Clock clock() {
		return this.clock;
	}

	/** One technician's month. */
	record Row(UUID technicianId, String technicianName, Month month) {
	}

	/**
	 * Every technician's months that the period touches (whole calendar months), by month
	 * and name; a technician no longer active only for months with service. The read is
	 * audited as one report read (ADR 0033).
	 */
	@Transactional
	List<Row> report(CurrentUser user, ReportPeriod period) {
		this.access.clinic(user, "supervision", period);
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m
			.plusMonths(1)) {
			months.add(m);
		}
		LocalDate first = months.getFirst().atDay(1);
		LocalDate last = months.getLast().atEndOfMonth();
		return measure(first, last, months);
	}

	private List<Row> measure(LocalDate first, LocalDate last, List<YearMonth> months) {
		Instant start = first.atStartOfDay(this.zone).toInstant();
		Instant end = last.plusDays(1).atStartOfDay(this.zone).toInstant();
		Map<UUID, List<SupervisionRequirement.Span>> service = new HashMap<>();
		for (Delivered s : this.repository.service(start, end)) {
			service.computeIfAbsent(s.technicianId(), k -> new ArrayList<>()).add(s.span());
		}
		Map<UUID, List<SupervisionRequirement.Observation>> observed = new HashMap<>();
		for (Observed o : this.repository.observations(start, end)) {
			observed.computeIfAbsent(o.technicianId(), k -> new ArrayList<>()).add(o.observation());
		}
		Map<UUID, List<SupervisionRequirement.LoggedContact>> logged = new HashMap<>();
		for (Logged l : this.repository.logged(first, last)) {
			logged.computeIfAbsent(l.technicianId(), k -> new ArrayList<>()).add(l.contact());
		}
		List<Row> rows = new ArrayList<>();
		List<SupervisionRepository.Technician> technicians = this.repository.technicians();
		for (YearMonth month : months) {
			for (SupervisionRepository.Technician technician : technicians) {
				Month measured = SupervisionRequirement.measure(month, this.zone,
						service.getOrDefault(technician.id(), List.of()),
						observed.getOrDefault(technician.id(), List.of()),
						logged.getOrDefault(technician.id(), List.of()));
				if (technician.active() || measured.serviceMinutes() > 0) {
					rows.add(new Row(technician.id(), technician.name(), measured));
				}
			}
		}
		return rows;
	}

	/** A contact to log. */
	record ContactRequest(LocalDate heldOn, int minutes, UUID supervisorId, List<UUID> technicianIds, String kind,
			boolean withChild) {
	}

	/**
	 * Logs a contact: an admin names the supervisor, a supervisor (BCBA, BCaBA) logs
	 * their own; technicians and guardians may not.
	 */
	@Transactional
	SupervisionContact record(CurrentUser user, ContactRequest request) {
		UUID supervisorId = request.supervisorId();
		if (!user.isAdmin()) {
			SupervisionRepository.Account self = this.repository.accounts(List.of(user.id()))
				.stream()
				.findFirst()
				.orElse(null);
			if (self == null || !isSupervisor(self)) {
				this.audit.refused(new PhiAccess("create", "supervisionContact", null, null), false);
				throw new Forbidden("Only a BCBA or BCaBA, or an admin, logs supervision.");
			}
			if (supervisorId != null && !supervisorId.equals(user.id())) {
				throw new InvalidInput("/supervisorId", "must be yourself",
						"A supervisor logs their own supervision; an admin may log anyone's.");
			}
			supervisorId = user.id();
		}
		else if (supervisorId == null) {
			throw new InvalidInput("/supervisorId", "must not be null", "Name the BCBA or BCaBA who supervised.");
		}
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		if (request.heldOn().isAfter(today)) {
			throw new InvalidInput("/heldOn", "must not be in the future", "Log supervision once it took place.");
		}
		if (request.heldOn().isBefore(today.minusDays(LOG_DAYS_BACK))) {
			throw new InvalidInput("/heldOn", "must be within the last " + LOG_DAYS_BACK + " days",
					"Supervision is logged within a year of the day it took place.");
		}
		List<UUID> technicians = List.copyOf(new LinkedHashSet<>(request.technicianIds()));
		if ("individual".equals(request.kind()) && technicians.size() != 1) {
			throw new InvalidInput("/technicianIds", "must name exactly one technician for an individual contact");
		}
		if ("group".equals(request.kind()) && (technicians.size() < 2 || technicians.size() > MAX_GROUP)) {
			throw new InvalidInput("/technicianIds",
					"must name 2 to " + MAX_GROUP + " technicians for a group contact");
		}
		List<UUID> everyone = new ArrayList<>(technicians);
		everyone.add(supervisorId);
		Map<UUID, SupervisionRepository.Account> accounts = new HashMap<>();
		this.repository.accounts(everyone).forEach(account -> accounts.put(account.id(), account));
		SupervisionRepository.Account supervisor = accounts.get(supervisorId);
		if (supervisor == null || !isSupervisor(supervisor)) {
			throw new InvalidInput("/supervisorId", "must be an active BCBA or BCaBA");
		}
		for (int i = 0; i < technicians.size(); i++) {
			SupervisionRepository.Account technician = accounts.get(technicians.get(i));
			if (technician == null || !"RBT".equals(technician.credential())) {
				throw new InvalidInput("/technicianIds/" + i, "must be a technician (RBT)");
			}
		}
		SupervisionContact contact = new SupervisionContact(UUID.randomUUID(), request.heldOn(), request.minutes(),
				supervisorId, supervisor.name(),
				technicians.stream().map(id -> new SupervisionContact.Technician(id, accounts.get(id).name())).toList(),
				request.kind(), request.withChild(), user.id(), this.clock.instant());
		this.repository.insert(contact);
		this.audit.success(new PhiAccess("create", "supervisionContact", contact.id(), null));
		return contact;
	}

	/** Logged contacts held in the period: all of them for admins, a supervisor's own. */
	@Transactional
	PageResponse<SupervisionContact> contacts(CurrentUser user, ReportPeriod period, PageQuery page) {
		UUID supervisor = null;
		if (!user.isAdmin()) {
			SupervisionRepository.Account self = this.repository.accounts(List.of(user.id()))
				.stream()
				.findFirst()
				.orElse(null);
			if (self == null || !isSupervisor(self)) {
				this.audit.refused(new PhiAccess("list", "supervisionContact", null, null), false);
				throw new Forbidden("Only a BCBA or BCaBA, or an admin, reads the supervision log.");
			}
			supervisor = user.id();
		}
		PageResponse<SupervisionContact> found = this.repository.contacts(period.from(), period.to(), supervisor, page);
		this.audit.success(new PhiAccess("list", "supervisionContact", null, null));
		return found;
	}

	private static boolean isSupervisor(SupervisionRepository.Account account) {
		return account.active() && "therapist".equals(account.role())
				&& ("BCBA".equals(account.credential()) || "BCaBA".equals(account.credential()));
	}

	/**
	 * The third week's alert: from the 15th of the month on, each technician below the
	 * requirement so far this month (with service) is told of once — the claim in
	 * {@code supervision_alerts} and the event share one transaction. Returns the
	 * technicians alerted by this call.
	 */
	List<UUID> alert(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		if (today.getDayOfMonth() < ALERT_FROM_DAY) {
			return List.of();
		}
		YearMonth month = YearMonth.from(today);
		List<Row> rows = measure(month.atDay(1), month.atEndOfMonth(), List.of(month));
		List<UUID> alerted = new ArrayList<>();
		for (Row row : rows) {
			if (row.month().met() || row.month().serviceMinutes() == 0) {
				continue;
			}
			List<String> shortfalls = row.month().shortfalls().stream().map(Shortfall::value).toList();
			Boolean sent = this.transactions.execute(status -> {
				if (!this.repository.claimAlert(row.technicianId(), month.atDay(1), shortfalls, now)) {
					return false;
				}
				this.events
					.publishEvent(new SupervisionBelowRequirement(row.technicianId(), month.atDay(1), shortfalls, now));
				return true;
			});
			if (Boolean.TRUE.equals(sent)) {
				alerted.add(row.technicianId());
			}
		}
		return alerted;
	}

}
