package org.sparktherapy.platform;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.Messages;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Text enters without invisible bidirectional and zero-width characters, at each entry:
 * account and child names, conversation titles and message bodies (JSON and multipart),
 * and attachment file names.
 */
@IntegrationTest
class InvisibleCharactersIntegrationTests {

	/**
	 * Right-to-left override: {@code photo\u202Egnp.exe} shows as {@code photoexe.png}.
	 */
	private static final String RLO = "\u202E";

	/**
	 * Zero-width space, left-to-right isolate, pop directional isolate, byte-order mark.
	 */
	private static final String HIDDEN = "\u200B\u2066\u2069\uFEFF";

	@LocalServerPort
	int port;

	Clinic clinic;

	Person admin;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
	}

	@Test
	void aRegisteredNameLosesThem() {
		String email = Clinic.uniqueEmail("invisible");
		Api.Response verified = this.clinic.registerAndVerify("Jo" + HIDDEN + "rdan " + RLO + "Lee", email,
				Clinic.PASSWORD);

		assertThat(verified.status()).as(verified.text()).isEqualTo(200);
		assertThat(this.clinic.signIn(null, email, Clinic.PASSWORD).api().get("/api/auth/profile").at("/name"))
			.isEqualTo("Jordan Lee");
	}

	@Test
	void anAccountOpenedOrRenamedByAnAdminLosesThem() {
		Api.Response opened = this.admin.api()
			.post("/api/users", body("name", "Sam" + HIDDEN + " Rivera", "email", Clinic.uniqueEmail("invisible"),
					"password", Clinic.PASSWORD, "role", "therapist", "credential", "RBT"));
		Api.Response renamed = this.admin.api()
			.put("/api/users/" + opened.at("/id"), body("name", RLO + "Sam Rivera" + HIDDEN));

		assertThat(opened.at("/name")).isEqualTo("Sam Rivera");
		assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
		assertThat(renamed.at("/name")).isEqualTo("Sam Rivera");
	}

	@Test
	void aNameOfNothingButInvisibleCharactersIsBlank() {
		Api.Response registered = this.clinic.api()
			.post("/api/auth/register",
					body("name", HIDDEN + RLO, "email", Clinic.uniqueEmail("invisible"), "password", Clinic.PASSWORD));

		assertThat(registered.status()).isEqualTo(400);
		assertThat(registered.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
	}

	@Test
	void aChildsNameLosesThem() {
		Api.Response child = this.admin.api()
			.post("/api/children", body("firstName", "Av" + HIDDEN + "ery", "lastName", RLO + "Stone", "dateOfBirth",
					"2019-05-14", "diagnosisCodes", List.of("F84.0")));

		assertThat(child.status()).as(child.text()).isEqualTo(201);
		assertThat(child.at("/firstName")).isEqualTo("Avery");
		assertThat(child.at("/lastName")).isEqualTo("Stone");
	}

	@Test
	void aConversationsTitleAndMessagesLoseThemButKeepEmojiWhole() {
		Person supervisor = this.clinic.aTherapist("BCBA");
		Person technician = this.clinic.aTherapist("RBT");
		String family = "\uD83D\uDC69\u200D\uD83D\uDC67";

		Api.Response started = supervisor.api()
			.post("/api/conversations", body("memberIds", List.of(technician.id()), "title", "Sched" + HIDDEN + "ule",
					"body", "See " + RLO + "you " + family));
		String id = started.at("/id");
		Api.Response posted = supervisor.api()
			.post("/api/conversations/" + id + "/messages", body("body", "Mon" + HIDDEN + "day"));
		Api.Response page = technician.api().get("/api/conversations/" + id + "/messages");

		assertThat(started.status()).as(started.text()).isIn(200, 201);
		assertThat(started.at("/title")).isEqualTo("Schedule");
		assertThat(posted.at("/body")).isEqualTo("Monday");
		assertThat(page.json().get("messages")).extracting(m -> m.get("body").asString())
			.contains("See you " + family, "Monday");
	}

	@Test
	void aMultipartMessageAndItsFileNameLoseThem() throws Exception {
		Person parent = this.clinic.aParent();
		Person supervisor = this.clinic.aTherapist("BCBA");
		String childId = this.clinic.aChild(this.admin, parent, supervisor, null);
		String conversation = Messages.childConversation(parent, childId);

		Api.Response posted = postWithFile(parent, conversation, "Home" + HIDDEN + "work", "photo" + RLO + "gnp.exe");

		assertThat(posted.status()).as(posted.text()).isEqualTo(201);
		assertThat(posted.at("/body")).isEqualTo("Homework");
		assertThat(posted.at("/attachments/0/fileName")).isEqualTo("photognp.exe");
	}

	private Api.Response postWithFile(Person person, String conversationId, String text, String fileName)
			throws Exception {
		String boundary = "spark" + UUID.randomUUID();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName + "\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(Messages.PNG);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + this.port + "/api/conversations/" + conversationId + "/messages"))
			.header("Authorization", "Bearer " + person.accessToken())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build();
		return new Api.Response(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
	}

}
