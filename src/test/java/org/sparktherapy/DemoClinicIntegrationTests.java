package org.sparktherapy;

import java.time.Duration;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sparktherapy.billing.internal.x12.ClaimFileValidator;
import org.sparktherapy.billing.internal.x12.X12Document;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.FreshDatabase;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command seeds a small, realistic demo clinic, once, before its port
 * opens, and shows its logins (in the log, last, and to the sign-in page).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoClinicIntegrationTests {

	/** A ledger entry {@code e} that no reversal took back. */
	private static final String NOT_REVERSED = "not exists (select 1 from ledger_entries r where r.reverses = e.id)";

	@Autowired
	DataSource dataSource;

	@Test
	void theDemoProfileSeedsARealisticClinicOnce() {
		FreshDatabase database = new FreshDatabase(this.dataSource);
		try {
			startAndSettle(database, SeededBeforeTheWebServer.NOT_CHECKED);
			startAndSettle(database, SeededBeforeTheWebServer.NOT_CHECKED);

			DemoCounts demo = new DemoCounts(
					JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(database.url(),
							database.username(), "")));
			theClinicsPeopleProgramsAndSessions(demo);
			theScheduleOfThisWeekAndTheNext(demo);
			noticesAndMessages(demo);
			authorizations(demo);
			aMonthOfCharges(demo);
			theFamilyLedger(demo);
			claimsAndTheRemittance(demo);
		}
		finally {
			database.drop();
		}
	}

	@Test
	void theDemoClinicIsSeededBeforeThePortOpensAndItsLoginsAreShownLast(CapturedOutput output) {
		FreshDatabase database = new FreshDatabase(this.dataSource);
		SeededBeforeTheWebServer check = new SeededBeforeTheWebServer();
		try (ConfigurableApplicationContext node = start(database, check)) {
			assertThat(check.accountsWhenThePortOpened).as("demo accounts when the web server started").isEqualTo(10);
			assertThat(check.childrenWhenThePortOpened).as("demo children when the web server started").isEqualTo(8);
			int port = ((WebServerApplicationContext) node).getWebServer().getPort();

			Api.Response logins = new Api(port).get("/api/demo/logins");

			assertThat(logins.status()).as(logins.text()).isEqualTo(200);
			assertThat(logins.at("/password")).isEqualTo("spark-demo-clinic-2026");
			assertThat(logins.json().get("logins")).hasSize(10);
			assertThat(logins.at("/logins/0/email")).isEqualTo("admin@demo.sparktherapy.org");
			assertThat(logins.at("/logins/1/label")).isEqualTo("therapist, BCBA (supervisor)");
			String log = output.getOut();
			int box = log.lastIndexOf("SPARKTherapy demo clinic ready: open http://localhost:" + port + " ");
			assertThat(box).as("the logins with the real address").isPositive();
			assertThat(log.substring(box)).contains("admin@demo.sparktherapy.org")
				.contains("emma.carter@demo.sparktherapy.org")
				.contains("Password for every account: spark-demo-clinic-2026")
				.doesNotContain("localhost:5000");
			assertThat(log.lastIndexOf("Started SparkTherapyApplication")).as("logins after the start-up lines")
				.isLessThan(box);
			theDemoClaimBatchExportsAValid837P(new Api(port), logins.at("/password"));
			settle(node);
		}
		finally {
			database.drop();
		}
	}

	/** The people, their children, programs and signed sessions. */
	private static void theClinicsPeopleProgramsAndSessions(DemoCounts demo) {
		demo.exactly(1, "select count(*) from accounts where role = 'admin'");
		demo.exactly(3, "select count(*) from accounts where role = 'therapist'");
		demo.exactly(6, "select count(*) from accounts where role = 'parent'");
		// a technician invited by the admin, not signed up yet (ADR 0039)
		demo.exactly(1,
				"select count(*) from invitations i join accounts a on a.id = i.invited_by and a.role = 'admin' "
						+ "where i.role = 'therapist' and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()");
		demo.exactly(8, "select count(*) from children");
		demo.atLeast(4, "select count(distinct status) from children");
		demo.atLeast(8, "select count(*) from programs");
		demo.atLeast(3, "select count(distinct phase) from targets");
		demo.atLeast(30, "select count(*) from therapy_sessions where status = 'submitted'");
		demo.atLeast(4, "several weeks of sessions",
				"select count(distinct date_trunc('week', started_at)) from therapy_sessions");
		demo.atLeast(1, "targets mastered automatically along the way",
				"select count(*) from target_phase_changes where automatic and phase = 'mastered'");
		// a stalled target (StalledTargetRule): in intervention since the programs began,
		// half right every session
		demo.exactly(1, "a target stalled in intervention", """
				select count(*) from targets t
				where t.name = 'ball' and t.phase = 'intervention'
				  and (select count(*) from session_target_results r where r.target_id = t.id) >= 6
				  and not exists (select 1 from session_target_results r
				                  where r.target_id = t.id and r.percent_correct <> 50)
				""");
	}

	/**
	 * The schedule: this week and the next, every status, within the therapists' hours.
	 */
	private static void theScheduleOfThisWeekAndTheNext(DemoCounts demo) {
		demo.atLeast(8, "appointments this week",
				"select count(*) from appointments where starts_at >= date_trunc('week', now()) "
						+ "and starts_at < date_trunc('week', now()) + interval '1 week'");
		demo.atLeast(8, "appointments next week",
				"select count(*) from appointments where starts_at >= date_trunc('week', now()) "
						+ "+ interval '1 week' and starts_at < date_trunc('week', now()) + interval '2 weeks'");
		demo.atLeast(2, "select count(distinct place) from appointments");
		demo.exactly(5, "every appointment status", "select count(distinct status) from appointments");
		demo.none("nothing attended before its time",
				"select count(*) from appointments where status in ('checked_in', 'completed', "
						+ "'no_show') and starts_at > now() + interval '30 minutes'");
		demo.atLeast(1, "a session that took place otherwise than booked",
				"select count(*) from appointments where status = 'completed' "
						+ "and (actual_start <> starts_at or actual_end <> ends_at)");
		demo.atLeast(1, "a BCBA's supervision during a technician's session",
				"select count(*) from appointments s join appointments t on t.child_id = s.child_id "
						+ "and t.therapist_id <> s.therapist_id and s.service_code = '97155' and t.service_code = '97153' "
						+ "and t.starts_at < s.ends_at and t.ends_at > s.starts_at "
						+ "where s.status not in ('cancelled', 'no_show') and t.status not in ('cancelled', 'no_show')");
		demo.exactly(3, "every therapist has weekly hours",
				"select count(distinct therapist_id) from therapist_availability");
		demo.none("seeded appointments within their therapist's hours",
				"select count(*) from appointments a where not exists (select 1 from "
						+ "therapist_availability t where t.therapist_id = a.therapist_id "
						+ "and t.weekday = extract(isodow from a.local_start) and a.local_start::time >= t.start_time "
						+ "and (a.local_start + (a.ends_at - a.starts_at))::time <= t.end_time)");
		demo.atLeast(4, "children with prescribed and available hours, for the automatic schedule",
				"select count(distinct h.child_id) from child_prescribed_hours h "
						+ "join child_available_hours a on a.child_id = h.child_id where h.hours > 0");
		demo.none("select count(*) from child_schedule_preferences where preferred_place is null");
		demo.exactly(1, "a signed progress report with targets and hours delivered",
				"select count(*) from progress_reports where signed_at is not null "
						+ "and jsonb_array_length(snapshot -> 'targets') > 0 "
						+ "and (snapshot -> 'hours' ->> 'deliveredMinutes')::int > 0");
		demo.exactly(1, "a draft progress report", "select count(*) from progress_reports where signed_at is null");
		demo.atLeast(1, "the guardians were told of the signed progress report",
				"select count(*) from notifications n join progress_reports r on n.link = '/progress-reports/' || r.id "
						+ "where n.kind = 'progress_report_ready' and r.signed_at is not null");
		demo.exactly(1, "a therapist's proposed change waiting for the admin",
				"select count(*) from appointment_change_requests where status = 'pending'");
	}

	/** What the real listeners told the demo people, and their conversations. */
	private static void noticesAndMessages(DemoCounts demo) {
		demo.atLeast(2, "the real listeners left notifications for the demo people",
				"select count(distinct kind) from notifications n join accounts a on a.id = n.recipient_id "
						+ "where a.email like '%@demo.sparktherapy.org'");
		assertThat(demo.jdbc()
			.sql("select kind || ': ' || title from notifications where in_app and resolved_at is null "
					+ "group by recipient_id, kind, title having count(*) > 1")
			.query(String.class)
			.list()).as("no one has the same notice twice").isEmpty();
		demo.none("a notice about a child names it as \"Ava C.\"",
				"select count(*) from notifications where kind in ('signature_requested', "
						+ "'appointment_booked', 'target_mastered', 'authorization_running_out', 'change_requested') "
						+ "and title !~ '[A-Z][a-z]+ [A-Z]\\.'");
		demo.atLeast(10, "the notes the guardians signed are done",
				"select count(*) from notifications where kind = 'signature_requested' "
						+ "and resolved_at is not null");
		demo.atLeast(1, "last week's notes wait for a signature",
				"select count(*) from notifications where kind = 'signature_requested' " + "and resolved_at is null");
		demo.none("select count(*) from children c where not exists "
				+ "(select 1 from guardians g where g.child_id = c.id)");
		demo.atLeast(4, "children's conversations",
				"select count(distinct c.child_id) from conversations c join messages m "
						+ "on m.conversation_id = c.id where c.kind = 'child'");
		demo.exactly(1, "select count(*) from conversations where kind = 'direct'");
		demo.exactly(1, "select count(*) from conversations where kind = 'announcement'");
		demo.atLeast(10, "select count(*) from messages");
	}

	/** Insurance authorizations, one the schedule already goes over. */
	private static void authorizations(DemoCounts demo) {
		demo.atLeast(4, "children with a direct-therapy authorization",
				"select count(distinct child_id) from authorizations where service_code = '97153'");
		demo.exactly(1, "select count(*) from authorizations where service_code = '97155'");
		demo.atLeast(1, "an authorization the schedule already goes over", """
				select count(*) from authorizations a where a.service_code = '97153' and a.units_authorized < (
				  select coalesce(sum((extract(epoch from (p.ends_at - p.starts_at))::bigint / 60 + 7) / 15), 0)
				  from appointments p where p.child_id = a.child_id and p.service_code = a.service_code
				    and p.status in ('scheduled', 'checked_in', 'completed')
				    and p.local_start >= a.starts_on and p.local_start < a.ends_on + 1)""");
		demo.atLeast(2, "the admin was told",
				"select count(*) from notifications where kind = 'authorization_running_out'");
	}

	/** A month of completed sessions and so their charges, ready and held. */
	private static void aMonthOfCharges(DemoCounts demo) {
		demo.atLeast(28, "charges' service dates span a month",
				"select max(service_date) - min(service_date) from charges where status <> 'void'");
		demo.atLeast(5, "charges in every week of the month",
				"select count(distinct date_trunc('week', service_date)) from charges");
		demo.atLeast(30, "charges ready (or claimed by the demo batch)",
				"select count(*) from charges where status in ('ready', 'claimed')");
		assertThat(demo.jdbc()
			.sql("select distinct r ->> 'code' from charges, jsonb_array_elements(hold_reasons) r "
					+ "where status = 'held'")
			.query(String.class)
			.list()).as("charges held for their various reasons")
			.contains("note_unsigned", "missing_member_id", "authorization_exhausted", "no_authorization");
		demo.atLeast(20, "the month's appointments' sessions carry the data, weeks back", """
				select count(*) from therapy_sessions s where s.appointment_id is not null and s.status = 'submitted'
				  and s.service_code = '97153' and exists (select 1 from session_events e where e.session_id = s.id)
				  and s.started_at < now() - interval '21 days'""");
		demo.atLeast(6, "the BCBA's supervision notes signed",
				"select count(*) from therapy_sessions where appointment_id is not null "
						+ "and status = 'submitted' and service_code = '97155'");
		demo.atLeast(3, "cancellations along the month",
				"select count(*) from appointments where status = 'cancelled' and ends_at < now()");
		demo.atLeast(2, "a child who did not come, twice",
				"select count(*) from appointments where status = 'no_show'");
		demo.none("one session of a child with a therapist a day", """
				select count(*) from (select s.child_id, s.therapist_id, s.started_at::date from therapy_sessions s
				  group by 1, 2, 3 having count(*) > 1) x""");
	}

	/**
	 * The family ledger: a family with a balance, one without, a private-pay family with
	 * an issued invoice and a partial payment, statements for last month; no insured
	 * charge ever on a family's ledger.
	 */
	private static void theFamilyLedger(DemoCounts demo) {
		demo.atLeast(2, "families with a balance", """
				select count(*) from (select child_id from ledger_entries group by child_id
				  having sum(amount) > 0) x""");
		demo.atLeast(1, "a family without a balance", """
				select count(*) from (select child_id from ledger_entries group by child_id
				  having sum(amount) = 0) x""");
		demo.exactly(1, "select count(*) from invoices where status = 'issued' and kind = 'invoice'");
		demo.exactly(1, "select count(*) from invoices where status = 'draft'");
		demo.exactly(1, "a partial payment of the private-pay family", """
				select count(*) from payments p join invoices i on i.child_id = p.child_id
				where i.status = 'issued' and p.method = 'bank_transfer'""");
		demo.atLeast(3, "families with a statement for last month", """
				select count(distinct child_id) from ledger_entries
				where occurred_on >= date_trunc('month', current_date) - interval '1 month'
				  and occurred_on < date_trunc('month', current_date)""");
		demo.atLeast(1, "private-pay charges that reached the family's ledger by themselves", """
				select count(*) from ledger_entries e join charges c on c.id = e.charge_id
				join payers p on p.id = c.payer_id
				where e.kind = 'charge' and p.kind = 'private_pay' and e.invoice_id is null and\s""" + NOT_REVERSED);
		demo.none("every ready private-pay charge is posted", """
				select count(*) from charges c join payers p on p.id = c.payer_id
				where p.kind = 'private_pay' and c.status = 'ready' and not exists (
				  select 1 from ledger_entries e where e.kind = 'charge' and e.charge_id = c.id and\s""" + NOT_REVERSED
				+ ")");
		// the coverages came before the private-pay fee schedule: no insured session was
		// ever priced as private pay, so no posting and its reversal on those ledgers
		demo.none("no insured charge was ever posted to a family's ledger", """
				select count(*) from ledger_entries e join charges c on c.id = e.charge_id
				join payers p on p.id = c.payer_id
				where e.kind = 'charge' and p.kind = 'insurance'""");
		demo.none("no reversal on an insured family's ledger", """
				select count(*) from ledger_entries r
				where r.kind = 'reversal' and exists (select 1 from coverages v where v.child_id = r.child_id)""");
		demo.atLeast(1, "the private-pay invoice bills the charges the ledger posted, not new ones", """
				select count(*) from invoice_lines l join ledger_entries e on e.id = l.entry_id
				where l.charge_id is not null and e.invoice_id is null""");
		demo.atLeast(4, "select count(*) from ledger_entries where kind = 'patient_responsibility'");
	}

	/**
	 * Claims: a submitted batch whose payment (a demo 835) paid one claim, and of another
	 * paid a line but for the family's share and denied the rest (CO 197).
	 */
	private static void claimsAndTheRemittance(DemoCounts demo) {
		demo.exactly(1, "a submitted claim batch", "select count(*) from claim_batches where status = 'submitted'");
		demo.exactly(1, "its 837P file exported (and so validated) before it was submitted",
				"select count(*) from claim_batches where status = 'submitted' and exported_at is not null");
		demo.exactly(8, "every demo child with the sex and address a claim names",
				"select count(*) from children where sex is not null and address_line1 is not null");
		demo.atLeast(4, "insured children", "select count(*) from coverages");
		demo.none("every coverage's subscriber is a guardian of the child", """
				select count(*) from coverages v where not exists (
				  select 1 from child_visibility g join account_names a on a.account_id = g.account_id
				  where g.child_id = v.child_id and g.relation = 'guardian' and a.name = v.subscriber_name)""");
		demo.none("at the family's home", """
				select count(*) from coverages v join children c on c.id = v.child_id
				where v.subscriber_address_line1 is distinct from c.address_line1
				   or v.subscriber_address_city is distinct from c.address_city
				   or v.subscriber_address_postal_code is distinct from c.address_postal_code""");
		demo.exactly(1, "select count(*) from claims where state = 'paid'");
		demo.exactly(1, "select count(*) from claims where state = 'partially_paid'");
		demo.exactly(1, "select count(*) from remittances");
		demo.atLeast(1, "a denied line with its CO reason", """
				select count(*) from remittance_adjustments
				where group_code = 'CO' and reason_code = '197' and claim_line_id is not null""");
		demo.atLeast(1, "the denied line paid nothing", """
				select count(*) from claim_lines l join remittance_adjustments a on a.claim_line_id = l.id
				where a.group_code = 'CO' and l.paid_amount = 0""");
		demo.atLeast(1, "family shares posted to the family ledger", """
				select count(*) from remittance_family_shares s join ledger_entries e on e.id = s.posted_entry_id
				where e.child_id = s.child_id and e.amount = s.amount""");
	}

	/**
	 * Counts in the demo clinic's database, each compared with what a realistic clinic
	 * has; the description (when given) says what the count stands for.
	 */
	private record DemoCounts(JdbcClient jdbc) {

		void atLeast(long expected, String sql) {
			assertThat(count(this.jdbc, sql)).as(sql).isGreaterThanOrEqualTo(expected);
		}

		void atLeast(long expected, String what, String sql) {
			assertThat(count(this.jdbc, sql)).as(what).isGreaterThanOrEqualTo(expected);
		}

		void exactly(long expected, String sql) {
			assertThat(count(this.jdbc, sql)).as(sql).isEqualTo(expected);
		}

		void exactly(long expected, String what, String sql) {
			assertThat(count(this.jdbc, sql)).as(what).isEqualTo(expected);
		}

		void none(String sql) {
			assertThat(count(this.jdbc, sql)).as(sql).isZero();
		}

		void none(String what, String sql) {
			assertThat(count(this.jdbc, sql)).as(what).isZero();
		}

	}

	/**
	 * The demo admin downloads the demo batch's 837P file: StAEDI reads it without an
	 * error, and its children, on a parent's plan, are named as patients with their
	 * address and sex (2010CA N3/N4, DMG), the parents as subscribers with theirs (2010BA
	 * N3/N4).
	 */
	private static void theDemoClaimBatchExportsAValid837P(Api anonymous, String password) {
		Api.Response login = anonymous.post("/api/auth/login",
				Api.body("email", "admin@demo.sparktherapy.org", "password", password));
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		Api admin = anonymous.as(login.at("/accessToken"));
		Api.Response batches = admin.get("/api/claim-batches");
		assertThat(batches.status()).as(batches.text()).isEqualTo(200);
		String batchId = batches.at("/0/id");
		Api.Response file = admin.get("/api/claim-batches/" + batchId + "/837");
		assertThat(file.status()).as(file.text()).isEqualTo(200);
		X12Document read = new ClaimFileValidator()
			.read(file.text().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		assertThat(read.errors()).as(file.text()).isEmpty();
		assertThat(read.all("PAT")).as("children on a parent's plan").isNotEmpty();
		assertThat(read.all("DMG")).allSatisfy(dmg -> assertThat(dmg.element(3)).isIn("F", "M"));
		assertThat(read.all("N3")).as("the parents' addresses, from their coverages")
			.extracting(X12Document.Segment::loop)
			.contains("2010BA");
		assertThat(file.text()).contains("*SPARKDEMO").doesNotContain("claim-data-missing");
	}

	/**
	 * Counts the demo clinic's people the moment the web server has started, before
	 * anyone can call it.
	 */
	static final class SeededBeforeTheWebServer implements ApplicationListener<WebServerInitializedEvent> {

		static final SeededBeforeTheWebServer NOT_CHECKED = new SeededBeforeTheWebServer();

		volatile long accountsWhenThePortOpened = -1;

		volatile long childrenWhenThePortOpened = -1;

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			JdbcClient jdbc = JdbcClient.create(event.getApplicationContext().getBean(DataSource.class));
			this.accountsWhenThePortOpened = count(jdbc,
					"select count(*) from accounts where email like '%@demo.sparktherapy.org'");
			this.childrenWhenThePortOpened = count(jdbc, "select count(*) from children");
		}

	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/**
	 * Starts the demo node and stops it once the listeners have handled what the seeding
	 * published.
	 */
	private static void startAndSettle(FreshDatabase database, SeededBeforeTheWebServer check) {
		try (ConfigurableApplicationContext node = start(database, check)) {
			settle(node);
		}
	}

	private static void settle(ConfigurableApplicationContext node) {
		JdbcClient jdbc = JdbcClient.create(node.getBean(DataSource.class));
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> count(jdbc, "select count(*) from event_publication where completion_date is null") == 0);
	}

	private static ConfigurableApplicationContext start(FreshDatabase database, SeededBeforeTheWebServer check) {
		return new SpringApplicationBuilder(SparkTherapyApplication.class).profiles("test", "demo")
			.listeners(check)
			.run("--server.port=0", "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.username(),
					"--spring.datasource.hikari.maximum-pool-size=3", "--spark.identity.bootstrap-admin-email=",
					"--spark.identity.bootstrap-admin-password=", "--spark.data-dir=target/test-data-fresh",
					// the test profile logs warnings only: let the start-up line and the
					// demo logins through
					"--logging.level.org.sparktherapy.SparkTherapyApplication=info",
					"--logging.level.org.sparktherapy.identity.internal.DemoAccounts=info");
	}

}
