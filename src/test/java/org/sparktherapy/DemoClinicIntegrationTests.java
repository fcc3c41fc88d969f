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

	@Autowired
	DataSource dataSource;

	@Test
	void theDemoProfileSeedsARealisticClinicOnce() {
		FreshDatabase database = new FreshDatabase(this.dataSource);
		try {
			startAndSettle(database, SeededBeforeTheWebServer.NOT_CHECKED);
			startAndSettle(database, SeededBeforeTheWebServer.NOT_CHECKED);

			JdbcClient demo = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
					database.url(), database.username(), ""));
			assertThat(count(demo, "select count(*) from accounts where role = 'admin'")).isEqualTo(1);
			assertThat(count(demo, "select count(*) from accounts where role = 'therapist'")).isEqualTo(3);
			assertThat(count(demo, "select count(*) from accounts where role = 'parent'")).isEqualTo(6);
			assertThat(count(demo, "select count(*) from children")).isEqualTo(8);
			assertThat(count(demo, "select count(distinct status) from children")).isGreaterThanOrEqualTo(4);
			assertThat(count(demo, "select count(*) from programs")).isGreaterThanOrEqualTo(8);
			assertThat(count(demo, "select count(distinct phase) from targets")).isGreaterThanOrEqualTo(3);
			assertThat(count(demo, "select count(*) from therapy_sessions where status = 'submitted'"))
				.isGreaterThanOrEqualTo(30);
			assertThat(count(demo, "select count(distinct date_trunc('week', started_at)) from therapy_sessions"))
				.as("several weeks of sessions")
				.isGreaterThanOrEqualTo(4);
			assertThat(count(demo, "select count(*) from target_phase_changes where automatic and phase = 'mastered'"))
				.as("targets mastered automatically along the way")
				.isGreaterThanOrEqualTo(1);
			assertThat(count(demo,
					"select count(*) from appointments where starts_at >= date_trunc('week', now()) "
							+ "and starts_at < date_trunc('week', now()) + interval '1 week'"))
				.as("appointments this week")
				.isGreaterThanOrEqualTo(8);
			assertThat(count(demo,
					"select count(*) from appointments where starts_at >= date_trunc('week', now()) "
							+ "+ interval '1 week' and starts_at < date_trunc('week', now()) + interval '2 weeks'"))
				.as("appointments next week")
				.isGreaterThanOrEqualTo(8);
			assertThat(count(demo, "select count(distinct place) from appointments")).isGreaterThanOrEqualTo(2);
			assertThat(count(demo, "select count(distinct status) from appointments")).as("every appointment status")
				.isEqualTo(5);
			assertThat(count(demo,
					"select count(*) from appointments where status in ('checked_in', 'completed', "
							+ "'no_show') and starts_at > now() + interval '30 minutes'"))
				.as("nothing attended before its time")
				.isZero();
			assertThat(count(demo,
					"select count(*) from appointments where status = 'completed' "
							+ "and (actual_start <> starts_at or actual_end <> ends_at)"))
				.as("a session that took place otherwise than booked")
				.isGreaterThanOrEqualTo(1);
			assertThat(count(demo, "select count(*) from appointments s join appointments t on t.child_id = s.child_id "
					+ "and t.therapist_id <> s.therapist_id and s.service_code = '97155' and t.service_code = '97153' "
					+ "and t.starts_at < s.ends_at and t.ends_at > s.starts_at "
					+ "where s.status not in ('cancelled', 'no_show') and t.status not in ('cancelled', 'no_show')"))
				.as("a BCBA's supervision during a technician's session")
				.isGreaterThanOrEqualTo(1);
			assertThat(count(demo, "select count(distinct therapist_id) from therapist_availability"))
				.as("every therapist has weekly hours")
				.isEqualTo(3);
			assertThat(count(demo, "select count(*) from appointments a where not exists (select 1 from "
					+ "therapist_availability t where t.therapist_id = a.therapist_id "
					+ "and t.weekday = extract(isodow from a.local_start) and a.local_start::time >= t.start_time "
					+ "and (a.local_start + (a.ends_at - a.starts_at))::time <= t.end_time)"))
				.as("seeded appointments within their therapist's hours")
				.isZero();
			assertThat(count(demo,
					"select count(distinct h.child_id) from child_prescribed_hours h "
							+ "join child_available_hours a on a.child_id = h.child_id where h.hours > 0"))
				.as("children with prescribed and available hours, for the automatic schedule")
				.isGreaterThanOrEqualTo(4);
			assertThat(count(demo, "select count(*) from child_schedule_preferences where preferred_place is null"))
				.isZero();
			assertThat(count(demo,
					"select count(*) from progress_reports where signed_at is not null "
							+ "and jsonb_array_length(snapshot -> 'targets') > 0 "
							+ "and (snapshot -> 'hours' ->> 'deliveredMinutes')::int > 0"))
				.as("a signed progress report with targets and hours delivered")
				.isEqualTo(1);
			assertThat(count(demo, "select count(*) from progress_reports where signed_at is null"))
				.as("a draft progress report")
				.isEqualTo(1);
			assertThat(count(demo, "select count(*) from appointment_change_requests where status = 'pending'"))
				.as("a therapist's proposed change waiting for the admin")
				.isEqualTo(1);
			assertThat(count(demo,
					"select count(distinct kind) from notifications n join accounts a on a.id = n.recipient_id "
							+ "where a.email like '%@demo.sparktherapy.org'"))
				.as("the real listeners left notifications for the demo people")
				.isGreaterThanOrEqualTo(2);
			assertThat(demo
				.sql("select kind || ': ' || title from notifications where in_app and resolved_at is null "
						+ "group by recipient_id, kind, title having count(*) > 1")
				.query(String.class)
				.list()).as("no one has the same notice twice").isEmpty();
			assertThat(count(demo, "select count(*) from notifications where kind in ('signature_requested', "
					+ "'appointment_booked', 'target_mastered', 'authorization_running_out', 'change_requested') "
					+ "and title !~ '[A-Z][a-z]+ [A-Z]\\.'"))
				.as("a notice about a child names it as \"Ava C.\"")
				.isZero();
			assertThat(count(demo,
					"select count(*) from notifications where kind = 'signature_requested' "
							+ "and resolved_at is not null"))
				.as("the notes the guardians signed are done")
				.isGreaterThanOrEqualTo(10);
			assertThat(count(demo,
					"select count(*) from notifications where kind = 'signature_requested' "
							+ "and resolved_at is null"))
				.as("last week's notes wait for a signature")
				.isGreaterThanOrEqualTo(1);
			assertThat(count(demo, "select count(*) from children c where not exists "
					+ "(select 1 from guardians g where g.child_id = c.id)"))
				.isZero();
			assertThat(count(demo,
					"select count(distinct c.child_id) from conversations c join messages m "
							+ "on m.conversation_id = c.id where c.kind = 'child'"))
				.as("children's conversations")
				.isGreaterThanOrEqualTo(4);
			assertThat(count(demo, "select count(*) from conversations where kind = 'direct'")).isEqualTo(1);
			assertThat(count(demo, "select count(*) from conversations where kind = 'announcement'")).isEqualTo(1);
			assertThat(count(demo, "select count(*) from messages")).isGreaterThanOrEqualTo(10);
			assertThat(count(demo, "select count(distinct child_id) from authorizations where service_code = '97153'"))
				.as("children with a direct-therapy authorization")
				.isGreaterThanOrEqualTo(4);
			assertThat(count(demo, "select count(*) from authorizations where service_code = '97155'")).isEqualTo(1);
			assertThat(count(demo, """
					select count(*) from authorizations a where a.service_code = '97153' and a.units_authorized < (
					  select coalesce(sum((extract(epoch from (p.ends_at - p.starts_at))::bigint / 60 + 7) / 15), 0)
					  from appointments p where p.child_id = a.child_id and p.service_code = a.service_code
					    and p.status in ('scheduled', 'checked_in', 'completed')
					    and p.local_start >= a.starts_on and p.local_start < a.ends_on + 1)"""))
				.as("an authorization the schedule already goes over")
				.isGreaterThanOrEqualTo(1);
			assertThat(count(demo, "select count(*) from notifications where kind = 'authorization_running_out'"))
				.as("the admin was told")
				.isGreaterThanOrEqualTo(2);
			// a month of billing: the completed appointments of the past weeks, their
			// sessions' data and signed notes, and so their charges, ready and held
			assertThat(count(demo, "select max(service_date) - min(service_date) from charges where status <> 'void'"))
				.as("charges' service dates span a month")
				.isGreaterThanOrEqualTo(28);
			assertThat(count(demo, "select count(distinct date_trunc('week', service_date)) from charges"))
				.as("charges in every week of the month")
				.isGreaterThanOrEqualTo(5);
			assertThat(count(demo, "select count(*) from charges where status in ('ready', 'claimed')"))
				.as("charges ready (or claimed by the demo batch)")
				.isGreaterThanOrEqualTo(30);
			assertThat(demo
				.sql("select distinct r ->> 'code' from charges, jsonb_array_elements(hold_reasons) r "
						+ "where status = 'held'")
				.query(String.class)
				.list()).as("charges held for their various reasons")
				.contains("note_unsigned", "missing_member_id", "authorization_exhausted", "no_authorization");
			assertThat(count(demo,
					"""
							select count(*) from therapy_sessions s where s.appointment_id is not null and s.status = 'submitted'
							  and s.service_code = '97153' and exists (select 1 from session_events e where e.session_id = s.id)
							  and s.started_at < now() - interval '21 days'"""))
				.as("the month's appointments' sessions carry the data, weeks back")
				.isGreaterThanOrEqualTo(20);
			assertThat(count(demo,
					"select count(*) from therapy_sessions where appointment_id is not null "
							+ "and status = 'submitted' and service_code = '97155'"))
				.as("the BCBA's supervision notes signed")
				.isGreaterThanOrEqualTo(6);
			assertThat(count(demo, "select count(*) from appointments where status = 'cancelled' and ends_at < now()"))
				.as("cancellations along the month")
				.isGreaterThanOrEqualTo(3);
			assertThat(count(demo, "select count(*) from appointments where status = 'no_show'"))
				.as("a child who did not come, twice")
				.isGreaterThanOrEqualTo(2);
			assertThat(count(demo, """
					select count(*) from (select s.child_id, s.therapist_id, s.started_at::date from therapy_sessions s
					  group by 1, 2, 3 having count(*) > 1) x""")).as("one session of a child with a therapist a day")
				.isZero();
			// the family ledger: a family with a balance, one without, a private-pay
			// family with an issued
			// invoice and a partial payment, statements for last month
			assertThat(count(demo, """
					select count(*) from (select child_id from ledger_entries group by child_id
					  having sum(amount) > 0) x""")).as("families with a balance").isGreaterThanOrEqualTo(2);
			assertThat(count(demo, """
					select count(*) from (select child_id from ledger_entries group by child_id
					  having sum(amount) = 0) x""")).as("a family without a balance").isGreaterThanOrEqualTo(1);
			assertThat(count(demo, "select count(*) from invoices where status = 'issued' and kind = 'invoice'"))
				.isEqualTo(1);
			assertThat(count(demo, "select count(*) from invoices where status = 'draft'")).isEqualTo(1);
			assertThat(count(demo, """
					select count(*) from payments p join invoices i on i.child_id = p.child_id
					where i.status = 'issued' and p.method = 'bank_transfer'"""))
				.as("a partial payment of the private-pay family")
				.isEqualTo(1);
			assertThat(count(demo, """
					select count(distinct child_id) from ledger_entries
					where occurred_on >= date_trunc('month', current_date) - interval '1 month'
					  and occurred_on < date_trunc('month', current_date)"""))
				.as("families with a statement for last month")
				.isGreaterThanOrEqualTo(3);
			assertThat(count(demo, """
					select count(*) from ledger_entries e join charges c on c.id = e.charge_id
					join payers p on p.id = c.payer_id
					where e.kind = 'charge' and p.kind = 'private_pay' and e.invoice_id is null
					  and not exists (select 1 from ledger_entries r where r.reverses = e.id)"""))
				.as("private-pay charges that reached the family's ledger by themselves")
				.isGreaterThanOrEqualTo(1);
			assertThat(count(demo, """
					select count(*) from charges c join payers p on p.id = c.payer_id
					where p.kind = 'private_pay' and c.status = 'ready' and not exists (
					  select 1 from ledger_entries e where e.kind = 'charge' and e.charge_id = c.id
					  and not exists (select 1 from ledger_entries r where r.reverses = e.id))"""))
				.as("every ready private-pay charge is posted")
				.isZero();
			assertThat(count(demo, """
					select count(*) from ledger_entries e join charges c on c.id = e.charge_id
					join payers p on p.id = c.payer_id
					where e.kind = 'charge' and p.kind = 'insurance'
					  and not exists (select 1 from ledger_entries r where r.reverses = e.id)"""))
				.as("no insured charge stays on a family's ledger")
				.isZero();
			assertThat(count(demo, """
					select count(*) from invoice_lines l join ledger_entries e on e.id = l.entry_id
					where l.charge_id is not null and e.invoice_id is null"""))
				.as("the private-pay invoice bills the charges the ledger posted, not new ones")
				.isGreaterThanOrEqualTo(1);
			assertThat(count(demo, "select count(*) from ledger_entries where kind = 'patient_responsibility'"))
				.isGreaterThanOrEqualTo(4);
			// claims: a submitted batch whose payment (a demo 835) paid one claim, and of
			// another paid a line but for the family's share and denied the rest (CO 197)
			assertThat(count(demo, "select count(*) from claim_batches where status = 'submitted'"))
				.as("a submitted claim batch")
				.isEqualTo(1);
			assertThat(count(demo,
					"select count(*) from claim_batches where status = 'submitted' and exported_at is not null"))
				.as("its 837P file exported (and so validated) before it was submitted")
				.isEqualTo(1);
			assertThat(count(demo, "select count(*) from children where sex is not null and address_line1 is not null"))
				.as("every demo child with the sex and address a claim names")
				.isEqualTo(8);
			assertThat(count(demo, "select count(*) from claims where state = 'paid'")).isEqualTo(1);
			assertThat(count(demo, "select count(*) from claims where state = 'partially_paid'")).isEqualTo(1);
			assertThat(count(demo, "select count(*) from remittances")).isEqualTo(1);
			assertThat(count(demo, """
					select count(*) from remittance_adjustments
					where group_code = 'CO' and reason_code = '197' and claim_line_id is not null"""))
				.as("a denied line with its CO reason")
				.isGreaterThanOrEqualTo(1);
			assertThat(count(demo, """
					select count(*) from claim_lines l join remittance_adjustments a on a.claim_line_id = l.id
					where a.group_code = 'CO' and l.paid_amount = 0""")).as("the denied line paid nothing")
				.isGreaterThanOrEqualTo(1);
			assertThat(count(demo, """
					select count(*) from remittance_family_shares s join ledger_entries e on e.id = s.posted_entry_id
					where e.child_id = s.child_id and e.amount = s.amount"""))
				.as("family shares posted to the family ledger")
				.isGreaterThanOrEqualTo(1);
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

	/**
	 * The demo admin downloads the demo batch's 837P file: StAEDI reads it without an
	 * error, and its children, on a parent's plan, are named as patients with their
	 * address and sex (2010CA N3/N4, DMG).
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
					"--spring.datasource.hikari.maximum-pool-size=2", "--spark.identity.bootstrap-admin-email=",
					"--spark.identity.bootstrap-admin-password=", "--spark.data-dir=target/test-data-fresh",
					// the test profile logs warnings only: let the start-up line and the
					// demo logins through
					"--logging.level.org.sparktherapy.SparkTherapyApplication=info",
					"--logging.level.org.sparktherapy.identity.internal.DemoAccounts=info");
	}

}
