package org.sparktherapy.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for end-to-end API tests against the running server: real Jetty,
 * filters and security. Each instance acts from its own client address (sent as
 * {@code X-Forwarded-For}, which the server trusts from loopback like from NGINX), so
 * sign-in throttling in one test never touches another.
 */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final String clientAddress;

	private String bearer;

	public Api(int port) {
		this.baseUrl = "http://localhost:" + port;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		// a documentation address (RFC 3849), only ever a header value here
		this.clientAddress = "2001:db8::" + Integer.toHexString(random.nextInt(1, 0xffff)) + ":"
				+ Integer.toHexString(random.nextInt(1, 0xffff));
	}

	/** The same client, acting with this access token. */
	public Api as(String accessToken) {
		Api other = new Api(this.baseUrl, this.clientAddress);
		other.bearer = accessToken;
		return other;
	}

	private Api(String baseUrl, String clientAddress) {
		this.baseUrl = baseUrl;
		this.clientAddress = clientAddress;
	}

	/** The server's address, {@code http://localhost:PORT}. */
	public String baseUrl() {
		return this.baseUrl;
	}

	public String clientAddress() {
		return this.clientAddress;
	}

	public Response get(String path, String... headers) {
		return send("GET", path, null, headers);
	}

	public Response post(String path, Object body, String... headers) {
		return send("POST", path, body, headers);
	}

	public Response put(String path, Object body, String... headers) {
		return send("PUT", path, body, headers);
	}

	public Response delete(String path, String... headers) {
		return send("DELETE", path, null, headers);
	}

	/** Sends a raw body as it is (malformed JSON, huge bodies…). */
	public Response sendRaw(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
		HttpRequest.Builder request = request(path, headers).method(method, body);
		request.header("Content-Type", "application/json");
		return execute(request.build());
	}

	public Response send(String method, String path, Object body, String... headers) {
		HttpRequest.Builder request = request(path, headers);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String json = (body instanceof String s) ? s : JSON.writeValueAsString(body);
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		return execute(request.build());
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("X-Forwarded-For", this.clientAddress)
			.header("Accept", "application/json, application/problem+json, */*");
		if (this.bearer != null) {
			request.header("Authorization", "Bearer " + this.bearer);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	private Response execute(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Builds a JSON object from alternating keys and values. */
	public static Map<String, Object> body(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String text() {
			return this.raw.body();
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		public String at(String pointer) {
			JsonNode node = json().at(pointer);
			return node.isMissingNode() || node.isNull() ? null : node.asString();
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

	}

}
