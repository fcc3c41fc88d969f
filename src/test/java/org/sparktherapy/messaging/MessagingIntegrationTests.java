package org.sparktherapy.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.EventPublications;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sparktherapy.support.Api.body;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagingIntegrationTests {

	static final byte[] PNG = bytes(new int[] { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
			'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89 });

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	static final byte[] HTML = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SparkProperties properties;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	DataSource dataSource;

	Clinic clinic;

	Person admin;

	Person parent;

	Person supervisor;

	Person technician;

	String childId;

	final List<MessagePosted> posted = new CopyOnWriteArrayList<>();

	// typed by instanceof, not by generics: a lambda's generic type cannot be resolved,
	// so it hears every event,
	// and Spring Modulith's multicaster (unlike Spring's) does not swallow the
	// ClassCastException of a mismatch
	final ApplicationListener<ApplicationEvent> listener = event -> {
		if (event instanceof PayloadApplicationEvent<?> payload
				&& payload.getPayload() instanceof MessagePosted posted) {
			this.posted.add(posted);
		}
	};

	@BeforeAll
	void listen() {
		this.context.addApplicationListener(this.listener);
	}

	@AfterAll
	void stopListening() {
		this.context.removeApplicationListener(this.listener);
	}

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.parent = this.clinic.aParent();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.childId = this.clinic.aChild(this.admin, this.parent, this.supervisor, this.technician);
	}

	@Test
	void parentAndCareTeamTalkInTheChildsConversation() {
		String conversation = childConversation(this.parent);

		Api.Response posted = post(this.parent, conversation, "Avery slept badly last night.");
		Api.Response therapistList = this.technician.api().get("/api/conversations");

		assertThat(posted.status()).as(posted.text()).isEqualTo(201);
		assertThat(posted.at("/author/id")).isEqualTo(this.parent.id());
		JsonNode listed = find(therapistList.json().get("content"), conversation);
		assertThat(listed.get("kind").asString()).isEqualTo("child");
		assertThat(listed.get("title").asString()).startsWith("Avery Test");
		assertThat(listed.get("unreadCount").asLong()).isEqualTo(1);
		assertThat(therapistList.json().get("unreadTotal").asLong()).isEqualTo(1);

		Api.Response reply = post(this.technician, conversation, "Thanks, we will go gently today.");
		Api.Response page = this.parent.api().get("/api/conversations/" + conversation + "/messages");

		assertThat(reply.status()).isEqualTo(201);
		assertThat(page.json().get("messages")).extracting(m -> m.get("body").asString())
			.containsExactly("Avery slept badly last night.", "Thanks, we will go gently today.");
		assertThat(page.json().at("/conversation/members")).hasSize(3);
		assertThat(this.parent.api().get("/api/conversations/unread-count").json().get("unread").asLong()).isEqualTo(1);
	}

	@Test
	void theInboxListsTheLatestMessageFirstAndStartsTheChildrensConversations() {
		String older = childConversation(this.parent);
		post(this.technician, older, "earlier");
		String other = this.clinic.aChild(this.admin, this.parent, null, null);
		String newer = this.parent.api().get("/api/children/" + other + "/conversation").at("/id");
		post(this.parent, newer, "later");
		String quiet = this.clinic.aChild(this.admin, this.parent, null, null);

		// children's conversations only: announcements to all parents from other tests
		// are listed too
		List<String> listed = new ArrayList<>();
		this.parent.api().get("/api/conversations").json().get("content").forEach(c -> {
			if (c.get("kind").asString().equals("child")) {
				listed.add(c.get("id").asString());
			}
		});

		assertThat(listed).startsWith(newer, older);
		String started = this.jdbc.sql("select id::text from conversations where child_id = :child")
			.param("child", UUID.fromString(quiet))
			.query(String.class)
			.single();
		assertThat(listed.get(2)).as("the quiet child's conversation, started by listing, comes last")
			.isEqualTo(started);
	}

	@Test
	void membersFollowTheCareTeam() {
		String conversation = childConversation(this.parent);
		post(this.parent, conversation, "Hello team");
		Person newcomer = this.clinic.aTherapist("RBT");
		// the set-up's links have been heard (asynchronously) before counting starts
		EventPublications.awaitDelivered(this.jdbc, "ChildPeopleChanged", this.childId);
		long leaverSignals = liveEvents(this.technician, "conversation.changed");
		long newcomerSignals = liveEvents(newcomer, "conversation.changed");
		long parentSignals = liveEvents(this.parent, "conversation.changed");

		Api.Response removed = this.admin.api()
			.delete("/api/children/" + this.childId + "/care-team/" + this.technician.id());
		// heard before the newcomer joins, or the newcomer would be a member when the
		// removal is told
		EventPublications.awaitDelivered(this.jdbc, "ChildPeopleChanged", this.childId);
		Api.Response added = this.admin.api()
			.post("/api/children/" + this.childId + "/care-team", body("userId", newcomer.id(), "role", "technician"));

		assertThat(removed.status()).isEqualTo(204);
		assertThat(added.status()).isEqualTo(201);
		assertThat(this.technician.api().get("/api/conversations/" + conversation + "/messages").status())
			.isEqualTo(404);
		assertThat(post(this.technician, conversation, "still here?").status()).isEqualTo(404);
		assertThat(ids(this.technician.api().get("/api/conversations"))).doesNotContain(conversation);
		Api.Response newcomerPage = newcomer.api().get("/api/conversations/" + conversation + "/messages");
		assertThat(newcomerPage.status()).isEqualTo(200);
		assertThat(newcomerPage.json().get("messages")).extracting(m -> m.get("body").asString())
			.containsExactly("Hello team");
		assertThat(ids(newcomer.api().get("/api/conversations"))).contains(conversation);
		// open inboxes follow at once: whoever left or joined, and the members who stay,
		// are told
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(liveEvents(this.technician, "conversation.changed")).isEqualTo(leaverSignals + 1);
			assertThat(liveEvents(newcomer, "conversation.changed")).isEqualTo(newcomerSignals + 1);
			assertThat(liveEvents(this.parent, "conversation.changed")).isEqualTo(parentSignals + 2);
		});
		assertThat(this.jdbc.sql("""
				select payload::text from live_events where recipient_id = :r and type = 'conversation.changed'
				order by id desc limit 1""").param("r", UUID.fromString(newcomer.id())).query(String.class).single())
			.contains(conversation);
	}

	@Test
	void aGuardianLinkedOrUnlinkedHearsThatTheConversationChanged() {
		String conversation = childConversation(this.parent);
		Person secondParent = this.clinic.aParent();
		EventPublications.awaitDelivered(this.jdbc, "ChildPeopleChanged", this.childId);
		long before = liveEvents(secondParent, "conversation.changed");

		Api.Response linked = this.admin.api()
			.post("/api/children/" + this.childId + "/guardians",
					body("userId", secondParent.id(), "relationship", "father", "canSign", true));
		assertThat(linked.status()).as(linked.text()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> liveEvents(secondParent, "conversation.changed") == before + 1);
		assertThat(ids(secondParent.api().get("/api/conversations"))).contains(conversation);

		Api.Response unlinked = this.admin.api()
			.delete("/api/children/" + this.childId + "/guardians/" + secondParent.id());
		assertThat(unlinked.status()).as(unlinked.text()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> liveEvents(secondParent, "conversation.changed") == before + 2);
		assertThat(ids(secondParent.api().get("/api/conversations"))).doesNotContain(conversation);
	}

	@Test
	void aParentReachesOnlyTheCareTeamsOfTheirOwnChildren() {
		String conversation = childConversation(this.parent);
		String messageId = post(this.parent, conversation, "private").at("/id");
		Person otherParent = this.clinic.aParent();

		assertThat(otherParent.api().get("/api/children/" + this.childId + "/conversation").status()).isEqualTo(404);
		assertThat(otherParent.api().get("/api/conversations/" + conversation + "/messages").status()).isEqualTo(404);
		assertThat(post(otherParent, conversation, "hi").status()).isEqualTo(404);
		assertThat(otherParent.api()
			.post("/api/conversations/" + conversation + "/read", body("upTo", messageId))
			.status()).isEqualTo(404);
		assertThat(ids(otherParent.api().get("/api/conversations"))).doesNotContain(conversation);
		assertThat(
				otherParent.api().post("/api/conversations", body("memberIds", List.of(this.supervisor.id()))).status())
			.isEqualTo(403);
	}

	@Test
	void onlyMembersReadAChildsConversationNotEvenAdminsAndRefusalsAreAudited() throws IOException {
		String conversation = childConversation(this.parent);
		Api.Response posted = postFiles(this.parent, conversation, "A question about Tuesday",
				file("scan.png", "image/png", PNG));
		assertThat(posted.status()).as(posted.text()).isEqualTo(201);

		Api.Response open = this.admin.api().get("/api/children/" + this.childId + "/conversation");
		Api.Response read = this.admin.api().get("/api/conversations/" + conversation + "/messages");
		Api.Response write = post(this.admin, conversation, "Office here");
		Api.Response markRead = this.admin.api()
			.post("/api/conversations/" + conversation + "/read", body("upTo", posted.at("/id")));

		assertThat(open.status()).as(open.text()).isEqualTo(403);
		assertThat(open.json().at("/detail").asString()).contains("guardians and care team");
		assertThat(read.status()).isEqualTo(404);
		assertThat(write.status()).isEqualTo(404);
		assertThat(markRead.status()).isEqualTo(404);
		assertThat(download(this.admin, posted.at("/attachments/0/id")).statusCode()).isEqualTo(404);
		assertThat(ids(this.admin.api().get("/api/conversations"))).doesNotContain(conversation);
		assertThat(this.jdbc.sql("select body from messages where conversation_id = :c")
			.param("c", UUID.fromString(conversation))
			.query(String.class)
			.list()).containsExactly("A question about Tuesday");
		JsonNode audit = this.admin.api().get("/api/audit?childId=" + this.childId + "&size=200").json().get("content");
		assertThat(audit).filteredOn(entry -> entry.get("userId").asString().equals(this.admin.id()))
			.filteredOn(entry -> entry.get("resourceType").asString().matches("conversation|message|attachment"))
			.extracting(entry -> entry.get("outcome").asString())
			.containsOnly("denied", "not_found")
			.containsOnlyOnce("denied")
			.hasSize(5);
	}

	@Test
	void aDirectConversationBetweenStaffIsOnePerGroup() {
		Api.Response first = this.supervisor.api()
			.post("/api/conversations", body("memberIds", List.of(this.technician.id()), "body", "Quick sync?"));
		Api.Response second = this.technician.api()
			.post("/api/conversations", body("memberIds", List.of(this.supervisor.id(), this.technician.id())));
		Api.Response withParent = this.supervisor.api()
			.post("/api/conversations", body("memberIds", List.of(this.parent.id())));
		Api.Response empty = this.supervisor.api().post("/api/conversations", body("memberIds", List.of()));

		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(first.at("/kind")).isEqualTo("direct");
		assertThat(second.status()).as(second.text()).isEqualTo(200);
		assertThat(second.at("/id")).isEqualTo(first.at("/id"));
		assertThat(second.at("/title")).isEqualTo("Test therapist");
		assertThat(second.at("/unreadCount")).isEqualTo("1");
		assertThat(this.supervisor.api().get("/api/conversations/contacts").json())
			.anySatisfy(contact -> assertThat(contact.get("id").asString()).isEqualTo(this.technician.id()))
			.noneSatisfy(
					contact -> assertThat(contact.get("id").asString()).isIn(this.supervisor.id(), this.parent.id()));
		assertThat(withParent.status()).isEqualTo(400);
		assertThat(withParent.at("/errors/0/pointer")).isEqualTo("/memberIds/0");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(this.parent.api().get("/api/conversations/" + first.at("/id") + "/messages").status())
			.isEqualTo(404);
	}

	@Test
	void announcementsReachTheirAudienceAndOnlyAdminsWriteThem() {
		Api.Response announced = this.admin.api()
			.post("/api/conversations",
					body("audience", "parent", "title", "Clinic closed Friday", "body", "We are closed on Friday."));
		String id = announced.at("/id");

		assertThat(announced.status()).as(announced.text()).isEqualTo(201);
		JsonNode inParentList = find(this.parent.api().get("/api/conversations").json().get("content"), id);
		assertThat(inParentList.get("title").asString()).isEqualTo("Clinic closed Friday");
		assertThat(inParentList.get("unreadCount").asLong()).isEqualTo(1);
		assertThat(inParentList.get("canPost").asBoolean()).isFalse();
		assertThat(post(this.parent, id, "Thanks!").status()).isEqualTo(403);
		assertThat(this.technician.api().get("/api/conversations/" + id + "/messages").status()).isEqualTo(404);
		assertThat(this.supervisor.api()
			.post("/api/conversations", body("audience", "everyone", "title", "x", "body", "y"))
			.status()).isEqualTo(403);
		Person newcomer = this.clinic.aParent();
		JsonNode inNewcomersList = find(newcomer.api().get("/api/conversations").json().get("content"), id);
		assertThat(inNewcomersList.get("unreadCount").asLong()).as("old news is not unread for a new account").isZero();
		assertThat(this.admin.api().post("/api/conversations", body("audience", "everyone")).status()).isEqualTo(400);
		assertThat(this.admin.api().post("/api/conversations", body("audience", "martians", "title", "x")).status())
			.isEqualTo(400);
	}

	@Test
	void textIsCleanedAndStoredAsPlainTextNeverMarkup() {
		String conversation = childConversation(this.parent);

		Api.Response script = post(this.parent, conversation, "<script>alert('x')</script>");
		Api.Response cleaned = post(this.parent, conversation, "  Cafe\u0301 line\r\nnext\tcol \u200B ");
		// control characters other than tab and line breaks are refused in every JSON
		// text (NUL cannot be stored)
		Api.Response control = post(this.parent, conversation, "line\u0000\u0007");

		assertThat(script.at("/body")).isEqualTo("<script>alert('x')</script>");
		assertThat(script.contentType()).startsWith("application/json");
		// a zero-width space is removed with the other invisible characters (issue 14),
		// then the trailing blanks it hid are trimmed
		assertThat(cleaned.at("/body")).isEqualTo("Café line\nnext\tcol");
		assertThat(control.status()).as(control.text()).isEqualTo(400);
		assertThat(control.at("/errors/0/pointer")).isEqualTo("/body");
		JsonNode stored = this.technician.api().get("/api/conversations/" + conversation + "/messages").json();
		assertThat(stored.get("messages").get(0).get("body").asString()).isEqualTo("<script>alert('x')</script>");
	}

	@Test
	void emptyAndOversizedMessagesAreRefusedAndNothingIsStored() {
		String conversation = childConversation(this.parent);

		Api.Response blank = post(this.parent, conversation, " \u0000\n\t ");
		Api.Response tooLong = post(this.parent, conversation, "x".repeat(5001));
		Api.Response missing = this.parent.api().post("/api/conversations/" + conversation + "/messages", body());
		Api.Response longest = post(this.parent, conversation, "é".repeat(5000));

		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.at("/errors/0/pointer")).isEqualTo("/body");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(longest.status()).isEqualTo(201);
		assertThat(messageCount(conversation)).isEqualTo(1);
	}

	@Test
	void readPositionsAndUnreadCounts() {
		String conversation = childConversation(this.parent);
		String first = post(this.technician, conversation, "one").at("/id");
		String second = post(this.technician, conversation, "two").at("/id");
		post(this.technician, conversation, "three");
		String other = post(this.parent, childConversationOfAnotherChild(), "elsewhere").at("/id");

		assertThat(unread(this.parent, conversation)).isEqualTo(3);
		long readEvents = liveEvents(this.technician, "conversation.read");
		Api.Response read = this.parent.api()
			.post("/api/conversations/" + conversation + "/read", body("upTo", second));
		long afterRead = liveEvents(this.technician, "conversation.read");
		Api.Response back = this.parent.api().post("/api/conversations/" + conversation + "/read", body("upTo", first));
		Api.Response again = this.parent.api()
			.post("/api/conversations/" + conversation + "/read", body("upTo", second));
		Api.Response foreign = this.parent.api()
			.post("/api/conversations/" + conversation + "/read", body("upTo", other));

		assertThat(read.status()).as(read.text()).isEqualTo(200);
		assertThat(read.at("/unreadCount")).isEqualTo("1");
		assertThat(read.at("/upTo")).isEqualTo(second);
		assertThat(back.at("/unreadCount")).isEqualTo("1");
		assertThat(back.at("/upTo")).as("the stored position, which never moves back").isEqualTo(second);
		assertThat(again.at("/upTo")).isEqualTo(second);
		assertThat(afterRead).as("a read that moves the position is told").isEqualTo(readEvents + 1);
		assertThat(liveEvents(this.technician, "conversation.read")).as("reads that move nothing are not told")
			.isEqualTo(afterRead);
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(unread(this.parent, conversation)).isEqualTo(1);
		assertThat(unread(this.technician, conversation)).isZero();
		JsonNode reads = this.technician.api()
			.get("/api/conversations/" + conversation + "/messages")
			.json()
			.at("/conversation/reads");
		assertThat(reads).anySatisfy(position -> {
			assertThat(position.get("accountId").asString()).isEqualTo(this.parent.id());
			assertThat(position.get("lastReadMessageId").asString()).isEqualTo(second);
		});
	}

	@Test
	void readingAnAnnouncementIsToldOnlyToTheReader() {
		Person otherParent = this.clinic.aParent();
		String id = this.admin.api()
			.post("/api/conversations", body("audience", "parent", "title", "Picture day", "body", "Smile on Monday."))
			.at("/id");
		String message = this.parent.api()
			.get("/api/conversations/" + id + "/messages")
			.json()
			.at("/messages/0/id")
			.asString();

		Api.Response read = this.parent.api().post("/api/conversations/" + id + "/read", body("upTo", message));

		assertThat(read.status()).as(read.text()).isEqualTo(200);
		assertThat(this.jdbc
			.sql("""
					select recipient_id from live_events where type = 'conversation.read' and payload ->> 'conversationId' = :c
					""")
			.param("c", id)
			.query(UUID.class)
			.list()).as("who read an announcement is not told to its audience (%s, admins)", otherParent.id())
			.containsExactly(UUID.fromString(this.parent.id()));
	}

	@Test
	void messagesOfAConversationBecomeVisibleInTheOrderOfTheirSequence() throws Exception {
		String conversation = childConversation(this.parent);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<String> visibleMeanwhile;
		Future<Api.Response> first;
		Future<Api.Response> second;
		try (Connection blocker = this.dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			int blockerPid;
			try (Statement statement = blocker.createStatement()) {
				// holds a post with a file after its message row is inserted, before it
				// commits
				statement.execute("lock table message_attachments in share mode");
				try (ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
					pid.next();
					blockerPid = pid.getInt(1);
				}
			}
			first = threads
				.submit(() -> postFiles(this.parent, conversation, "first", file("a.png", "image/png", PNG)));
			int firstPid = await().atMost(Duration.ofSeconds(30))
				.until(() -> waitingBehind(blockerPid), pids -> !pids.isEmpty())
				.getFirst();
			second = threads.submit(() -> post(this.supervisor, conversation, "second"));
			// the second post either waits behind the first or (the bug) commits ahead of
			// it
			Future<Api.Response> posted = second;
			await().atMost(Duration.ofSeconds(30)).until(() -> posted.isDone() || !waitingBehind(firstPid).isEmpty());
			visibleMeanwhile = bodies(this.technician.api().get("/api/conversations/" + conversation + "/messages"));
			blocker.rollback();
		}
		try {
			assertThat(first.get(20, TimeUnit.SECONDS).status()).isEqualTo(201);
			assertThat(second.get(20, TimeUnit.SECONDS).status()).isEqualTo(201);
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(visibleMeanwhile).as("no message shows ahead of an earlier one still being posted").isEmpty();
		assertThat(bodies(this.technician.api().get("/api/conversations/" + conversation + "/messages")))
			.containsExactly("first", "second");
		assertThat(unread(this.technician, conversation)).isEqualTo(2);
	}

	@Test
	void messagesComeNewestPageFirstWithACursorForOlderOnes() {
		String conversation = childConversation(this.parent);
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			ids.add(post(this.parent, conversation, "m" + i).at("/id"));
		}

		Api.Response newest = this.parent.api().get("/api/conversations/" + conversation + "/messages?limit=2");
		String cursor = newest.at("/nextBefore");
		Api.Response older = this.parent.api()
			.get("/api/conversations/" + conversation + "/messages?limit=2&before=" + cursor);
		Api.Response oldest = this.parent.api()
			.get("/api/conversations/" + conversation + "/messages?limit=2&before=" + older.at("/nextBefore"));

		assertThat(bodies(newest)).containsExactly("m4", "m5");
		assertThat(cursor).isEqualTo(ids.get(3));
		assertThat(bodies(older)).containsExactly("m2", "m3");
		assertThat(bodies(oldest)).containsExactly("m1");
		assertThat(oldest.at("/nextBefore")).isNull();
		assertThat(this.parent.api().get("/api/conversations/" + conversation + "/messages?before=garbage").status())
			.isEqualTo(400);
		assertThat(this.parent.api()
			.get("/api/conversations/" + conversation + "/messages?before=" + UUID.randomUUID())
			.status()).isEqualTo(400);
		assertThat(this.parent.api().get("/api/conversations/" + conversation + "/messages?limit=0").status())
			.isEqualTo(400);
		assertThat(this.parent.api().get("/api/conversations/" + UUID.randomUUID() + "/messages").status())
			.isEqualTo(404);
	}

	@Test
	void authorsEditWithinTheWindowAndDeleteLeavingATombstone() throws IOException {
		String conversation = childConversation(this.parent);
		String id = postFiles(this.parent, conversation, "see photo", file("photo.png", "image/png", PNG)).at("/id");
		String attachment = this.parent.api()
			.get("/api/conversations/" + conversation + "/messages")
			.json()
			.at("/messages/0/attachments/0/id")
			.asString();

		Api.Response edited = this.parent.api().send("PATCH", "/api/messages/" + id, body("body", "see the photo"));
		Api.Response notTheirs = this.technician.api().send("PATCH", "/api/messages/" + id, body("body", "hijack"));
		Api.Response deleteNotTheirs = this.technician.api().delete("/api/messages/" + id);
		assertThat(edited.status()).as(edited.text()).isEqualTo(200);
		assertThat(edited.at("/body")).isEqualTo("see the photo");
		assertThat(edited.at("/edited")).isEqualTo("true");
		assertThat(notTheirs.status()).isEqualTo(403);
		assertThat(deleteNotTheirs.status()).isEqualTo(403);

		Api.Response deleted = this.parent.api().delete("/api/messages/" + id);
		JsonNode tombstone = this.technician.api()
			.get("/api/conversations/" + conversation + "/messages")
			.json()
			.at("/messages/0");

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(tombstone.get("deleted").asBoolean()).isTrue();
		assertThat(tombstone.get("body").isNull()).isTrue();
		assertThat(tombstone.get("attachments")).isEmpty();
		assertThat(this.parent.api().get("/api/attachments/" + attachment).status()).isEqualTo(404);
		assertThat(storedFiles(conversation)).isEmpty();
		assertThat(this.parent.api().send("PATCH", "/api/messages/" + id, body("body", "again")).status())
			.isEqualTo(409);
		assertThat(liveEvents(this.technician, "message.updated")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theEditWindowCloses() {
		String conversation = childConversation(this.parent);
		String id = post(this.parent, conversation, "typo").at("/id");
		this.jdbc.sql("update messages set posted_at = posted_at - interval '16 minutes' where id = :id")
			.param("id", UUID.fromString(id))
			.update();

		Api.Response late = this.parent.api().send("PATCH", "/api/messages/" + id, body("body", "fixed"));

		assertThat(late.status()).isEqualTo(409);
		assertThat(late.at("/type")).endsWith("/edit-window-closed");
	}

	@Test
	void attachmentsAreServedToMembersOnlyWithSafeHeaders() throws IOException {
		String conversation = childConversation(this.parent);
		Api.Response posted = postFiles(this.parent, conversation, "", file("..\\..\\etc/scan;1.png", "image/png", PNG),
				file("report.pdf", "application/pdf", PDF));
		assertThat(posted.status()).as(posted.text()).isEqualTo(201);
		String image = posted.at("/attachments/0/id");
		String pdf = posted.at("/attachments/1/id");

		HttpResponse<byte[]> png = download(this.technician, image);
		HttpResponse<byte[]> document = download(this.technician, pdf);

		assertThat(posted.at("/body")).isEmpty();
		assertThat(posted.at("/attachments/0/fileName")).isEqualTo("scan;1.png");
		assertThat(png.statusCode()).isEqualTo(200);
		assertThat(png.body()).isEqualTo(PNG);
		assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(png.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(png.headers().firstValue("Content-Security-Policy")).hasValue("sandbox; default-src 'none'");
		assertThat(png.headers().firstValue("Cache-Control")).hasValue("private, no-store");
		assertThat(png.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
		assertThat(document.body()).isEqualTo(PDF);
		assertThat(document.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(document.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
			.contains("report.pdf");
		assertThat(download(this.clinic.aParent(), image).statusCode()).isEqualTo(404);
		assertThat(download(this.clinic.aTherapist("RBT"), pdf).statusCode()).isEqualTo(404);
	}

	@Test
	void attachmentsAreEncryptedOnDiskAndServedByteForByte() throws IOException {
		String conversation = childConversation(this.parent);
		byte[] scan = Arrays.copyOf(PNG, 300_000); // several 64 KiB segments
		for (int i = PNG.length; i < scan.length; i++) {
			scan[i] = (byte) ('a' + (i * 7919) % 26);
		}
		Api.Response posted = postFiles(this.parent, conversation, "", file("scan.png", "image/png", scan));
		assertThat(posted.status()).as(posted.text()).isEqualTo(201);
		String id = posted.at("/attachments/0/id");
		Path stored = storedFiles(conversation).getFirst();
		byte[] onDisk = Files.readAllBytes(stored);

		HttpResponse<byte[]> served = download(this.technician, id);

		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(scan);
		assertThat(new String(onDisk, StandardCharsets.ISO_8859_1))
			.doesNotContain(new String(scan, 1000, 64, StandardCharsets.ISO_8859_1))
			// the whole 8-byte signature: three letters turn up by chance in 300 KB of
			// ciphertext (~2 %)
			.doesNotContain(new String(PNG, 0, 8, StandardCharsets.ISO_8859_1));

		byte[] changed = onDisk.clone();
		changed[changed.length / 2] ^= 0x01;
		Files.write(stored, changed);
		try {
			byte[] tampered = downloadOrNull(this.technician, id);

			assertThat(tampered).as("a changed file is never served as if it were the file").isNull();
		}
		finally {
			Files.write(stored, onDisk); // the clinic export tests read every stored file
		}
	}

	@Test
	void filesAreCheckedByTheirContentNotTheirDeclaredType() throws IOException {
		String conversation = childConversation(this.parent);

		Api.Response htmlAsPng = postFiles(this.parent, conversation, "x", file("cat.png", "image/png", HTML));
		Api.Response pngAsHtml = postFiles(this.parent, conversation, "x", file("cat.html", "text/html", PNG));
		Api.Response pdfAsPng = postFiles(this.parent, conversation, "x", file("cat.png", "image/png", PDF));
		Api.Response undeclared = postFiles(this.parent, conversation, "x",
				file("cat", "application/octet-stream", PNG));

		assertThat(htmlAsPng.status()).isEqualTo(400);
		assertThat(htmlAsPng.at("/errors/0/pointer")).isEqualTo("/files/0");
		assertThat(pngAsHtml.status()).isEqualTo(400);
		assertThat(pdfAsPng.status()).isEqualTo(400);
		assertThat(undeclared.status()).as(undeclared.text()).isEqualTo(201);
		assertThat(undeclared.at("/attachments/0/contentType")).isEqualTo("image/png");
		assertThat(messageCount(conversation)).isEqualTo(1);
	}

	@Test
	void attachmentLimitsAreAllOrNothing() throws IOException {
		String conversation = childConversation(this.parent);
		byte[] big = Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1);
		List<Part> six = Stream.generate(() -> file("a.png", "image/png", PNG)).limit(6).toList();

		Api.Response tooLarge = postFiles(this.parent, conversation, "x", file("ok.png", "image/png", PNG),
				file("big.png", "image/png", big));
		Api.Response tooMany = postFiles(this.parent, conversation, "x", six.toArray(Part[]::new));
		Api.Response secondBad = postFiles(this.parent, conversation, "x", file("ok.png", "image/png", PNG),
				file("evil.pdf", "application/pdf", HTML));

		assertThat(tooLarge.status()).as(tooLarge.text()).isEqualTo(413);
		assertThat(tooLarge.at("/type")).endsWith("/attachment-too-large");
		assertThat(tooLarge.at("/errors/0/pointer")).isEqualTo("/files/1");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(secondBad.status()).isEqualTo(400);
		assertThat(secondBad.at("/errors/0/pointer")).isEqualTo("/files/1");
		assertThat(messageCount(conversation)).isZero();
		assertThat(storedFiles(conversation)).isEmpty();
	}

	@Test
	void aPostThatFailsAfterTheFilesAreWrittenLeavesNothingBehind() throws IOException {
		String conversation = childConversation(this.parent);
		// a message whose row cannot be stored: its text passes the checks but the
		// database refuses it
		this.jdbc.sql("alter table messages add constraint test_no_boom check (body <> 'boom')").update();
		try {
			Api.Response refused = postFiles(this.parent, conversation, "boom", file("ok.png", "image/png", PNG));

			assertThat(refused.status()).isEqualTo(409);
		}
		finally {
			this.jdbc.sql("alter table messages drop constraint test_no_boom").update();
		}
		assertThat(messageCount(conversation)).isZero();
		assertThat(storedFiles(conversation)).isEmpty();
	}

	@Test
	void requestsLargerThanTheUploadLimitAre413() throws IOException {
		String conversation = childConversation(this.parent);
		// the headers announce 52 MB; the server must answer from them, before any of the
		// body arrives
		String status;
		try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("POST /api/conversations/" + conversation + "/messages HTTP/1.1\r\n" + "Host: localhost\r\n"
						+ "Authorization: Bearer " + this.parent.accessToken() + "\r\n"
						+ "Content-Type: multipart/form-data; boundary=xyz\r\n" + "Content-Length: "
						+ (52 * 1024 * 1024) + "\r\n" + "Connection: close\r\n\r\n--xyz\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			status = new java.io.BufferedReader(
					new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
		}
		Api.Response json = this.parent.api()
			.post("/api/conversations/" + conversation + "/messages", body("body", "x".repeat(2 * 1024 * 1024)));

		assertThat(status).startsWith("HTTP/1.1 413");
		assertThat(json.status()).isEqualTo(413);
		assertThat(messageCount(conversation)).isZero();
	}

	@Test
	void postingPublishesMessagePostedAndLiveEventsForEveryMember() {
		String conversation = childConversation(this.parent);
		long before = liveEvents(this.supervisor, "message.created");

		String id = post(this.parent, conversation, "hello").at("/id");

		assertThat(this.posted).anySatisfy(event -> {
			assertThat(event.messageId()).hasToString(id);
			assertThat(event.conversationId()).hasToString(conversation);
			assertThat(event.authorId()).hasToString(this.parent.id());
			assertThat(event.recipientIds()).extracting(UUID::toString)
				.containsExactlyInAnyOrder(this.supervisor.id(), this.technician.id());
		});
		assertThat(liveEvents(this.supervisor, "message.created")).isEqualTo(before + 1);
		assertThat(this.jdbc.sql(
				"select payload::text from live_events where recipient_id = :r and type = 'message.created' order by id desc limit 1")
			.param("r", UUID.fromString(this.technician.id()))
			.query(String.class)
			.single()).contains(id).doesNotContain("hello");
	}

	// helpers

	private String childConversation(Person person) {
		Api.Response conversation = person.api().get("/api/children/" + this.childId + "/conversation");
		assertThat(conversation.status()).as(conversation.text()).isEqualTo(200);
		return conversation.at("/id");
	}

	private String childConversationOfAnotherChild() {
		String other = this.clinic.aChild(this.admin, this.parent, null, null);
		return this.parent.api().get("/api/children/" + other + "/conversation").at("/id");
	}

	@Test
	void aPostRepeatedWithItsIdempotencyKeyIsAnsweredWithTheFirstMessageAndStoredOnce() {
		String conversation = childConversation(this.parent);
		String other = childConversationOfAnotherChild();
		String key = UUID.randomUUID().toString();
		String path = "/api/conversations/" + conversation + "/messages";

		Api.Response first = this.parent.api()
			.post(path, body("body", "Is Avery's session still at 3?"), "Idempotency-Key", key);
		long signalsAfterFirst = liveEvents(this.technician, "message.created");
		Api.Response repeat = this.parent.api()
			.post(path, body("body", "Is Avery's session still at 3?"), "Idempotency-Key", key);
		Api.Response otherText = this.parent.api().post(path, body("body", "Something else"), "Idempotency-Key", key);
		Api.Response otherConversation = this.parent.api()
			.post("/api/conversations/" + other + "/messages", body("body", "Is Avery's session still at 3?"),
					"Idempotency-Key", key);
		long signalsAfterRepeats = liveEvents(this.technician, "message.created");
		Api.Response anotherAuthor = this.technician.api()
			.post(path, body("body", "Is Avery's session still at 3?"), "Idempotency-Key", key);
		Api.Response spaced = this.parent.api().post(path, body("body", "hi"), "Idempotency-Key", "two words");
		Api.Response tooLong = this.parent.api().post(path, body("body", "hi"), "Idempotency-Key", "k".repeat(201));

		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(repeat.status()).as(repeat.text()).isEqualTo(200);
		assertThat(repeat.at("/id")).isEqualTo(first.at("/id"));
		assertThat(repeat.at("/body")).isEqualTo("Is Avery's session still at 3?");
		assertThat(otherText.status()).isEqualTo(409);
		assertThat(otherText.at("/type")).endsWith("/idempotency-key-reused");
		assertThat(otherConversation.status()).isEqualTo(409);
		assertThat(otherConversation.at("/type")).endsWith("/idempotency-key-reused");
		assertThat(anotherAuthor.status()).as("keys are each author's own").isEqualTo(201);
		assertThat(spaced.status()).isEqualTo(400);
		assertThat(spaced.at("/errors/0/pointer")).isEqualTo("/header/Idempotency-Key");
		assertThat(tooLong.status()).isEqualTo(400);
		// the parent's post once, the technician's once; nothing of the refused ones
		assertThat(messageCount(conversation)).isEqualTo(2);
		assertThat(messageCount(other)).isZero();
		assertThat(this.posted).filteredOn(event -> event.messageId().toString().equals(first.at("/id"))).hasSize(1);
		assertThat(signalsAfterRepeats).as("the care team is told once, not at each repeat")
			.isEqualTo(signalsAfterFirst)
			.isPositive();
		assertThat(this.parent.api().get(path).json().get("messages")).extracting(m -> m.get("body").asString())
			.containsExactly("Is Avery's session still at 3?", "Is Avery's session still at 3?");
		List<String> actions = this.jdbc.sql("""
				select action from audit_log
				where account_id = :parent and resource_type = 'message' and resource_id = :message order by seq
				""")
			.param("parent", UUID.fromString(this.parent.id()))
			.param("message", UUID.fromString(first.at("/id")))
			.query(String.class)
			.list();
		assertThat(actions).as("the post, then the repeat's read of it").containsExactly("create", "read");
	}

	@Test
	void aRepeatedPostWithFilesStoresItsFilesOnceAndConcurrentRepeatsLeaveOneMessage() throws Exception {
		String conversation = childConversation(this.parent);
		String key = UUID.randomUUID().toString();

		Api.Response first = postFiles(this.parent, conversation, "the schedule", key,
				file("week.png", "image/png", PNG));
		Api.Response repeat = postFiles(this.parent, conversation, "the schedule", key,
				file("week.png", "image/png", PNG));
		Api.Response otherFile = postFiles(this.parent, conversation, "the schedule", key,
				file("week.png", "application/pdf", PDF));

		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(repeat.status()).as(repeat.text()).isEqualTo(200);
		assertThat(repeat.at("/id")).isEqualTo(first.at("/id"));
		assertThat(repeat.json().get("attachments")).hasSize(1);
		assertThat(otherFile.status()).isEqualTo(409);
		assertThat(storedFiles(conversation)).as("the first post's file only").hasSize(1);

		// the same post sent four times at once (a double tap and the network's repeats)
		String raced = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Api.Response>> answers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(pool.submit(() -> postFiles(this.parent, conversation, "again", raced,
					file("again.pdf", "application/pdf", PDF))));
		}
		List<Integer> statuses = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (Future<Api.Response> answer : answers) {
			Api.Response response = answer.get(60, TimeUnit.SECONDS);
			statuses.add(response.status());
			ids.add(response.at("/id"));
		}
		pool.shutdown();

		assertThat(statuses).as("one stored, the others answered with it")
			.containsExactlyInAnyOrder(201, 200, 200, 200);
		assertThat(ids).containsOnly(ids.getFirst());
		assertThat(messageCount(conversation)).isEqualTo(2);
		// the files the repeats wrote before they saw the first post are deleted at
		// commit
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(storedFiles(conversation)).hasSize(2));
	}

	@Test
	void oneKeyPostedToTwoConversationsAtOnceStoresOneMessageAndRefusesTheOther() throws Exception {
		// two conversations lock separately, so only the key's unique index can settle
		// this race: the second insert waits for the first, then finds the key taken
		for (int attempt = 0; attempt < 3; attempt++) {
			String one = childConversationOfAnotherChild();
			String two = childConversationOfAnotherChild();
			String key = UUID.randomUUID().toString();
			java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<Future<Api.Response>> answers = new ArrayList<>();
			for (String conversation : List.of(one, two)) {
				answers.add(pool.submit(() -> {
					together.await(10, TimeUnit.SECONDS);
					return postFiles(this.parent, conversation, "the same words", key,
							file("week.pdf", "application/pdf", PDF));
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Api.Response> answer : answers) {
				Api.Response response = answer.get(60, TimeUnit.SECONDS);
				statuses.add(response.status());
				if (response.status() == 409) {
					assertThat(response.at("/type")).endsWith("/idempotency-key-reused");
				}
			}
			pool.shutdown();

			assertThat(statuses).as("attempt %d", attempt).containsExactlyInAnyOrder(201, 409);
			assertThat(messageCount(one) + messageCount(two)).isEqualTo(1);
			// the refused post's file, written before its insert was refused, is not kept
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(storedFiles(one).size() + storedFiles(two).size()).isEqualTo(1));
		}
	}

	private static Api.Response post(Person person, String conversation, String text) {
		return person.api().post("/api/conversations/" + conversation + "/messages", body("body", text));
	}

	private static long unread(Person person, String conversation) {
		return find(person.api().get("/api/conversations").json().get("content"), conversation).get("unreadCount")
			.asLong();
	}

	private static JsonNode find(JsonNode conversations, String id) {
		for (JsonNode conversation : conversations) {
			if (conversation.get("id").asString().equals(id)) {
				return conversation;
			}
		}
		throw new AssertionError("conversation " + id + " not listed in " + conversations);
	}

	private static List<String> ids(Api.Response list) {
		List<String> ids = new ArrayList<>();
		list.json().get("content").forEach(c -> ids.add(c.get("id").asString()));
		return ids;
	}

	private static List<String> bodies(Api.Response page) {
		List<String> bodies = new ArrayList<>();
		page.json().get("messages").forEach(m -> bodies.add(m.get("body").asString()));
		return bodies;
	}

	private long messageCount(String conversation) {
		return this.jdbc.sql("select count(*) from messages where conversation_id = :c")
			.param("c", UUID.fromString(conversation))
			.query(Long.class)
			.single();
	}

	/** The database sessions waiting for a lock that session {@code pid} holds. */
	private List<Integer> waitingBehind(int pid) {
		return this.jdbc.sql("select pid from pg_stat_activity where :pid = any(pg_blocking_pids(pid))")
			.param("pid", pid)
			.query(Integer.class)
			.list();
	}

	private long liveEvents(Person recipient, String type) {
		return this.jdbc.sql("select count(*) from live_events where recipient_id = :r and type = :t")
			.param("r", UUID.fromString(recipient.id()))
			.param("t", type)
			.query(Long.class)
			.single();
	}

	private List<Path> storedFiles(String conversation) throws IOException {
		Path dir = this.properties.dataDir().resolve("attachments").resolve(conversation);
		if (!Files.exists(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.toList();
		}
	}

	record Part(String fileName, String contentType, byte[] content) {
	}

	static Part file(String name, String type, byte[] content) {
		return new Part(name, type, content);
	}

	private Api.Response postFiles(Person person, String conversation, String text, Part... files) throws IOException {
		return postFiles(person, conversation, text, null, files);
	}

	private Api.Response postFiles(Person person, String conversation, String text, String idempotencyKey,
			Part... files) throws IOException {
		String boundary = "spark" + UUID.randomUUID();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		for (Part file : files) {
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
					+ file.fileName().replace("\"", "%22") + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write(file.content());
			out.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + this.port + "/api/conversations/" + conversation + "/messages"))
			.header("Authorization", "Bearer " + person.accessToken())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		try {
			return new Api.Response(
					HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The body served, or null when the answer was not a whole 200. */
	private byte[] downloadOrNull(Person person, String attachmentId) {
		try {
			HttpResponse<byte[]> response = download(person, attachmentId);
			return (response.statusCode() == 200) ? response.body() : null;
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	private HttpResponse<byte[]> download(Person person, String attachmentId) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/attachments/" + attachmentId))
			.header("Authorization", "Bearer " + person.accessToken())
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(int[] values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
