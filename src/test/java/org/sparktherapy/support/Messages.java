package org.sparktherapy.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.sparktherapy.support.Clinic.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messaging fixtures: a child's conversation and messages with attachments, through the
 * API.
 */
public final class Messages {

	/** A 1×1 PNG's first bytes (enough for its signature). */
	public static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D',
			'R' };

	private Messages() {
	}

	/** The child's conversation id, opened by the person. */
	public static String childConversation(Person person, String childId) {
		Api.Response conversation = person.api().get("/api/children/" + childId + "/conversation");
		assertThat(conversation.status()).as(conversation.text()).isEqualTo(200);
		return conversation.at("/id");
	}

	/** Posts a message with one PNG attachment; returns the response (201 expected). */
	public static Api.Response postWithPng(int port, Person person, String conversationId, String text) {
		String boundary = "spark" + UUID.randomUUID();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n" + text + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"photo.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(PNG);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/conversations/" + conversationId + "/messages"))
			.header("Authorization", "Bearer " + person.accessToken())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build();
		try {
			return new Api.Response(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
