package org.sparktherapy.messaging.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.support.StatementCounting;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.RecordingAuditTrail;
import org.sparktherapy.support.Messages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one page of a child's conversation costs the database (ADR 0050, session 13): the
 * conversation with the child's name and the reader's unread count in one statement, the
 * page with its attachments in one (session 14), the reader's relation to the child read
 * once (not once per question: may read, is a member, may post), the members' and the
 * authors' names in one statement, and one access entry. Statements are counted on the
 * way to the real database; the children module's and the audit trail's calls are counted
 * at their interfaces.
 */
@IntegrationTest
class ConversationPageStatementsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	Children children;

	@Test
	void aPageOfAChildsConversationReadsItsPartsOnceEach() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person admin = clinic.rootAdmin();
		Clinic.Person parent = clinic.aParent();
		Clinic.Person supervisor = clinic.aTherapist("BCBA");
		Clinic.Person technician = clinic.aTherapist("RBT");
		String childId = clinic.aChild(admin, parent, supervisor, technician);
		String conversationId = parent.api().get("/api/children/" + childId + "/conversation").at("/id");
		String first = post(parent, conversationId, "Avery slept badly last night.");
		post(technician, conversationId, "Thanks, we will go gently today.");
		Api.Response photo = Messages.postWithPng(this.port, technician, conversationId, "Her drawing.");
		assertThat(photo.status()).as(photo.text()).isEqualTo(201);
		Message.Attachment attachment = new MessageRepository(JdbcClient.create(this.dataSource))
			.find(UUID.fromString(photo.at("/id")), false)
			.orElseThrow()
			.attachments()
			.get(0);
		Api.Response read = supervisor.api()
			.post("/api/conversations/" + conversationId + "/read", Api.body("upTo", first));
		assertThat(read.status()).as(read.text()).isEqualTo(200);
		List<ConversationRepository.ReadPosition> positions = new ConversationRepository(
				JdbcClient.create(this.dataSource))
			.readPositions(UUID.fromString(conversationId));

		AtomicInteger statements = new AtomicInteger();
		Map<String, AtomicInteger> childrenCalls = new ConcurrentHashMap<>();
		List<PhiAccess> audited = new CopyOnWriteArrayList<>();
		MessageService service = service(statements, childrenCalls, audited);
		CurrentUser reader = new CurrentUser(UUID.fromString(parent.id()), Role.PARENT, "A parent", null);

		MessageService.MessagePage page = service.messages(reader, UUID.fromString(conversationId), null, null);

		assertThat(page.messages()).extracting(view -> view.message().body())
			.containsExactly("Avery slept badly last night.", "Thanks, we will go gently today.", "Her drawing.");
		assertThat(page.messages()).extracting(view -> view.author().id().toString())
			.containsExactly(parent.id(), technician.id(), technician.id());
		assertThat(page.messages()).extracting(view -> view.message().attachments())
			.as("each message's attachments, as read with the message alone")
			.containsExactly(List.of(), List.of(), List.of(attachment));
		assertThat(page.conversation().members()).extracting(person -> person.id().toString())
			.containsExactly(parent.id(), supervisor.id(), technician.id());
		assertThat(page.conversation().members()).allSatisfy(person -> assertThat(person.name()).isNotBlank());
		assertThat(page.conversation().title()).startsWith("Avery Test");
		assertThat(page.conversation().unread()).isEqualTo(2);
		assertThat(page.conversation().member()).isTrue();
		assertThat(page.conversation().canPost()).isTrue();
		assertThat(page.conversation().reads()).as("the read positions, as read on their own")
			.isEqualTo(positions)
			.extracting(position -> position.accountId().toString())
			.contains(supervisor.id());
		assertThat(audited).singleElement()
			.satisfies(access -> assertThat(access.childId().toString()).isEqualTo(childId));

		// the conversation (with the child's name, the unread count and the read
		// positions), the page with its attachments (session 14), the people
		assertThat(statements).as("messaging's statements for one page").hasValue(3);
		assertThat(childrenCalls).as("calls to the children module").containsOnlyKeys("relationOf", "peopleOf");
		assertThat(childrenCalls.get("relationOf")).as("the reader's relation to the child, read").hasValue(1);
		assertThat(childrenCalls.get("peopleOf")).as("the child's people, read").hasValue(1);
	}

	private MessageService service(AtomicInteger statements, Map<String, AtomicInteger> childrenCalls,
			List<PhiAccess> audited) {
		JdbcClient jdbc = JdbcClient.create(StatementCounting.counting(this.dataSource, statements));
		ConversationRepository conversations = new ConversationRepository(jdbc);
		MessageRepository messages = new MessageRepository(jdbc);
		Children counted = (Children) Proxy.newProxyInstance(Children.class.getClassLoader(),
				new Class<?>[] { Children.class }, (proxy, method, args) -> {
					childrenCalls.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
					return StatementCounting.invoke(this.children, method, args);
				});
		MessagingAccessPolicy policy = new MessagingAccessPolicy(counted, conversations);
		ConversationAccess access = new ConversationAccess(conversations, messages, policy,
				new RecordingAuditTrail(audited));
		ConversationViews views = new ConversationViews(conversations, policy);
		return new MessageService(conversations, messages, policy, access, views, null, null, null, null, null, null);
	}

	private static String post(Clinic.Person author, String conversationId, String body) {
		Api.Response posted = author.api()
			.post("/api/conversations/" + conversationId + "/messages", Api.body("body", body));
		assertThat(posted.status()).as(posted.text()).isEqualTo(201);
		return posted.at("/id");
	}

}
