package org.sparktherapy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Who may call what, on their own records and on someone else's: one written table for
 * every API route the application registers. A route without an entry here fails the
 * build; every entry is exercised for every kind of caller against real records.
 *
 * <p>
 * First pass only (ADR 0032): the answers are the access policies' decisions, the same on
 * either PostgreSQL; the queries behind them run in both passes in the modules' own
 * tests. Records for a call are made on first use, so a call costs only what it needs.
 */
@IntegrationTest
@Tag(IntegrationTest.FIRST_PASS_ONLY)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTableIntegrationTests {

	/**
	 * The callers: each role on its own records and on someone else's, and nobody signed
	 * in.
	 */
	enum Actor {

		ADMIN, SUPERVISOR, TECHNICIAN, OTHER_THERAPIST, GUARDIAN, OTHER_PARENT, ANONYMOUS

	}

	/**
	 * The access table. {@code ok}: 2xx; {@code 401}/{@code 403}/{@code 404}: that status
	 * ({@code 404} = the record does not exist for the caller). Supervisor and technician
	 * are on the child's care team, the guardian is the child's; the others are not
	 * linked to it.
	 */
	static final Map<String, String> TABLE = new LinkedHashMap<>();
	static {
		String everyone = "admin=ok supervisor=ok technician=ok other_therapist=ok guardian=ok other_parent=ok";
		String adminsOnly = "admin=ok supervisor=403 technician=403 other_therapist=403 guardian=403 other_parent=403 anonymous=401";
		String childReaders = "admin=ok supervisor=ok technician=ok other_therapist=404 guardian=ok other_parent=404 anonymous=401";
		String childAdmins = "admin=ok supervisor=403 technician=403 other_therapist=404 guardian=403 other_parent=404 anonymous=401";
		String designers = "admin=ok supervisor=ok technician=403 other_therapist=404 guardian=403 other_parent=404 anonymous=401";
		// identity
		TABLE.put("POST /api/auth/register", everyone + " anonymous=ok");
		TABLE.put("POST /api/auth/login", everyone + " anonymous=ok");
		TABLE.put("POST /api/auth/refresh", everyone + " anonymous=ok");
		TABLE.put("POST /api/auth/logout", everyone + " anonymous=ok");
		TABLE.put("GET /api/auth/profile", everyone + " anonymous=401");
		TABLE.put("PUT /api/auth/profile", everyone + " anonymous=401");
		TABLE.put("POST /api/auth/forgot-password", everyone + " anonymous=ok");
		// reachable without signing in; a made-up token is refused alike for everyone
		TABLE.put("POST /api/auth/reset-password",
				"admin=400 supervisor=400 technician=400 other_therapist=400 guardian=400 other_parent=400 anonymous=400");
		// registrations and invitations (ADR 0039): the single-use token is the
		// credential
		TABLE.put("POST /api/auth/verify-email",
				"admin=400 supervisor=400 technician=400 other_therapist=400 guardian=400 other_parent=400 anonymous=400");
		TABLE.put("POST /api/auth/invitation",
				"admin=400 supervisor=400 technician=400 other_therapist=400 guardian=400 other_parent=400 anonymous=400");
		TABLE.put("POST /api/auth/accept-invitation",
				"admin=400 supervisor=400 technician=400 other_therapist=400 guardian=400 other_parent=400 anonymous=400");
		TABLE.put("GET /api/invitations", adminsOnly);
		TABLE.put("POST /api/invitations", adminsOnly);
		TABLE.put("POST /api/invitations/{id}/resend", adminsOnly);
		TABLE.put("DELETE /api/invitations/{id}", adminsOnly);
		// notifications: everyone has their own centre and preferences
		TABLE.put("GET /api/notifications", everyone + " anonymous=401");
		TABLE.put("GET /api/notifications/unread-count", everyone + " anonymous=401");
		TABLE.put("POST /api/notifications/read", everyone + " anonymous=401");
		TABLE.put("GET /api/notifications/preferences", everyone + " anonymous=401");
		TABLE.put("PUT /api/notifications/preferences", everyone + " anonymous=401");
		TABLE.put("GET /api/users", adminsOnly);
		TABLE.put("POST /api/users", adminsOnly);
		TABLE.put("GET /api/users/{id}", adminsOnly);
		TABLE.put("PUT /api/users/{id}", adminsOnly);
		TABLE.put("DELETE /api/users/{id}", adminsOnly);
		// children
		TABLE.put("POST /api/children",
				"admin=ok supervisor=403 technician=403 other_therapist=403 guardian=ok other_parent=ok anonymous=401");
		TABLE.put("GET /api/children", everyone + " anonymous=401");
		TABLE.put("GET /api/children/{id}", childReaders);
		TABLE.put("PUT /api/children/{id}",
				"admin=ok supervisor=403 technician=403 other_therapist=404 guardian=ok other_parent=404 anonymous=401");
		TABLE.put("DELETE /api/children/{id}", childAdmins);
		TABLE.put("POST /api/children/{id}/guardians", childAdmins);
		TABLE.put("DELETE /api/children/{id}/guardians/{userId}", childAdmins);
		TABLE.put("POST /api/children/{id}/care-team", childAdmins);
		TABLE.put("DELETE /api/children/{id}/care-team/{userId}", childAdmins);
		TABLE.put("GET /api/children/{id}/history", childReaders);
		// a family's data export (ADR 0040): admins, and the child's guardian
		String familyExporters = "admin=ok supervisor=403 technician=403 other_therapist=404 guardian=ok other_parent=404 anonymous=401";
		TABLE.put("GET /api/children/{id}/data-export", familyExporters);
		TABLE.put("POST /api/children/{id}/data-export/links", familyExporters);
		// erasure (ADR 0040): admins only; asked with a wrong confirmation, so an admin's
		// 400 erases nothing
		TABLE.put("POST /api/children/{id}/erasure",
				"admin=400 supervisor=403 technician=403 other_therapist=404 guardian=403 other_parent=404 anonymous=401");
		// programs
		TABLE.put("POST /api/programs", designers);
		TABLE.put("GET /api/programs/child/{childId}", childReaders);
		TABLE.put("GET /api/programs/{id}", childReaders);
		TABLE.put("PUT /api/programs/{id}", designers);
		TABLE.put("DELETE /api/programs/{id}", designers);
		TABLE.put("POST /api/programs/{id}/targets", designers);
		TABLE.put("PUT /api/programs/{id}/targets/{targetId}", designers);
		TABLE.put("PUT /api/programs/{id}/target-order", designers);
		TABLE.put("POST /api/programs/{id}/targets/{targetId}/undo-mastery",
				"admin=409 supervisor=409 technician=403 other_therapist=404 guardian=403 other_parent=404 anonymous=401");
		// sessions (the open session is the technician's own; guardians never see open
		// sessions)
		String ownSession = "admin=403 supervisor=403 technician=ok other_therapist=404 guardian=404 other_parent=404 anonymous=401";
		TABLE.put("PUT /api/sessions/{id}",
				"admin=403 supervisor=ok technician=ok other_therapist=404 guardian=403 other_parent=404 anonymous=401");
		TABLE.put("GET /api/sessions/{id}", childReaders);
		TABLE.put("GET /api/children/{id}/sessions", childReaders);
		TABLE.put("POST /api/sessions/{id}/events", ownSession);
		TABLE.put("POST /api/sessions/{id}/submit", ownSession);
		TABLE.put("POST /api/sessions/{id}/guardian-signature",
				"admin=403 supervisor=403 technician=403 other_therapist=404 guardian=ok other_parent=404 anonymous=401");
		TABLE.put("POST /api/sessions/{id}/addenda",
				"admin=ok supervisor=ok technician=ok other_therapist=404 guardian=403 other_parent=404 anonymous=401");
		TABLE.put("GET /api/children/{id}/progress", childReaders);
		// work queues: everyone sees the notes of their own scope; review queue and
		// caseload targets are therapists'
		TABLE.put("GET /api/sessions/unsigned", everyone + " anonymous=401");
		String therapistsOwn = "admin=403 supervisor=ok technician=ok other_therapist=ok guardian=403 other_parent=403 anonymous=401";
		TABLE.put("GET /api/sessions/review-queue", therapistsOwn);
		TABLE.put("GET /api/caseload/targets", therapistsOwn);
		// scheduling (the appointment is the technician's, with the guardian's child)
		TABLE.put("POST /api/appointments", childAdmins);
		TABLE.put("GET /api/appointments", everyone + " anonymous=401");
		TABLE.put("GET /api/appointments/{id}", childReaders);
		TABLE.put("POST /api/appointments/{id}/cancel",
				"admin=ok supervisor=403 technician=403 other_therapist=404 guardian=ok other_parent=404 anonymous=401");
		TABLE.put("POST /api/appointments/{id}/check-in",
				"admin=ok supervisor=403 technician=ok other_therapist=404 guardian=403 other_parent=404 anonymous=401");
		// (check-in, no-show and recording on an appointment that has started; completion
		// on one ahead: too early)
		TABLE.put("POST /api/appointments/{id}/complete",
				"admin=409 supervisor=403 technician=409 other_therapist=404 guardian=403 other_parent=404 anonymous=401");
		TABLE.put("POST /api/appointments/{id}/record",
				"admin=ok supervisor=403 technician=ok other_therapist=404 guardian=403 other_parent=404 anonymous=401");
		TABLE.put("PUT /api/appointments/{id}",
				"admin=ok supervisor=403 technician=403 other_therapist=404 guardian=403 other_parent=404 anonymous=401");
		TABLE.put("POST /api/appointments/{id}/no-show",
				"admin=ok supervisor=403 technician=ok other_therapist=404 guardian=403 other_parent=404 anonymous=401");
		// checks before saving: exactly as booking and changing
		TABLE.put("POST /api/appointments/check", childAdmins);
		TABLE.put("POST /api/appointments/{id}/check",
				"admin=ok supervisor=403 technician=403 other_therapist=404 guardian=403 other_parent=404 anonymous=401");
		// proposed changes: the technician proposes on their own appointment; parents
		// never see requests
		TABLE.put("POST /api/appointments/{id}/change-requests",
				"admin=403 supervisor=403 technician=ok other_therapist=404 guardian=403 other_parent=404 anonymous=401");
		TABLE.put("GET /api/appointment-change-requests",
				"admin=ok supervisor=ok technician=ok other_therapist=ok guardian=403 other_parent=403 anonymous=401");
		String ownRequest = "admin=ok supervisor=404 technician=ok other_therapist=404 guardian=404 other_parent=404 anonymous=401";
		String requestAdmins = "admin=ok supervisor=404 technician=403 other_therapist=404 guardian=404 other_parent=404 anonymous=401";
		TABLE.put("GET /api/appointment-change-requests/{id}", ownRequest);
		TABLE.put("POST /api/appointment-change-requests/{id}/approve", requestAdmins);
		TABLE.put("POST /api/appointment-change-requests/{id}/decline", requestAdmins);
		TABLE.put("POST /api/appointment-change-requests/{id}/withdraw",
				"admin=403 supervisor=404 technician=ok other_therapist=404 guardian=404 other_parent=404 anonymous=401");
		TABLE.put("PUT /api/therapists/{id}/availability", adminsOnly);
		// the technician reads their own hours
		TABLE.put("GET /api/therapists/{id}/availability",
				"admin=ok supervisor=403 technician=ok other_therapist=403 guardian=403 other_parent=403 anonymous=401");
		TABLE.put("POST /api/therapists/{id}/time-off", adminsOnly);
		// automatic schedules (proposals are the admins' working drafts) and children's
		// schedule preferences
		String proposalAdmins = "admin=ok supervisor=404 technician=404 other_therapist=404 guardian=404 other_parent=404 anonymous=401";
		TABLE.put("POST /api/schedule/proposals", adminsOnly);
		TABLE.put("GET /api/schedule/proposals/{id}", proposalAdmins);
		TABLE.put("POST /api/schedule/proposals/{id}/accept", proposalAdmins);
		TABLE.put("PATCH /api/schedule/proposals/{id}/placements/{placementId}", proposalAdmins);
		TABLE.put("DELETE /api/schedule/proposals/{id}/placements/{placementId}", proposalAdmins);
		TABLE.put("GET /api/children/{id}/schedule-preferences", childReaders);
		TABLE.put("PUT /api/children/{id}/schedule-preferences", childAdmins);
		// calendar feeds (the feed read is the technician's; its address is its only
		// credential)
		TABLE.put("GET /api/calendar/feed-url", everyone + " anonymous=401");
		TABLE.put("POST /api/calendar/feed-url/rotate", everyone + " anonymous=401");
		TABLE.put("GET /api/calendar/{token}.ics", everyone + " anonymous=ok");
		// real time (the stream and its tickets are the caller's own)
		TABLE.put("GET /api/events", everyone + " anonymous=401");
		TABLE.put("POST /api/events/ticket", everyone + " anonymous=401");
		// messaging (the child's conversation; its message, with an attachment, is the
		// guardian's)
		// only members read a child's conversation: an admin sees the child (403 on its
		// conversation), not its messages
		String members = "admin=404 supervisor=ok technician=ok other_therapist=404 guardian=ok other_parent=404 anonymous=401";
		String guardiansMessage = "admin=404 supervisor=403 technician=403 other_therapist=404 guardian=ok other_parent=404 anonymous=401";
		TABLE.put("GET /api/conversations", everyone + " anonymous=401");
		TABLE.put("GET /api/conversations/unread-count", everyone + " anonymous=401");
		TABLE.put("GET /api/conversations/contacts",
				"admin=ok supervisor=ok technician=ok other_therapist=ok guardian=403 other_parent=403 anonymous=401");
		TABLE.put("POST /api/conversations",
				"admin=ok supervisor=ok technician=ok other_therapist=ok guardian=403 other_parent=403 anonymous=401");
		TABLE.put("GET /api/children/{id}/conversation", members.replace("admin=404", "admin=403"));
		TABLE.put("GET /api/conversations/{id}/messages", members);
		TABLE.put("POST /api/conversations/{id}/messages", members);
		TABLE.put("POST /api/conversations/{id}/read", members);
		TABLE.put("PATCH /api/messages/{id}", guardiansMessage);
		TABLE.put("DELETE /api/messages/{id}", guardiansMessage);
		TABLE.put("GET /api/attachments/{id}", members);
		// billing (the child's authorization: its guardians and supervisor read it, a
		// technician may not)
		String authorizationReaders = "admin=ok supervisor=ok technician=403 other_therapist=404 guardian=ok other_parent=404 anonymous=401";
		TABLE.put("GET /api/children/{id}/authorizations", authorizationReaders);
		TABLE.put("POST /api/children/{id}/authorizations", childAdmins);
		TABLE.put("GET /api/authorizations", adminsOnly);
		TABLE.put("GET /api/authorizations/{id}", authorizationReaders);
		TABLE.put("PUT /api/authorizations/{id}", childAdmins);
		TABLE.put("DELETE /api/authorizations/{id}", childAdmins);
		TABLE.put("GET /api/billing/schedule-rules", adminsOnly);
		TABLE.put("PUT /api/billing/schedule-rules", adminsOnly);
		// claims (ADR 0030): admins only; the ids are unknown, so an admin gets 404 (400
		// for an
		// unknown payer) and everyone else is refused before any lookup
		String claimAdmins = "supervisor=403 technician=403 other_therapist=403 guardian=403 other_parent=403 anonymous=401";
		TABLE.put("GET /api/claim-batches", adminsOnly);
		TABLE.put("POST /api/claim-batches", "admin=400 " + claimAdmins);
		TABLE.put("GET /api/claim-batches/{id}", "admin=404 " + claimAdmins);
		TABLE.put("GET /api/claim-batches/{id}/837", "admin=404 " + claimAdmins);
		TABLE.put("POST /api/claim-batches/{id}/submission", "admin=404 " + claimAdmins);
		TABLE.put("GET /api/claims/{id}", "admin=404 " + claimAdmins);
		TABLE.put("GET /api/claims/{id}/cms1500", "admin=404 " + claimAdmins);
		TABLE.put("POST /api/claims/{id}/replacement", "admin=404 " + claimAdmins);
		TABLE.put("POST /api/claims/{id}/void", "admin=404 " + claimAdmins);
		TABLE.put("GET /api/claims/aging", adminsOnly);
		TABLE.put("GET /api/remittances", adminsOnly);
		TABLE.put("POST /api/remittances", "admin=400 " + claimAdmins);
		TABLE.put("GET /api/remittances/{id}", "admin=404 " + claimAdmins);
		// billing: a family's money (ledger, payments, invoices, statements): admins and
		// the
		// child's guardians; therapists see nothing financial
		String moneyReaders = "admin=ok supervisor=403 technician=403 other_therapist=404 guardian=ok other_parent=404 anonymous=401";
		TABLE.put("GET /api/family-accounts",
				"admin=ok supervisor=403 technician=403 other_therapist=403 guardian=ok other_parent=ok anonymous=401");
		TABLE.put("GET /api/family-accounts/aging", adminsOnly);
		TABLE.put("GET /api/children/{id}/account", moneyReaders);
		TABLE.put("GET /api/children/{id}/ledger-entries", moneyReaders);
		TABLE.put("GET /api/children/{id}/payments", moneyReaders);
		TABLE.put("POST /api/children/{id}/payments", childAdmins);
		TABLE.put("GET /api/payments", adminsOnly);
		TABLE.put("GET /api/payments/{id}", moneyReaders);
		TABLE.put("POST /api/payments/{id}/refunds", childAdmins);
		TABLE.put("POST /api/children/{id}/write-offs", childAdmins);
		TABLE.put("POST /api/children/{id}/adjustments", childAdmins);
		TABLE.put("POST /api/ledger-entries/{id}/reversal", childAdmins);
		// no payment processor is connected: the family and admins are told so (501)
		TABLE.put("POST /api/children/{id}/online-payments",
				"admin=501 supervisor=403 technician=403 other_therapist=404 guardian=501 other_parent=404 anonymous=401");
		TABLE.put("GET /api/children/{id}/invoices", moneyReaders);
		TABLE.put("POST /api/children/{id}/invoices", childAdmins);
		TABLE.put("GET /api/invoices/{id}", moneyReaders);
		TABLE.put("GET /api/invoices/{id}/pdf", moneyReaders);
		TABLE.put("POST /api/invoices/{id}/issue", childAdmins);
		TABLE.put("POST /api/invoices/{id}/void", childAdmins);
		TABLE.put("POST /api/invoices/{id}/credit-notes", childAdmins);
		TABLE.put("GET /api/children/{id}/statements", moneyReaders);
		TABLE.put("GET /api/children/{id}/statements/{month}", moneyReaders);
		TABLE.put("GET /api/children/{id}/statements/{month}/pdf", moneyReaders);
		// billing: payers, fee schedules, billing settings and NPIs are the admins'; a
		// child's coverages and charges too (403 for who sees the child, else 404)
		TABLE.put("GET /api/payers", adminsOnly);
		TABLE.put("POST /api/payers", adminsOnly);
		TABLE.put("GET /api/payers/{id}", adminsOnly);
		TABLE.put("PUT /api/payers/{id}", adminsOnly);
		TABLE.put("DELETE /api/payers/{id}", adminsOnly);
		TABLE.put("GET /api/payers/{id}/rates", adminsOnly);
		TABLE.put("POST /api/payers/{id}/rates", adminsOnly);
		TABLE.put("PUT /api/rates/{id}", adminsOnly);
		TABLE.put("DELETE /api/rates/{id}", adminsOnly);
		TABLE.put("GET /api/service-catalogue", adminsOnly);
		TABLE.put("GET /api/billing-settings", adminsOnly);
		TABLE.put("PUT /api/billing-settings", adminsOnly);
		TABLE.put("GET /api/provider-numbers", adminsOnly);
		TABLE.put("PUT /api/provider-numbers/{accountId}", adminsOnly);
		TABLE.put("DELETE /api/provider-numbers/{accountId}", adminsOnly);
		TABLE.put("GET /api/children/{id}/coverages", childAdmins);
		TABLE.put("POST /api/children/{id}/coverages", childAdmins);
		TABLE.put("GET /api/coverages/{id}", childAdmins);
		TABLE.put("PUT /api/coverages/{id}", childAdmins);
		TABLE.put("DELETE /api/coverages/{id}", childAdmins);
		TABLE.put("GET /api/charges", adminsOnly);
		TABLE.put("POST /api/charges/recheck", adminsOnly);
		TABLE.put("GET /api/charges/{id}", childAdmins);
		TABLE.put("POST /api/charges/{id}/void", childAdmins);
		TABLE.put("POST /api/charges/{id}/recheck", childAdmins);
		// audit
		TABLE.put("GET /api/audit", adminsOnly);
		TABLE.put("GET /api/audit/verify", adminsOnly);
		TABLE.put("POST /api/audit/checkpoints", adminsOnly);
		// reporting: progress reports (ADR 0034). Reads are of a signed report; the
		// draft is the supervisors' (admins read it, technicians and guardians do not
		// know it exists)
		String reportWriters = "admin=403 supervisor=ok technician=403 other_therapist=404 guardian=403 other_parent=404 anonymous=401";
		String draftWriters = "admin=403 supervisor=ok technician=404 other_therapist=404 guardian=404 other_parent=404 anonymous=401";
		TABLE.put("GET /api/children/{id}/progress-reports", childReaders);
		TABLE.put("POST /api/children/{id}/progress-reports", reportWriters);
		TABLE.put("GET /api/progress-reports/{id}", childReaders);
		TABLE.put("GET /api/progress-reports/{id}/pdf", childReaders);
		TABLE.put("PUT /api/progress-reports/{id}", draftWriters);
		TABLE.put("POST /api/progress-reports/{id}/signature", draftWriters);
		TABLE.put("POST /api/progress-reports/{id}/corrections", reportWriters);
		// reporting: the clinic dashboard (admins); a child's rows are 404 for those who
		// do not know the child
		TABLE.put("GET /api/reports/utilization", adminsOnly);
		TABLE.put("GET /api/reports/utilization/children.csv", adminsOnly);
		TABLE.put("GET /api/reports/utilization/therapists.csv", adminsOnly);
		TABLE.put("GET /api/reports/cancellations", adminsOnly);
		TABLE.put("GET /api/reports/cancellations/weeks.csv", adminsOnly);
		TABLE.put("GET /api/reports/cancellations/children.csv", adminsOnly);
		TABLE.put("GET /api/reports/cancellations/therapists.csv", adminsOnly);
		TABLE.put("GET /api/reports/documentation", adminsOnly);
		TABLE.put("GET /api/reports/documentation/therapists.csv", adminsOnly);
		TABLE.put("GET /api/reports/documentation/sessions", adminsOnly);
		TABLE.put("GET /api/reports/documentation/sessions.csv", adminsOnly);
		TABLE.put("GET /api/reports/appointments", childAdmins);
		TABLE.put("GET /api/reports/appointments.csv", adminsOnly);
		// reporting: the oversight reports are the admins'; supervisors (BCBA, BCaBA) log
		// their own supervision contacts and read them (ADR 0035)
		for (String report : List.of("supervision", "supervision/technicians.csv", "authorizations",
				"authorizations/authorizations.csv", "authorizations/weeks.csv", "money", "money/totals.csv",
				"money/outstanding.csv", "money/denials.csv")) {
			TABLE.put("GET /api/reports/" + report, adminsOnly);
		}
		String supervisionLog = "admin=ok supervisor=ok technician=403 other_therapist=ok guardian=403 other_parent=403 anonymous=401";
		TABLE.put("POST /api/reports/supervision-contacts", supervisionLog);
		TABLE.put("GET /api/reports/supervision-contacts", supervisionLog);
		// reporting: the caseload report (supervising therapists, BCBA or BCaBA, over the
		// children they supervise; admins over all) and the clinic's full export (admins)
		String caseloadReaders = "admin=ok supervisor=ok technician=403 other_therapist=ok guardian=403 other_parent=403 anonymous=401";
		TABLE.put("GET /api/reports/caseload", caseloadReaders);
		TABLE.put("GET /api/reports/caseload/items.csv", caseloadReaders);
		TABLE.put("GET /api/reports/clinic-export", adminsOnly);
		// the export's one-time links (ADR 0036): made by admins; the download needs no
		// sign-in, a made-up token is unknown to everyone
		TABLE.put("POST /api/reports/clinic-export/links", adminsOnly);
		TABLE.put("GET /api/reports/clinic-export/download",
				"admin=404 supervisor=404 technician=404 other_therapist=404 guardian=404 other_parent=404 anonymous=404");
		// platform: the node's health, for NGINX and load balancers (the actuator itself
		// is on the management port)
		TABLE.put("GET /api/health", everyone + " anonymous=ok");
		// reporting: masteries per month, over the caseload report's children (ADR 0036)
		TABLE.put("GET /api/reports/masteries", caseloadReaders);
		TABLE.put("GET /api/reports/masteries.csv", caseloadReaders);
		// identity: active sign-ins (issue 14); ending one that is not the caller's is
		// 404
		TABLE.put("GET /api/auth/sessions", everyone + " anonymous=401");
		TABLE.put("DELETE /api/auth/sessions/{id}",
				"admin=404 supervisor=404 technician=404 other_therapist=404 guardian=404 other_parent=404 anonymous=401");
		TABLE.put("DELETE /api/users/{id}/sessions", adminsOnly);
		// identity: two-step sign-in (issue 14, ADR 0038). The sign-in steps take a
		// challenge, not a bearer token: a made-up one is 401 for anybody; the
		// signed-in person's own routes answer an empty code with 400
		String challengeOnly = "admin=401 supervisor=401 technician=401 other_therapist=401 guardian=401 other_parent=401 anonymous=401";
		String ownWithEmptyCode = "admin=400 supervisor=400 technician=400 other_therapist=400 guardian=400 other_parent=400 anonymous=401";
		TABLE.put("POST /api/auth/login/second-factor", challengeOnly);
		TABLE.put("POST /api/auth/login/enrollment", challengeOnly);
		TABLE.put("POST /api/auth/login/enrollment/confirm", challengeOnly);
		TABLE.put("GET /api/auth/second-factor", everyone + " anonymous=401");
		TABLE.put("POST /api/auth/second-factor/enrollment", everyone + " anonymous=401");
		TABLE.put("POST /api/auth/second-factor/enrollment/confirm", ownWithEmptyCode);
		TABLE.put("POST /api/auth/second-factor/recovery-codes", ownWithEmptyCode);
		TABLE.put("POST /api/auth/second-factor/disable", ownWithEmptyCode);
		TABLE.put("GET /api/users/{id}/second-factor", adminsOnly);
		TABLE.put("DELETE /api/users/{id}/second-factor", adminsOnly);
		TABLE.put("GET /api/security-settings", adminsOnly);
		TABLE.put("PUT /api/security-settings", adminsOnly);
	}

	/**
	 * Each world's appointment gets its own time: the technician is the same person in
	 * every world.
	 */
	static final java.util.concurrent.atomic.AtomicInteger worlds = new java.util.concurrent.atomic.AtomicInteger();

	static final java.util.concurrent.atomic.AtomicInteger startedWorlds = new java.util.concurrent.atomic.AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Clinic clinic;

	Map<Actor, Person> people = new EnumMap<>(Actor.class);

	@BeforeAll
	void signInEveryone() {
		this.clinic = new Clinic(this.port);
		this.people.put(Actor.ADMIN, this.clinic.rootAdmin());
		this.people.put(Actor.SUPERVISOR, this.clinic.aTherapist("BCBA"));
		this.people.put(Actor.TECHNICIAN, this.clinic.aTherapist("RBT"));
		this.people.put(Actor.OTHER_THERAPIST, this.clinic.aTherapist("BCBA"));
		this.people.put(Actor.GUARDIAN, this.clinic.aParent());
		this.people.put(Actor.OTHER_PARENT, this.clinic.aParent());
	}

	@Test
	void everyRegisteredRouteHasAnEntry() {
		assertThat(new TreeSet<>(TABLE.keySet())).containsExactlyInAnyOrderElementsOf(registeredRoutes());
	}

	/**
	 * Routes of the demo profile only ({@code DemoClinicIntegrationTests} calls them
	 * there): unknown everywhere else, to everyone, signed in or not.
	 */
	static final List<String> DEMO_ONLY = List.of("/api/demo/logins");

	@Test
	void demoOnlyRoutesAreUnknownOutsideTheDemoProfile() {
		for (String path : DEMO_ONLY) {
			for (Actor actor : Actor.values()) {
				Api api = (actor == Actor.ANONYMOUS) ? new Api(this.port) : this.people.get(actor).api();
				assertThat(api.get(path).status()).as("GET %s as %s", path, actor).isEqualTo(404);
			}
		}
	}

	@Test
	void everyCallerGetsWhatTheTableSays() {
		List<String> mismatches = new ArrayList<>();
		World shared = new World();
		World refused = new World();
		TABLE.forEach((route, rules) -> {
			for (String rule : rules.split(" ")) {
				Actor actor = Actor.valueOf(rule.substring(0, rule.indexOf('=')).toUpperCase());
				String expected = rule.substring(rule.indexOf('=') + 1);
				// reads share one set of records, and so do the changes the table refuses
				// (a
				// refused change leaves them as they were; one that is let through is a
				// mismatch anyway); every allowed change gets fresh ones
				World world = route.startsWith("GET ") ? shared : expected.equals("ok") ? new World() : refused;
				int status = call(route, actor, world);
				boolean matches = expected.equals("ok") ? (status >= 200 && status < 300)
						: status == Integer.parseInt(expected);
				if (!matches) {
					mismatches.add(route + " as " + actor + ": expected " + expected + ", got " + status);
				}
			}
		});
		assertThat(mismatches).isEmpty();
	}

	/**
	 * Fresh records for one call: a child with guardian and care team, one program, a
	 * spare parent account.
	 */
	final class World {

		final Person admin = people.get(Actor.ADMIN);

		final String childId = clinic.aChild(this.admin, people.get(Actor.GUARDIAN), people.get(Actor.SUPERVISOR),
				people.get(Actor.TECHNICIAN));

		final java.time.Instant appointmentStart = java.time.Instant.now()
			.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
			.plus(java.time.Duration.ofDays(30).plusHours(2L * worlds.incrementAndGet()));

		// the rest is made on first use: most calls need only the child, and a fresh
		// world
		// is made for every change the table allows
		private Api.Response program;

		private String openSessionId;

		private String submittedSessionId;

		private String appointmentId;

		private String spareParentId;

		/** A program of the child with its targets. */
		Api.Response program() {
			if (this.program == null) {
				this.program = clinic.aProgram(people.get(Actor.SUPERVISOR), this.childId);
			}
			return this.program;
		}

		String programId() {
			return program().at("/id");
		}

		String targetId() {
			return program().at("/targets/0/id");
		}

		/**
		 * The technician's open session of the program's first target, with one trial.
		 */
		String openSession() {
			if (this.openSessionId == null) {
				this.openSessionId = clinic.aSession(people.get(Actor.TECHNICIAN), this.childId, targetId(),
						List.of("correct"), false);
			}
			return this.openSessionId;
		}

		/** The technician's submitted session of the program's first target. */
		String submittedSession() {
			if (this.submittedSessionId == null) {
				this.submittedSessionId = clinic.aSession(people.get(Actor.TECHNICIAN), this.childId, targetId(),
						List.of("correct"), true);
			}
			return this.submittedSessionId;
		}

		/** The technician's hour with the child at {@link #appointmentStart}. */
		String appointment() {
			if (this.appointmentId == null) {
				this.appointmentId = clinic.anAppointment(this.admin, this.childId, people.get(Actor.TECHNICIAN),
						this.appointmentStart);
			}
			return this.appointmentId;
		}

		private String draftReportId;

		private String signedReportId;

		/** The supervisor's draft progress report of the child, its narrative written. */
		String draftReport() {
			if (this.draftReportId == null) {
				Api supervisor = people.get(Actor.SUPERVISOR).api();
				Api.Response draft = supervisor.post("/api/children/" + this.childId + "/progress-reports", body());
				assertThat(draft.status()).as(draft.text()).isEqualTo(201);
				Api.Response written = supervisor.put("/api/progress-reports/" + draft.at("/id"),
						body("summary", "S", "goals", "G", "recommendations", "R"));
				assertThat(written.status()).as(written.text()).isEqualTo(200);
				this.draftReportId = draft.at("/id");
			}
			return this.draftReportId;
		}

		/** A signed progress report of the child (not the draft above). */
		String signedReport() {
			if (this.signedReportId == null) {
				String draft = draftReport();
				Api.Response signed = people.get(Actor.SUPERVISOR)
					.api()
					.post("/api/progress-reports/" + draft + "/signature", body());
				assertThat(signed.status()).as(signed.text()).isEqualTo(200);
				this.signedReportId = draft;
				this.draftReportId = null;
			}
			return this.signedReportId;
		}

		/** A parent account linked to nobody. */
		String spareParent() {
			if (this.spareParentId == null) {
				this.spareParentId = this.admin.api()
					.post("/api/users",
							body("name", "Spare Parent", "email", Clinic.uniqueEmail("spare"), "password",
									Clinic.PASSWORD, "role", "parent"))
					.at("/id");
			}
			return this.spareParentId;
		}

		private String startedAppointmentId;

		/**
		 * An hour's appointment of the technician that started a while ago (attendance
		 * may be recorded), made on first use; each world's two hours earlier than the
		 * last one's.
		 */
		String startedAppointment() {
			if (this.startedAppointmentId == null) {
				java.time.Instant start = java.time.Instant.now()
					.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
					.minus(java.time.Duration.ofHours(2L * startedWorlds.incrementAndGet()));
				this.startedAppointmentId = clinic.anAppointment(this.admin, this.childId, people.get(Actor.TECHNICIAN),
						start);
			}
			return this.startedAppointmentId;
		}

		/**
		 * The technician's proposal to move the appointment an hour later, once asked
		 * for.
		 */
		String changeRequestId;

		private Api.Response message;

		private String authorizationId;

		private Money money;

		/**
		 * The child's money, made on first use: a 100.00 debit adjustment (an open item),
		 * a 40.00 payment paying part of it, a draft invoice and an issued one.
		 */
		Money money() {
			if (this.money == null) {
				String child = "/api/children/" + this.childId;
				Api.Response item = this.admin.api()
					.post(child + "/adjustments", body("amount", "100.00", "description", "Opening balance"));
				assertThat(item.status()).as(item.text()).isEqualTo(201);
				Api.Response payment = this.admin.api()
					.post(child + "/payments",
							body("method", "check", "reference", "1001", "amount", "40.00", "receivedOn",
									java.time.LocalDate.now().toString()),
							"Idempotency-Key", java.util.UUID.randomUUID().toString());
				assertThat(payment.status()).as(payment.text()).isEqualTo(201);
				String draft = this.admin.api().post(child + "/invoices", invoiceLines()).at("/id");
				String issued = this.admin.api().post(child + "/invoices", invoiceLines()).at("/id");
				Api.Response issuing = this.admin.api().post("/api/invoices/" + issued + "/issue", "{}");
				assertThat(issuing.status()).as(issuing.text()).isEqualTo(200);
				this.money = new Money(item.at("/id"), payment.at("/id"), draft, issued);
			}
			return this.money;
		}

		/** An authorization of the child for 97153, made on first use. */
		String authorization() {
			if (this.authorizationId == null) {
				Api.Response created = this.admin.api()
					.post("/api/children/" + this.childId + "/authorizations", authorizationTerms(40));
				assertThat(created.status()).as(created.text()).isEqualTo(201);
				this.authorizationId = created.at("/id");
			}
			return this.authorizationId;
		}

		/**
		 * The child's conversation and a message of the guardian's in it with an
		 * attachment, made on first use.
		 */
		Api.Response message() {
			if (this.message == null) {
				String conversation = org.sparktherapy.support.Messages.childConversation(people.get(Actor.GUARDIAN),
						this.childId);
				this.message = org.sparktherapy.support.Messages.postWithPng(port, people.get(Actor.GUARDIAN),
						conversation, "Hello team");
				assertThat(this.message.status()).as(this.message.text()).isEqualTo(201);
			}
			return this.message;
		}

		private String payerId;

		private String rateId;

		private String coverageId;

		private String chargeId;

		/**
		 * An insurer of its own, made on first use (so deleting it deletes nothing
		 * shared).
		 */
		String payer() {
			if (this.payerId == null) {
				Api.Response created = this.admin.api()
					.post("/api/payers", body("name", "Access payer " + java.util.UUID.randomUUID()));
				assertThat(created.status()).as(created.text()).isEqualTo(201);
				this.payerId = created.at("/id");
			}
			return this.payerId;
		}

		/** A rate of the world's payer, made on first use. */
		String rate() {
			if (this.rateId == null) {
				Api.Response created = this.admin.api()
					.post("/api/payers/" + payer() + "/rates",
							body("serviceCode", "97153", "ratePerUnit", "20.00", "effectiveFrom", "2030-01-01"));
				assertThat(created.status()).as(created.text()).isEqualTo(201);
				this.rateId = created.at("/id");
			}
			return this.rateId;
		}

		/** A coverage of the child with the world's payer, made on first use. */
		String coverage() {
			if (this.coverageId == null) {
				Api.Response created = this.admin.api()
					.post("/api/children/" + this.childId + "/coverages", coverageTerms(payer()));
				assertThat(created.status()).as(created.text()).isEqualTo(201);
				this.coverageId = created.at("/id");
			}
			return this.coverageId;
		}

		/**
		 * The charge of the world's started appointment, which the technician records and
		 * completes on first use (billing hears of it asynchronously).
		 */
		String charge() {
			if (this.chargeId == null) {
				String appointment = startedAppointment();
				Api technician = people.get(Actor.TECHNICIAN).api();
				assertThat(technician.post("/api/appointments/" + appointment + "/record", "{}").status())
					.isEqualTo(200);
				Api.Response completed = technician.post("/api/appointments/" + appointment + "/complete", "{}");
				assertThat(completed.status()).as(completed.text()).isEqualTo(200);
				this.chargeId = org.awaitility.Awaitility.await()
					.atMost(java.time.Duration.ofSeconds(30))
					.until(() -> jdbc.sql("select id from charges where appointment_id = :id")
						.param("id", java.util.UUID.fromString(appointment))
						.query(String.class)
						.optional()
						.orElse(null), java.util.Objects::nonNull);
			}
			return this.chargeId;
		}

	}

	private int call(String route, Actor actor, World world) {
		Api api = (actor == Actor.ANONYMOUS) ? new Api(this.port) : this.people.get(actor).api();
		String child = "/api/children/" + world.childId;
		Object childBody = body("firstName", "Remy", "lastName", "Vale", "dateOfBirth", "2020-03-03");
		return switch (route) {
			case "POST /api/auth/register" -> api
				.post("/api/auth/register",
						body("name", "New Parent", "email", Clinic.uniqueEmail("reg"), "password", Clinic.PASSWORD))
				.status();
			case "POST /api/auth/login" ->
				api.post("/api/auth/login", body("email", Clinic.ADMIN_EMAIL, "password", Clinic.ADMIN_PASSWORD))
					.status();
			case "POST /api/auth/refresh" -> api
				.post("/api/auth/refresh",
						body("refreshToken",
								this.clinic.signIn(null, Clinic.ADMIN_EMAIL, Clinic.ADMIN_PASSWORD).refreshToken()))
				.status();
			case "POST /api/auth/logout" -> api.post("/api/auth/logout", body("refreshToken", "unknown")).status();
			case "GET /api/auth/profile" -> api.get("/api/auth/profile").status();
			case "PUT /api/auth/profile" ->
				api.put("/api/auth/profile", body("name", "Test " + actor.name().toLowerCase())).status();
			case "POST /api/auth/forgot-password" ->
				api.post("/api/auth/forgot-password", body("email", Clinic.uniqueEmail("forgot"))).status();
			case "POST /api/auth/reset-password" ->
				api.post("/api/auth/reset-password", body("token", "made-up-token", "password", Clinic.PASSWORD))
					.status();
			case "POST /api/auth/verify-email" ->
				api.post("/api/auth/verify-email", body("token", "made-up-token", "password", Clinic.PASSWORD))
					.status();
			case "POST /api/auth/invitation" ->
				api.post("/api/auth/invitation", body("token", "made-up-token")).status();
			case "POST /api/auth/accept-invitation" ->
				api.post("/api/auth/accept-invitation", body("token", "made-up-token", "password", Clinic.PASSWORD))
					.status();
			case "GET /api/invitations" -> api.get("/api/invitations").status();
			case "POST /api/invitations" ->
				api.post("/api/invitations", body("name", "X", "email", Clinic.uniqueEmail("i"), "role", "parent"))
					.status();
			case "POST /api/invitations/{id}/resend" ->
				api.post("/api/invitations/" + anInvitation() + "/resend", null).status();
			case "DELETE /api/invitations/{id}" -> api.delete("/api/invitations/" + anInvitation()).status();
			case "GET /api/notifications" -> api.get("/api/notifications").status();
			case "GET /api/notifications/unread-count" -> api.get("/api/notifications/unread-count").status();
			case "POST /api/notifications/read" -> api.post("/api/notifications/read", body("all", true)).status();
			case "GET /api/notifications/preferences" -> api.get("/api/notifications/preferences").status();
			case "PUT /api/notifications/preferences" -> api
				.put("/api/notifications/preferences",
						body("preferences", List.of(body("kind", "new_message", "channel", "email", "enabled", true))))
				.status();
			case "GET /api/users" -> api.get("/api/users").status();
			case "POST /api/users" -> api.post("/api/users",
					body("name", "X", "email", Clinic.uniqueEmail("u"), "password", Clinic.PASSWORD, "role", "parent"))
				.status();
			case "GET /api/users/{id}" -> api.get("/api/users/" + world.spareParent()).status();
			case "PUT /api/users/{id}" ->
				api.put("/api/users/" + world.spareParent(), body("name", "Renamed")).status();
			case "DELETE /api/users/{id}" -> api.delete("/api/users/" + world.spareParent()).status();
			case "POST /api/children" -> api.post("/api/children", childBody).status();
			case "GET /api/children" -> api.get("/api/children").status();
			case "GET /api/children/{id}" -> api.get(child).status();
			case "PUT /api/children/{id}" -> api.put(child, body("allergies", "dust")).status();
			case "DELETE /api/children/{id}" -> api.delete(child).status();
			case "POST /api/children/{id}/guardians" -> api.post(child + "/guardians",
					body("userId", world.spareParent(), "relationship", "aunt", "canSign", false))
				.status();
			case "DELETE /api/children/{id}/guardians/{userId}" ->
				api.delete(child + "/guardians/" + this.people.get(Actor.GUARDIAN).id()).status();
			case "POST /api/children/{id}/care-team" -> api.post(child + "/care-team",
					body("userId", this.people.get(Actor.OTHER_THERAPIST).id(), "role", "technician"))
				.status();
			case "DELETE /api/children/{id}/care-team/{userId}" ->
				api.delete(child + "/care-team/" + this.people.get(Actor.TECHNICIAN).id()).status();
			case "GET /api/children/{id}/history" -> api.get(child + "/history").status();
			case "GET /api/children/{id}/data-export" -> api.get(child + "/data-export").status();
			case "POST /api/children/{id}/data-export/links" -> api.post(child + "/data-export/links", "{}").status();
			case "POST /api/children/{id}/erasure" ->
				api.post(child + "/erasure", body("confirmation", "Not The Name")).status();
			case "POST /api/programs" -> api
				.post("/api/programs",
						body("childId", world.childId, "name", "Tacting", "domain", "communication", "kind", "behavior",
								"measurement", "frequency"))
				.status();
			case "GET /api/programs/child/{childId}" -> api.get("/api/programs/child/" + world.childId).status();
			case "GET /api/programs/{id}" -> api.get("/api/programs/" + world.programId()).status();
			case "PUT /api/programs/{id}" ->
				api.put("/api/programs/" + world.programId(), body("objective", "x")).status();
			case "DELETE /api/programs/{id}" -> api.delete("/api/programs/" + world.programId()).status();
			case "POST /api/programs/{id}/targets" ->
				api.post("/api/programs/" + world.programId() + "/targets", body("name", "horse")).status();
			case "PUT /api/programs/{id}/targets/{targetId}" ->
				api.put("/api/programs/" + world.programId() + "/targets/" + world.targetId(),
						body("phase", "intervention"))
					.status();
			case "PUT /api/programs/{id}/target-order" ->
				api.put("/api/programs/" + world.programId() + "/target-order",
						body("targetIds", List.of(world.program().at("/targets/1/id"), world.targetId())))
					.status();
			case "POST /api/programs/{id}/targets/{targetId}/undo-mastery" ->
				api.post("/api/programs/" + world.programId() + "/targets/" + world.targetId() + "/undo-mastery", "{}")
					.status();
			case "PUT /api/sessions/{id}" ->
				api.put("/api/sessions/" + java.util.UUID.randomUUID(), body("childId", world.childId, "serviceCode",
						"97153", "place", "clinic", "startedAt", java.time.Instant.now().toString()))
					.status();
			case "GET /api/sessions/{id}" -> api.get("/api/sessions/" + world.submittedSession()).status();
			case "GET /api/children/{id}/sessions" -> api.get(child + "/sessions").status();
			case "POST /api/sessions/{id}/events" -> api.post("/api/sessions/" + world.openSession() + "/events",
					body("events",
							List.of(body("id", java.util.UUID.randomUUID().toString(), "type", "trial", "targetId",
									world.targetId(), "outcome", "correct", "promptLevel", "verbal", "at",
									java.time.Instant.now().toString()))))
				.status();
			case "POST /api/sessions/{id}/submit" ->
				api.post("/api/sessions/" + world.openSession() + "/submit", "{}").status();
			case "POST /api/sessions/{id}/guardian-signature" ->
				api.post("/api/sessions/" + world.submittedSession() + "/guardian-signature",
						body("name", "Signer", "signature", "data:image/png;base64,iVBORw0KGgo="))
					.status();
			case "POST /api/sessions/{id}/addenda" -> api.post("/api/sessions/" + world.submittedSession() + "/addenda",
					body("reason", "Correction", "text", "Detail added later."))
				.status();
			case "GET /api/children/{id}/progress" -> api.get(child + "/progress").status();
			case "GET /api/sessions/unsigned" -> api.get("/api/sessions/unsigned").status();
			case "GET /api/sessions/review-queue" -> api.get("/api/sessions/review-queue").status();
			case "GET /api/caseload/targets" -> api.get("/api/caseload/targets").status();
			case "POST /api/appointments" -> api.post("/api/appointments",
					body("childId", world.childId, "therapistId", this.people.get(Actor.TECHNICIAN).id(), "serviceCode",
							"97153", "place", "home", "start", world.appointmentStart.plusSeconds(3600).toString(),
							"end", world.appointmentStart.plusSeconds(5400).toString()))
				.status();
			case "GET /api/appointments" -> api.get("/api/appointments").status();
			case "GET /api/appointments/{id}" -> api.get("/api/appointments/" + world.appointment()).status();
			case "POST /api/appointments/{id}/cancel" ->
				api.post("/api/appointments/" + world.appointment() + "/cancel", body("reason", "Sick")).status();
			case "POST /api/appointments/{id}/check-in" ->
				api.post("/api/appointments/" + world.startedAppointment() + "/check-in", "{}").status();
			case "POST /api/appointments/{id}/record" ->
				api.post("/api/appointments/" + world.startedAppointment() + "/record", "{}").status();
			case "POST /api/appointments/{id}/complete" ->
				api.post("/api/appointments/" + world.appointment() + "/complete", "{}").status();
			case "PUT /api/appointments/{id}" -> api.put("/api/appointments/" + world.appointment(),
					body("scope", "this", "start", world.appointmentStart.plusSeconds(3600).toString()))
				.status();
			case "POST /api/appointments/{id}/no-show" ->
				api.post("/api/appointments/" + world.startedAppointment() + "/no-show", "{}").status();
			case "POST /api/appointments/check" -> api.post("/api/appointments/check",
					body("childId", world.childId, "therapistId", this.people.get(Actor.TECHNICIAN).id(), "serviceCode",
							"97153", "place", "home", "start", world.appointmentStart.plusSeconds(3600).toString(),
							"end", world.appointmentStart.plusSeconds(5400).toString()))
				.status();
			case "POST /api/appointments/{id}/check" -> api.post("/api/appointments/" + world.appointment() + "/check",
					body("scope", "this", "start", world.appointmentStart.plusSeconds(3600).toString()))
				.status();
			case "POST /api/appointments/{id}/change-requests" ->
				api.post("/api/appointments/" + world.appointment() + "/change-requests",
						body("start", world.appointmentStart.plusSeconds(3600).toString(), "end",
								world.appointmentStart.plusSeconds(7200).toString()))
					.status();
			case "GET /api/appointment-change-requests" -> api.get("/api/appointment-change-requests").status();
			case "GET /api/appointment-change-requests/{id}" ->
				api.get("/api/appointment-change-requests/" + aChangeRequest(world)).status();
			case "POST /api/appointment-change-requests/{id}/approve" ->
				api.post("/api/appointment-change-requests/" + aChangeRequest(world) + "/approve", "{}").status();
			case "POST /api/appointment-change-requests/{id}/decline" ->
				api.post("/api/appointment-change-requests/" + aChangeRequest(world) + "/decline",
						body("reason", "Room taken"))
					.status();
			case "POST /api/appointment-change-requests/{id}/withdraw" ->
				api.post("/api/appointment-change-requests/" + aChangeRequest(world) + "/withdraw", "{}").status();
			case "POST /api/schedule/proposals" ->
				api.post("/api/schedule/proposals", body("weekStart", "2031-01-06", "childIds", List.of(world.childId)))
					.status();
			case "GET /api/schedule/proposals/{id}" -> api.get("/api/schedule/proposals/" + aProposal(world)).status();
			case "POST /api/schedule/proposals/{id}/accept" ->
				api.post("/api/schedule/proposals/" + aProposal(world) + "/accept", "{}").status();
			case "PATCH /api/schedule/proposals/{id}/placements/{placementId}" -> {
				String[] placed = aPlacedProposal(world);
				yield api
					.send("PATCH", "/api/schedule/proposals/" + placed[0] + "/placements/" + placed[1],
							body("start", placed[2]))
					.status();
			}
			case "DELETE /api/schedule/proposals/{id}/placements/{placementId}" -> {
				String[] placed = aPlacedProposal(world);
				yield api.delete("/api/schedule/proposals/" + placed[0] + "/placements/" + placed[1]).status();
			}
			case "GET /api/children/{id}/schedule-preferences" -> api.get(child + "/schedule-preferences").status();
			case "PUT /api/children/{id}/schedule-preferences" -> api
				.put(child + "/schedule-preferences",
						body("availableHours", List.of(body("weekday", "MONDAY", "start", "15:00", "end", "18:00")),
								"prescribedWeeklyHours", List.of(body("serviceCode", "97153", "hours", 4))))
				.status();
			case "GET /api/calendar/feed-url" -> api.get("/api/calendar/feed-url").status();
			case "POST /api/calendar/feed-url/rotate" -> api.post("/api/calendar/feed-url/rotate", "{}").status();
			case "GET /api/calendar/{token}.ics" -> {
				String url = this.people.get(Actor.TECHNICIAN).api().get("/api/calendar/feed-url").at("/url");
				yield api.get(url.substring(url.indexOf("/api/"))).status();
			}
			case "GET /api/therapists/{id}/availability" ->
				api.get("/api/therapists/" + this.people.get(Actor.TECHNICIAN).id() + "/availability").status();
			case "PUT /api/therapists/{id}/availability" ->
				api.put("/api/therapists/" + this.clinic.aTherapist("RBT").id() + "/availability",
						body("blocks", List.of(body("weekday", "MONDAY", "start", "09:00", "end", "17:00"))))
					.status();
			case "POST /api/therapists/{id}/time-off" -> api
				.post("/api/therapists/" + this.clinic.aTherapist("RBT").id() + "/time-off",
						body("start", "2030-01-07T00:00:00Z", "end", "2030-01-08T00:00:00Z", "reason", "Conference"))
				.status();
			case "GET /api/events" -> {
				String token = (actor == Actor.ANONYMOUS) ? null : this.people.get(actor).accessToken();
				try (var stream = org.sparktherapy.support.EventStream.open(this.port, token, "")) {
					yield stream.status();
				}
			}
			case "POST /api/events/ticket" -> api.post("/api/events/ticket", "{}").status();
			case "GET /api/conversations" -> api.get("/api/conversations").status();
			case "GET /api/conversations/unread-count" -> api.get("/api/conversations/unread-count").status();
			case "GET /api/conversations/contacts" -> api.get("/api/conversations/contacts").status();
			case "POST /api/conversations" ->
				api.post("/api/conversations", body("memberIds", List.of(this.clinic.aTherapist("RBT").id()))).status();
			case "GET /api/children/{id}/conversation" -> api.get(child + "/conversation").status();
			case "GET /api/conversations/{id}/messages" ->
				api.get("/api/conversations/" + world.message().at("/conversationId") + "/messages").status();
			case "POST /api/conversations/{id}/messages" -> api
				.post("/api/conversations/" + world.message().at("/conversationId") + "/messages", body("body", "Hi"))
				.status();
			case "POST /api/conversations/{id}/read" ->
				api.post("/api/conversations/" + world.message().at("/conversationId") + "/read",
						body("upTo", world.message().at("/id")))
					.status();
			case "PATCH /api/messages/{id}" ->
				api.send("PATCH", "/api/messages/" + world.message().at("/id"), body("body", "Edited")).status();
			case "DELETE /api/messages/{id}" -> api.delete("/api/messages/" + world.message().at("/id")).status();
			case "GET /api/attachments/{id}" ->
				api.get("/api/attachments/" + world.message().at("/attachments/0/id")).status();
			case "GET /api/children/{id}/authorizations" -> api.get(child + "/authorizations").status();
			case "POST /api/children/{id}/authorizations" ->
				api.post(child + "/authorizations", authorizationTerms(40)).status();
			case "GET /api/authorizations" -> api.get("/api/authorizations").status();
			case "GET /api/billing/schedule-rules" -> api.get("/api/billing/schedule-rules").status();
			case "PUT /api/billing/schedule-rules" ->
				api.put("/api/billing/schedule-rules", Api.body("enforcement", "warn", "graceDays", 7)).status();
			case "GET /api/authorizations/{id}" -> api.get("/api/authorizations/" + world.authorization()).status();
			case "PUT /api/authorizations/{id}" ->
				api.put("/api/authorizations/" + world.authorization(), authorizationTerms(48)).status();
			case "DELETE /api/authorizations/{id}" ->
				api.delete("/api/authorizations/" + world.authorization()).status();
			case "GET /api/payers" -> api.get("/api/payers").status();
			case "POST /api/payers" ->
				api.post("/api/payers", body("name", "Payer " + java.util.UUID.randomUUID())).status();
			case "GET /api/payers/{id}" -> api.get("/api/payers/" + world.payer()).status();
			case "PUT /api/payers/{id}" ->
				api.put("/api/payers/" + world.payer(), body("name", "Renamed " + java.util.UUID.randomUUID()))
					.status();
			case "DELETE /api/payers/{id}" -> api.delete("/api/payers/" + world.payer()).status();
			case "GET /api/payers/{id}/rates" -> api.get("/api/payers/" + world.payer() + "/rates").status();
			case "POST /api/payers/{id}/rates" -> api.post("/api/payers/" + world.payer() + "/rates",
					body("serviceCode", "97155", "ratePerUnit", "30.00", "effectiveFrom", "2030-01-01"))
				.status();
			case "PUT /api/rates/{id}" -> api.put("/api/rates/" + world.rate(),
					body("serviceCode", "97153", "ratePerUnit", "21.00", "effectiveFrom", "2030-01-01"))
				.status();
			case "DELETE /api/rates/{id}" -> api.delete("/api/rates/" + world.rate()).status();
			case "GET /api/service-catalogue" -> api.get("/api/service-catalogue").status();
			case "GET /api/billing-settings" -> api.get("/api/billing-settings").status();
			case "PUT /api/billing-settings" ->
				api.put("/api/billing-settings", body("legalName", "Access Test Clinic LLC", "npi", "1234567893"))
					.status();
			case "GET /api/provider-numbers" -> api.get("/api/provider-numbers").status();
			case "PUT /api/provider-numbers/{accountId}" -> api
				.put("/api/provider-numbers/" + this.people.get(Actor.OTHER_THERAPIST).id(), body("npi", "1245319599"))
				.status();
			case "DELETE /api/provider-numbers/{accountId}" ->
				api.delete("/api/provider-numbers/" + this.people.get(Actor.OTHER_THERAPIST).id()).status();
			case "GET /api/children/{id}/coverages" -> api.get(child + "/coverages").status();
			case "POST /api/children/{id}/coverages" ->
				api.post(child + "/coverages", coverageTerms(world.payer())).status();
			case "GET /api/coverages/{id}" -> api.get("/api/coverages/" + world.coverage()).status();
			case "PUT /api/coverages/{id}" ->
				api.put("/api/coverages/" + world.coverage(), coverageTerms(world.payer())).status();
			case "DELETE /api/coverages/{id}" -> api.delete("/api/coverages/" + world.coverage()).status();
			case "GET /api/charges" -> api.get("/api/charges").status();
			case "POST /api/charges/recheck" -> api.post("/api/charges/recheck", "{}").status();
			case "GET /api/charges/{id}" -> api.get("/api/charges/" + world.charge()).status();
			case "POST /api/charges/{id}/void" ->
				api.post("/api/charges/" + world.charge() + "/void", body("reason", "Access test")).status();
			case "POST /api/charges/{id}/recheck" ->
				api.post("/api/charges/" + world.charge() + "/recheck", "{}").status();
			case "GET /api/audit" -> api.get("/api/audit").status();
			case "GET /api/audit/verify" -> api.get("/api/audit/verify").status();
			case "POST /api/audit/checkpoints" -> api.post("/api/audit/checkpoints", "{}").status();
			case "GET /api/reports/caseload" -> api.get("/api/reports/caseload").status();
			case "GET /api/reports/caseload/items.csv" -> api.get("/api/reports/caseload/items.csv").status();
			case "GET /api/reports/clinic-export" -> api.get("/api/reports/clinic-export").status();
			case "POST /api/reports/clinic-export/links" -> api.post("/api/reports/clinic-export/links", "{}").status();
			case "GET /api/reports/clinic-export/download" ->
				api.get("/api/reports/clinic-export/download?token=made-up-token").status();
			case "GET /api/reports/masteries" -> api.get("/api/reports/masteries").status();
			case "GET /api/reports/masteries.csv" -> api.get("/api/reports/masteries.csv").status();
			case "GET /api/claim-batches" -> api.get("/api/claim-batches").status();
			case "POST /api/claim-batches" ->
				api.post("/api/claim-batches", body("payerId", java.util.UUID.randomUUID().toString())).status();
			case "GET /api/claim-batches/{id}" -> api.get("/api/claim-batches/" + java.util.UUID.randomUUID()).status();
			case "GET /api/claim-batches/{id}/837" ->
				api.get("/api/claim-batches/" + java.util.UUID.randomUUID() + "/837").status();
			case "POST /api/claim-batches/{id}/submission" ->
				api.post("/api/claim-batches/" + java.util.UUID.randomUUID() + "/submission", body()).status();
			case "GET /api/claims/{id}" -> api.get("/api/claims/" + java.util.UUID.randomUUID()).status();
			case "GET /api/claims/{id}/cms1500" ->
				api.get("/api/claims/" + java.util.UUID.randomUUID() + "/cms1500").status();
			case "POST /api/claims/{id}/replacement" ->
				api.post("/api/claims/" + java.util.UUID.randomUUID() + "/replacement", body()).status();
			case "POST /api/claims/{id}/void" ->
				api.post("/api/claims/" + java.util.UUID.randomUUID() + "/void", body()).status();
			case "GET /api/remittances" -> api.get("/api/remittances").status();
			case "POST /api/remittances" -> api.sendRaw("POST", "/api/remittances",
					java.net.http.HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; "
							+ "name=\"file\"; filename=\"era.835\"\r\n\r\nnot an 835\r\n--b--\r\n"),
					"Content-Type", "multipart/form-data; boundary=b")
				.status();
			case "GET /api/remittances/{id}" -> api.get("/api/remittances/" + java.util.UUID.randomUUID()).status();
			case "GET /api/family-accounts" -> api.get("/api/family-accounts").status();
			case "GET /api/family-accounts/aging" -> api.get("/api/family-accounts/aging").status();
			case "GET /api/claims/aging" -> api.get("/api/claims/aging").status();
			case "GET /api/payments" -> api.get("/api/payments?method=cash").status();
			case "GET /api/children/{id}/account" -> api.get(child + "/account").status();
			case "GET /api/children/{id}/ledger-entries" -> api.get(child + "/ledger-entries").status();
			case "GET /api/children/{id}/payments" -> api.get(child + "/payments").status();
			case "POST /api/children/{id}/payments" -> api.post(child + "/payments",
					body("method", "cash", "amount", "10.00", "receivedOn", java.time.LocalDate.now().toString()),
					"Idempotency-Key", java.util.UUID.randomUUID().toString())
				.status();
			case "GET /api/payments/{id}" -> api.get("/api/payments/" + world.money().payment()).status();
			case "POST /api/payments/{id}/refunds" -> api.post("/api/payments/" + world.money().payment() + "/refunds",
					body("amount", "1.00", "reason", "x", "deallocate", true))
				.status();
			case "POST /api/children/{id}/write-offs" -> api.post(child + "/write-offs",
					body("entryId", world.money().item(), "amount", "1.00", "reason", "Hardship"))
				.status();
			case "POST /api/children/{id}/adjustments" ->
				api.post(child + "/adjustments", body("amount", "-1.00", "description", "Courtesy")).status();
			case "POST /api/ledger-entries/{id}/reversal" ->
				api.post("/api/ledger-entries/" + world.money().item() + "/reversal", body("reason", "Mistake"))
					.status();
			case "POST /api/children/{id}/online-payments" ->
				api.post(child + "/online-payments", body("amount", "10.00")).status();
			case "GET /api/children/{id}/invoices" -> api.get(child + "/invoices").status();
			case "POST /api/children/{id}/invoices" -> api.post(child + "/invoices", invoiceLines()).status();
			case "GET /api/invoices/{id}" -> api.get("/api/invoices/" + world.money().issued()).status();
			case "GET /api/invoices/{id}/pdf" -> api.get("/api/invoices/" + world.money().issued() + "/pdf").status();
			case "POST /api/invoices/{id}/issue" ->
				api.post("/api/invoices/" + world.money().draft() + "/issue", "{}").status();
			case "POST /api/invoices/{id}/void" ->
				api.post("/api/invoices/" + world.money().draft() + "/void", body("reason", "Mistake")).status();
			case "POST /api/invoices/{id}/credit-notes" ->
				api.post("/api/invoices/" + world.money().issued() + "/credit-notes",
						body("amount", "1.00", "reason", "Goodwill"))
					.status();
			case "GET /api/children/{id}/statements" -> api.get(child + "/statements").status();
			case "GET /api/children/{id}/statements/{month}" ->
				api.get(child + "/statements/" + java.time.YearMonth.now()).status();
			case "GET /api/children/{id}/statements/{month}/pdf" ->
				api.get(child + "/statements/" + java.time.YearMonth.now() + "/pdf").status();
			case "GET /api/children/{id}/progress-reports" -> api.get(child + "/progress-reports").status();
			case "POST /api/children/{id}/progress-reports" -> api.post(child + "/progress-reports", body()).status();
			case "GET /api/progress-reports/{id}" -> api.get("/api/progress-reports/" + world.signedReport()).status();
			case "GET /api/progress-reports/{id}/pdf" ->
				api.get("/api/progress-reports/" + world.signedReport() + "/pdf").status();
			case "PUT /api/progress-reports/{id}" ->
				api.put("/api/progress-reports/" + world.draftReport(), body("summary", "Access test")).status();
			case "POST /api/progress-reports/{id}/signature" ->
				api.post("/api/progress-reports/" + world.draftReport() + "/signature", body()).status();
			case "POST /api/progress-reports/{id}/corrections" ->
				api.post("/api/progress-reports/" + world.signedReport() + "/corrections", body()).status();
			case "GET /api/reports/utilization", "GET /api/reports/utilization/children.csv",
					"GET /api/reports/utilization/therapists.csv", "GET /api/reports/cancellations",
					"GET /api/reports/cancellations/weeks.csv", "GET /api/reports/cancellations/children.csv",
					"GET /api/reports/cancellations/therapists.csv", "GET /api/reports/documentation",
					"GET /api/reports/documentation/therapists.csv", "GET /api/reports/documentation/sessions",
					"GET /api/reports/documentation/sessions.csv", "GET /api/reports/appointments.csv" ->
				api.get(route.substring("GET ".length()) + "?from=2026-11-01&to=2026-11-30").status();
			case "GET /api/reports/appointments" ->
				api.get("/api/reports/appointments?childId=" + world.childId).status();
			case "GET /api/reports/supervision", "GET /api/reports/supervision/technicians.csv",
					"GET /api/reports/authorizations", "GET /api/reports/authorizations/authorizations.csv",
					"GET /api/reports/authorizations/weeks.csv", "GET /api/reports/money",
					"GET /api/reports/money/totals.csv", "GET /api/reports/money/outstanding.csv",
					"GET /api/reports/money/denials.csv" ->
				api.get(route.substring("GET ".length()) + "?from=2026-09-01&to=2026-09-30").status();
			case "POST /api/reports/supervision-contacts" -> {
				Map<String, Object> contact = new LinkedHashMap<>(body("heldOn", java.time.LocalDate.now().toString(),
						"minutes", 30, "technicianIds", List.of(this.people.get(Actor.TECHNICIAN).id()), "kind",
						"individual", "withChild", true));
				if (actor == Actor.ADMIN) {
					contact.put("supervisorId", this.people.get(Actor.SUPERVISOR).id());
				}
				yield api.post("/api/reports/supervision-contacts", contact).status();
			}
			case "GET /api/reports/supervision-contacts" -> api.get("/api/reports/supervision-contacts").status();
			case "GET /api/health" -> api.get("/api/health").status();
			case "GET /api/auth/sessions" -> api.get("/api/auth/sessions").status();
			case "DELETE /api/auth/sessions/{id}" ->
				api.delete("/api/auth/sessions/" + java.util.UUID.randomUUID()).status();
			case "DELETE /api/users/{id}/sessions" ->
				api.delete("/api/users/" + world.spareParent() + "/sessions").status();
			case "POST /api/auth/login/second-factor" ->
				api.post("/api/auth/login/second-factor", body("challengeToken", "made-up", "code", "123456")).status();
			case "POST /api/auth/login/enrollment" ->
				api.post("/api/auth/login/enrollment", body("challengeToken", "made-up")).status();
			case "POST /api/auth/login/enrollment/confirm" ->
				api.post("/api/auth/login/enrollment/confirm", body("challengeToken", "made-up", "code", "123456"))
					.status();
			case "GET /api/auth/second-factor" -> api.get("/api/auth/second-factor").status();
			case "POST /api/auth/second-factor/enrollment" ->
				api.post("/api/auth/second-factor/enrollment", "{}").status();
			case "POST /api/auth/second-factor/enrollment/confirm" ->
				api.post("/api/auth/second-factor/enrollment/confirm", body("code", "")).status();
			case "POST /api/auth/second-factor/recovery-codes" ->
				api.post("/api/auth/second-factor/recovery-codes", body("code", "")).status();
			case "POST /api/auth/second-factor/disable" ->
				api.post("/api/auth/second-factor/disable", body("password", "", "code", "")).status();
			case "GET /api/users/{id}/second-factor" ->
				api.get("/api/users/" + world.spareParent() + "/second-factor").status();
			case "DELETE /api/users/{id}/second-factor" ->
				api.delete("/api/users/" + world.spareParent() + "/second-factor").status();
			case "GET /api/security-settings" -> api.get("/api/security-settings").status();
			case "PUT /api/security-settings" ->
				api.put("/api/security-settings", body("secondFactorRequiredFor", List.of())).status();
			default -> throw new AssertionError("No request written for " + route + ": add one to " + getClass());
		};
	}

	/**
	 * A world's money records: an open item, a payment, a draft and an issued invoice.
	 */
	record Money(String item, String payment, String draft, String issued) {
	}

	private static Map<String, Object> invoiceLines() {
		return body("lines", List.of(body("description", "Session", "serviceDate",
				java.time.LocalDate.now().minusDays(3).toString(), "quantity", 2, "unitPrice", "50.00")));
	}

	private static Map<String, Object> coverageTerms(String payerId) {
		return body("payerId", payerId, "memberId", "M-1", "diagnosisCodes", List.of("F84.0"), "startDate",
				"2031-01-01");
	}

	private static Map<String, Object> authorizationTerms(int units) {
		return body("payer", "Aetna", "authorizationNumber", "A-1", "serviceCode", "97153", "unitsAuthorized", units,
				"startDate", "2031-01-01", "endDate", "2031-06-30");
	}

	/**
	 * The technician's pending proposal to move the world's appointment an hour later
	 * (made once per world).
	 */
	private String aChangeRequest(World world) {
		if (world.changeRequestId == null) {
			Api.Response proposed = this.people.get(Actor.TECHNICIAN)
				.api()
				.post("/api/appointments/" + world.appointment() + "/change-requests",
						body("start", world.appointmentStart.plusSeconds(3600).toString(), "end",
								world.appointmentStart.plusSeconds(7200).toString(), "note", "School trip"));
			assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
			world.changeRequestId = proposed.at("/id");
		}
		return world.changeRequestId;
	}

	/**
	 * A proposal placing one session of the world's child with a therapist of its own who
	 * works every day: the proposal's id, the placed session's id and a free start an
	 * hour later the same day.
	 */
	private String[] aPlacedProposal(World world) {
		Person therapist = this.clinic.aTherapist("RBT");
		List<Object> everyDay = java.util.stream.Stream
			.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
			.map(d -> (Object) body("weekday", d, "start", "08:00", "end", "20:00"))
			.toList();
		world.admin.api()
			.post("/api/children/" + world.childId + "/care-team",
					body("userId", therapist.id(), "role", "technician"));
		assertThat(world.admin.api()
			.put("/api/therapists/" + therapist.id() + "/availability", body("blocks", everyDay))
			.status()).isEqualTo(200);
		assertThat(world.admin.api()
			.put("/api/children/" + world.childId + "/schedule-preferences",
					body("availableHours", everyDay, "prescribedWeeklyHours",
							List.of(body("serviceCode", "97153", "hours", 2))))
			.status()).isEqualTo(200);
		Api.Response proposal = world.admin.api()
			.post("/api/schedule/proposals", body("weekStart", "2031-01-06", "childIds", List.of(world.childId)));
		assertThat(proposal.status()).as(proposal.text()).isEqualTo(201);
		assertThat(proposal.json().get("placed")).as(proposal.text()).hasSize(1);
		java.time.Instant start = java.time.Instant.parse(proposal.at("/placed/0/start"));
		java.time.Instant later = (start.atZone(java.time.ZoneOffset.UTC).getHour() < 17) ? start.plusSeconds(3600)
				: start.minusSeconds(3600);
		return new String[] { proposal.at("/id"), proposal.at("/placed/0/id"), later.toString() };
	}

	/**
	 * A proposal for the world's child, asked for by the admin (the child has no
	 * prescribed hours: nothing placed).
	 */
	private String aProposal(World world) {
		Api.Response proposal = world.admin.api()
			.post("/api/schedule/proposals", body("weekStart", "2031-01-06", "childIds", List.of(world.childId)));
		assertThat(proposal.status()).as(proposal.text()).isEqualTo(201);
		return proposal.at("/id");
	}

	private Set<String> registeredRoutes() {
		Set<String> routes = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getPathPatternsCondition() == null) {
				return;
			}
			for (String path : info.getPathPatternsCondition().getPatternValues()) {
				if (path.startsWith("/api/") && !path.startsWith("/api/openapi.json") && !path.startsWith("/api/docs")
						&& !path.contains("swagger")) {
					info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + path));
				}
			}
		});
		return routes;
	}

	/** A fresh open invitation (one per request: revoking uses it up). */
	private String anInvitation() {
		Api.Response invited = this.clinic.rootAdmin()
			.api()
			.post("/api/invitations", body("name", "Invited", "email", Clinic.uniqueEmail("inv"), "role", "parent"));
		assertThat(invited.status()).as(invited.text()).isEqualTo(201);
		return invited.at("/id");
	}

}
