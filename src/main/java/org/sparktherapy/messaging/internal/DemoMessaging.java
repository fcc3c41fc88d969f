package org.sparktherapy.messaging.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.children.Children;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.DemoClock;
import org.sparktherapy.platform.DemoData;
import org.sparktherapy.platform.SparkProperties;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's conversations ({@code demo} profile): parents and care teams writing
 * about their children over the last days, a direct conversation between the supervisor
 * and a technician, and an announcement to everyone — posted through the same service as
 * the API, at their times on the {@link DemoClock}. Some messages stay unread so the
 * badges have something to show. Seeded once.
 */
@Component
@Profile("demo")
@Order(60)
class DemoMessaging implements DemoData {

	private static final String DOMAIN = "@demo.sparktherapy.org";

	/**
	 * One message of a script: days before today, local time, author (email name) and
	 * text.
	 */
	record Line(int daysAgo, LocalTime at, String author, String text) {
	}

	/**
	 * The child's first child record of this guardian, and what was said in its
	 * conversation.
	 */
	record ChildScript(String guardian, List<Line> lines) {
	}

	static final List<ChildScript> CHILDREN = List.of(new ChildScript("emma.carter", List.of(
			new Line(3, LocalTime.of(18, 10), "emma.carter", "Ollie said \"dog\" all by himself at the park today! 🐶"),
			new Line(3, LocalTime.of(19, 2), "maya.okafor",
					"That's wonderful generalization, Emma. We'll add a park probe to next week's sessions."),
			new Line(1, LocalTime.of(8, 15), "luis.romero",
					"Running about 5 minutes late for today's session, traffic on Main St. Sorry!"),
			new Line(1, LocalTime.of(8, 17), "emma.carter", "No problem, thanks for letting us know."),
			new Line(0, LocalTime.of(7, 45), "maya.okafor",
					"The updated home plan is ready, I will bring a printed copy on Friday."))),
			new ChildScript("james.nguyen",
					List.of(new Line(2, LocalTime.of(17, 30), "james.nguyen",
							"Ethan has a dentist appointment on Thursday afternoon. Could we move that session?"),
							new Line(2, LocalTime.of(17, 52), "luis.romero",
									"Of course. I've asked the office to find another slot and will confirm here."))),
			new ChildScript("sofia.alvarez", List.of(
					new Line(1, LocalTime.of(20, 0), "sofia.alvarez",
							"Just a reminder: Sofi is allergic to latex, please bring the nitrile gloves."),
					new Line(1, LocalTime.of(20, 21), "priya.shah", "Noted, thank you! We always use nitrile ones."))),
			new ChildScript("michael.brooks", List.of(new Line(4, LocalTime.of(16, 40), "priya.shah",
					"Noah did great with the token board today: three sessions in a row at criterion."))));

	static final List<Line> STAFF = List.of(
			new Line(2, LocalTime.of(12, 5), "maya.okafor",
					"Can you run the probe for \"cat\" with Ollie on Wednesday?"),
			new Line(2, LocalTime.of(12, 31), "luis.romero", "Will do, I'll note the prompt levels."));

	private final ConversationService conversations;

	private final MessageService messages;

	private final Children children;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	DemoMessaging(ConversationService conversations, MessageService messages, Children children, Accounts accounts,
			JdbcClient jdbc, Clock clock, SparkProperties properties) {
		this.conversations = conversations;
		this.messages = messages;
		this.children = children;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	@Override
	public void seed() {
		DemoClock.seedOnce(this.clock,
				() -> this.jdbc.sql("select exists (select 1 from messages)").query(Boolean.class).single(),
				this::seed);
	}

	private void seed(DemoClock demoClock) {
		LocalDate today = LocalDate.now(this.zone);
		CurrentUser admin = user("admin");
		demoClock.set(today.minusDays(5).atTime(9, 0).atZone(this.zone).toInstant());
		admin.runAs(() -> this.conversations.announce(admin, "everyone", "Holiday hours",
				"The clinic is closed on Thursday and Friday next week. Sessions resume the Monday after. "
						+ "Happy holidays from all of us!"));
		for (ChildScript script : CHILDREN) {
			CurrentUser guardian = user(script.guardian());
			UUID childId = this.children.childrenOfGuardian(guardian.id()).getFirst();
			UUID conversation = asUser(guardian, () -> this.conversations.childConversation(guardian, childId))
				.conversation()
				.id();
			for (Line line : script.lines()) {
				post(demoClock, today, line, conversation);
			}
		}
		CurrentUser maya = user("maya.okafor");
		CurrentUser luis = user("luis.romero");
		demoClock.set(today.minusDays(STAFF.getFirst().daysAgo())
			.atTime(STAFF.getFirst().at())
			.atZone(this.zone)
			.toInstant());
		UUID direct = asUser(maya, () -> this.conversations.startDirect(maya, List.of(luis.id()), null, null))
			.conversation()
			.conversation()
			.id();
		STAFF.forEach(line -> post(demoClock, today, line, direct));
	}

	private void post(DemoClock demoClock, LocalDate today, Line line, UUID conversation) {
		demoClock.set(today.minusDays(line.daysAgo()).atTime(line.at()).atZone(this.zone).toInstant());
		CurrentUser author = user(line.author());
		author.runAs(() -> this.messages.post(author, conversation, line.text(), List.of()));
	}

	private static <T> T asUser(CurrentUser user, java.util.function.Supplier<T> work) {
		Object[] result = new Object[1];
		user.runAs(() -> result[0] = work.get());
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

	private CurrentUser user(String name) {
		AccountSummary account = this.accounts.findByEmail(name + DOMAIN)
			.orElseThrow(() -> new IllegalStateException("demo account missing: " + name));
		return new CurrentUser(account.id(), account.role(), account.name(), null);
	}

}
