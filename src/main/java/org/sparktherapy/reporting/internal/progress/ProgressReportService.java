package org.sparktherapy.reporting.internal.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.problem.Problem;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.reporting.ProgressReportSigned;
import org.sparktherapy.sessions.Sessions;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child's progress reports: drafts, signing, corrections, and their figures —
 * computed afresh for a draft, frozen for a signed version. Access is
 * {@link ProgressReportAccess}'s decision, checked here for every call; every call that
 * reads or changes a report writes the PHI access log. Signing publishes
 * {@link ProgressReportSigned} (the guardians' notice is the notifications module's).
 */
@Service
class ProgressReportService {

	/** A period is six months unless the BCBA chooses otherwise. */
	static final int DEFAULT_MONTHS = 6;

	/** The longest period a report may cover. */
	static final int MAX_MONTHS = 12;

	/** A report with its figures. */
	record ReportView(ProgressReport report, ProgressFigures figures) {
	}

	private static final String RESOURCE = "progressReport";

	private final ProgressReportRepository reports;

	private final ProgressReportAccess access;

	private final Children children;

	private final Sessions sessions;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	ProgressReportService(ProgressReportRepository reports, ProgressReportAccess access, Children children,
			Sessions sessions, AuditTrail audit, JsonMapper json, ApplicationEventPublisher events, Clock clock,
			SparkProperties properties) {
		this.reports = reports;
		this.events = events;
		this.access = access;
		this.children = children;
		this.sessions = sessions;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	@Transactional
	PageResponse<ProgressReport> list(CurrentUser user, UUID childId, PageQuery page) {
		Relation relation = this.children.relationOf(user, childId);
		if (!this.access.mayList(relation)) {
			this.audit.refused(new PhiAccess("list", RESOURCE, null, childId), true);
			throw new ProgressReportProblems.ReportNotFound("child");
		}
		PageResponse<ProgressReport> found = this.reports.ofChild(childId, this.access.seesDrafts(relation), page);
		this.audit.success(new PhiAccess("list", RESOURCE, null, childId));
		return found;
	}

	@Transactional
	ReportView create(CurrentUser user, UUID childId, @Nullable LocalDate start, @Nullable LocalDate end) {
		Relation relation = this.children.relationOf(user, childId);
		if (!relation.canSee()) {
			this.audit.refused(new PhiAccess("create", RESOURCE, null, childId), true);
			throw new ProgressReportProblems.ReportNotFound("child");
		}
		if (!this.access.mayWrite(relation)) {
			this.audit.refused(new PhiAccess("create", RESOURCE, null, childId), false);
			throw new ProgressReportProblems.NotTheChildsSupervisor();
		}
		LocalDate periodEnd = (end != null) ? end : today();
		LocalDate periodStart = (start != null) ? start : periodEnd.minusMonths(DEFAULT_MONTHS).plusDays(1);
		checkPeriod(periodStart, periodEnd);
		UUID id = UUID.randomUUID();
		this.reports.insert(id, childId, periodStart, periodEnd, ProgressReport.Narrative.EMPTY, user.id(), null,
				this.clock.instant());
		ProgressReport report = this.reports.find(id, false).orElseThrow();
		ReportView view = new ReportView(report, figures(report));
		this.audit.success(new PhiAccess("create", RESOURCE, id, childId));
		return view;
	}

	@Transactional
	ReportView read(CurrentUser user, UUID id) {
		ProgressReport report = visible(user, id, "read", false).report();
		ReportView view = new ReportView(report, figures(report));
		this.audit.success(new PhiAccess("read", RESOURCE, id, report.childId()));
		return view;
	}

	@Transactional
	ReportView update(CurrentUser user, UUID id, @Nullable Integer version, @Nullable LocalDate start,
			@Nullable LocalDate end, ProgressReport.Narrative narrative) {
		ProgressReport draft = writable(user, id, "update", version);
		ProgressReport.Narrative kept = draft.narrative();
		ProgressReport.Narrative changed = new ProgressReport.Narrative(
				(narrative.summary() != null) ? narrative.summary() : kept.summary(),
				(narrative.goals() != null) ? narrative.goals() : kept.goals(),
				(narrative.recommendations() != null) ? narrative.recommendations() : kept.recommendations());
		LocalDate periodStart = (start != null) ? start : draft.periodStart();
		LocalDate periodEnd = (end != null) ? end : draft.periodEnd();
		checkPeriod(periodStart, periodEnd);
		this.reports.update(draft, periodStart, periodEnd, changed, this.clock.instant());
		ProgressReport saved = this.reports.find(id, false).orElseThrow();
		ReportView view = new ReportView(saved, figures(saved));
		this.audit.success(new PhiAccess("update", RESOURCE, id, saved.childId()));
		return view;
	}

	/**
	 * Signs the draft: its figures as of now are frozen into the signed version, with the
	 * narrative, the signer and the time. The three narrative sections must be written.
	 */
	@Transactional
	ReportView sign(CurrentUser user, UUID id, @Nullable Integer version) {
		ProgressReport draft = writable(user, id, "sign", version);
		List<Problem.FieldError> missing = new ArrayList<>();
		ProgressReport.Narrative narrative = draft.narrative();
		if (narrative.summary().isBlank()) {
			missing.add(new Problem.FieldError("/summary", "must be written before signing"));
		}
		if (narrative.goals().isBlank()) {
			missing.add(new Problem.FieldError("/goals", "must be written before signing"));
		}
		if (narrative.recommendations().isBlank()) {
			missing.add(new Problem.FieldError("/recommendations", "must be written before signing"));
		}
		if (!missing.isEmpty()) {
			throw new ProgressReportProblems.NarrativeIncomplete(missing);
		}
		if (draft.supersedes() != null) {
			ProgressReport previous = this.reports.find(draft.supersedes(), true).orElseThrow();
			if (previous.supersededBy() != null) {
				throw new ProgressReportProblems.AlreadySuperseded();
			}
		}
		ProgressFigures figures = figures(draft);
		String credential = this.reports.credential(user.id()).orElse(null);
		String name = (credential != null && !credential.isBlank()) ? user.name() + ", " + credential : user.name();
		this.reports.sign(draft, new ProgressReport.Signature(user.id(), name, this.clock.instant()),
				this.json.writeValueAsString(figures));
		ProgressReport signed = this.reports.find(id, false).orElseThrow();
		this.audit.success(new PhiAccess("sign", RESOURCE, id, signed.childId()));
		this.events
			.publishEvent(new ProgressReportSigned(id, signed.childId(), signed.supersedes(), signed.signature().at()));
		return new ReportView(signed, figures);
	}

	/**
	 * Starts a correction of a signed report: a new draft with its period and narrative
	 * that supersedes it once signed. The signed version stays as it is.
	 */
	@Transactional
	ReportView correct(CurrentUser user, UUID id) {
		ProgressReport signed = visible(user, id, "correct", true).report();
		if (!signed.isSigned()) {
			throw new ProgressReportProblems.NotSignedYet();
		}
		if (signed.supersededBy() != null) {
			throw new ProgressReportProblems.AlreadySuperseded();
		}
		UUID correction = UUID.randomUUID();
		this.reports.insert(correction, signed.childId(), signed.periodStart(), signed.periodEnd(), signed.narrative(),
				user.id(), signed.id(), this.clock.instant());
		ProgressReport draft = this.reports.find(correction, false).orElseThrow();
		ReportView view = new ReportView(draft, figures(draft));
		this.audit.success(new PhiAccess("create", RESOURCE, correction, signed.childId()));
		return view;
	}

	/** The report as PDF; reading it is logged like any read. */
	@Transactional
	byte[] pdf(CurrentUser user, UUID id) {
		ProgressReport report = visible(user, id, "download", false).report();
		byte[] pdf = ProgressReportPdf.render(report, figures(report), this.zone);
		this.audit.success(new PhiAccess("download", RESOURCE, id, report.childId()));
		return pdf;
	}

	/**
	 * The child's signed reports as PDFs, one at a time, for a family's export (ADR
	 * 0040), which checks and logs the access itself: rendered from each report's signed
	 * snapshot, as the download does.
	 */
	void signedPdfs(UUID childId, java.util.function.BiConsumer<ProgressReport, byte[]> pdf) {
		for (ProgressReport report : this.reports.signedOf(childId)) {
			pdf.accept(report, ProgressReportPdf.render(report, figures(report), this.zone));
		}
	}

	private record Visible(ProgressReport report, Relation relation) {
	}

	/**
	 * The report if the user may know of it, else a logged 404; optionally 403 if not a
	 * writer.
	 */
	private Visible visible(CurrentUser user, UUID id, String action, boolean write) {
		ProgressReport report = this.reports.find(id, write).orElse(null);
		if (report == null) {
			this.audit.refused(new PhiAccess(action, RESOURCE, id, null), true);
			throw new ProgressReportProblems.ReportNotFound("progress report");
		}
		Relation relation = this.children.relationOf(user, report.childId());
		if (!this.access.maySee(relation, report)) {
			this.audit.refused(new PhiAccess(action, RESOURCE, id, report.childId()), true);
			throw new ProgressReportProblems.ReportNotFound("progress report");
		}
		if (write && !this.access.mayWrite(relation)) {
			this.audit.refused(new PhiAccess(action, RESOURCE, id, report.childId()), false);
			throw new ProgressReportProblems.NotTheChildsSupervisor();
		}
		return new Visible(report, relation);
	}

	/** A draft the user may change, locked, at the version they last saw. */
	private ProgressReport writable(CurrentUser user, UUID id, String action, @Nullable Integer version) {
		ProgressReport report = visible(user, id, action, true).report();
		if (report.isSigned()) {
			throw new ProgressReportProblems.ReportAlreadySigned();
		}
		if (version != null && version != report.version()) {
			throw new StaleVersion();
		}
		return report;
	}

	private ProgressFigures figures(ProgressReport report) {
		if (report.snapshot() != null) {
			return this.json.readValue(report.snapshot(), ProgressFigures.class);
		}
		ProgressFigures.Span span = ProgressFigures.Span.of(report.periodStart(), report.periodEnd(), this.zone);
		String childName = this.reports.childName(report.childId()).orElse("");
		return ProgressFigures.of(report.periodStart(), report.periodEnd(), this.zone, childName,
				this.sessions.progressOf(report.childId(), span.from(), span.to()),
				this.reports.appointments(report.childId(), span.from(), span.to()),
				this.reports.authorizations(report.childId(), report.periodStart(), report.periodEnd()),
				this.clock.instant());
	}

	private void checkPeriod(LocalDate start, LocalDate end) {
		if (end.isBefore(start)) {
			throw new InvalidInput("/periodEnd", "must not be before periodStart",
					"A report's period ends on or after the day it starts.");
		}
		if (end.isAfter(today())) {
			throw new InvalidInput("/periodEnd", "must not be after today",
					"A progress report covers days that have passed.");
		}
		if (!start.isAfter(end.minusMonths(MAX_MONTHS))) {
			throw new InvalidInput("/periodStart", "must be less than " + MAX_MONTHS + " months before periodEnd",
					"A progress report covers at most " + MAX_MONTHS + " months.");
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

}
