package org.sparktherapy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Malformed input never makes the server fail. Every operation of the OpenAPI document,
 * called as an admin (and the body-taking ones also as a therapist and a parent) with
 * real ids so handlers get past "not found", is sent wrong JSON types per field, missing
 * and unknown fields, NUL, control and bidi-override characters, huge numbers and
 * strings, malformed JSON, wrong content types, malformed multipart bodies, malformed
 * path ids and query parameters. Any 5xx answer fails, and so does a 409 from a database
 * rule (validation should have caught it).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputIntegrationTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String HUGE = "x".repeat(100_000);

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Clinic clinic;

	private Person admin;

	private Person therapist;

	private Person parent;

	/**
	 * Puts back the clinic's sign-in setting after the sweep's calls that may change it,
	 * so a probe that happens to be valid cannot make later sign-ins of the shared test
	 * database need a second factor. Never used by the sweep, so never signed out by it.
	 */
	private Person settingsKeeper;

	private JsonNode securitySettings;

	/**
	 * Real ids for path parameters, by the collection the parameter follows
	 * ({@code children} → a child's id).
	 */
	private final Map<String, String> ids = new LinkedHashMap<>();

	private JsonNode openApi;

	@BeforeAll
	void aClinicWithOneOfEverything() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.anAdmin();
		this.settingsKeeper = this.clinic.anAdmin();
		this.securitySettings = this.settingsKeeper.api().get("/api/security-settings").json();
		Person root = this.clinic.rootAdmin();
		Person supervisor = this.clinic.aTherapist("BCBA");
		this.therapist = this.clinic.aTherapist("RBT");
		this.parent = this.clinic.aParent();
		String child = this.clinic.aChild(root, this.parent, supervisor, this.therapist);
		Api.Response program = this.clinic.aProgram(supervisor, child);
		String session = this.clinic.aSession(this.therapist, child, program.at("/targets/0/id"), List.of("correct"),
				true);
		String appointment = this.clinic.anAppointment(root, child, this.therapist,
				Clinic.aMondayAfternoonAhead().plus(Duration.ofDays(140)));
		String conversation = this.parent.api().get("/api/children/" + child + "/conversation").at("/id");
		Api.Response message = this.parent.api()
			.post("/api/conversations/" + conversation + "/messages", body("body", "Hello"));
		Person user = this.clinic.aTherapist("RBT");
		this.ids.put("children", child);
		this.ids.put("child", child);
		this.ids.put("programs", program.at("/id"));
		this.ids.put("targets", program.at("/targets/0/id"));
		this.ids.put("sessions", session);
		this.ids.put("appointments", appointment);
		this.ids.put("conversations", conversation);
		this.ids.put("messages", message.at("/id"));
		this.ids.put("therapists", this.therapist.id());
		this.ids.put("users", user.id());
		this.ids.put("care-team", supervisor.id());
		this.ids.put("guardians", this.parent.id());
		this.ids.put("childId", child);
		this.ids.put("therapistId", this.therapist.id());
		this.ids.put("userId", this.therapist.id());
		this.ids.put("programId", program.at("/id"));
		this.ids.put("targetId", program.at("/targets/0/id"));
		this.ids.put("sessionId", session);
		this.ids.put("appointmentId", appointment);
		this.ids.put("conversationId", conversation);
		this.openApi = new Api(this.managementPort).get("/openapi").json();
	}

	@Test
	void noOperationAnswersMalformedInputWithAServerError() {
		List<Operation> operations = operations();
		assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(50);
		List<String> failures = new ArrayList<>();
		long started = System.nanoTime();
		int sent = 0;
		for (Operation operation : operations) {
			for (Probe probe : probes(operation)) {
				for (Person caller : callers(operation, probe)) {
					sent++;
					Outcome outcome = send(caller, operation, probe);
					if (!operation.method().equals("GET") && operation.path().equals("/api/security-settings")) {
						Api.Response restored = this.settingsKeeper.api()
							.put("/api/security-settings", this.securitySettings);
						assertThat(restored.status()).as(restored.text()).isEqualTo(200);
					}
					if (outcome.failed()) {
						failures.add(operation + " as " + caller.email().substring(0, caller.email().indexOf('.'))
								+ " with " + probe.name() + " → " + outcome.description());
					}
				}
			}
		}
		System.out.printf("MalformedInputIntegrationTests: %d requests to %d operations in %d s%n", sent,
				operations.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
		assertThat(failures).as("malformed requests answered with a server error or a database rule (of %d sent)", sent)
			.isEmpty();
	}

	@Test
	void aMalformedMultipartBodyIsABadRequest() {
		Person guardian = this.clinic.signIn(this.parent.id(), this.parent.email(), this.parent.password());
		String path = "/api/conversations/" + this.ids.get("conversations") + "/messages";
		for (Probe probe : multipartProbes()) {
			Outcome outcome = send(guardian, new Operation("POST", path, NODES.objectNode()), probe);
			assertThat(outcome.status()).as(probe.name() + ": " + outcome.description()).isEqualTo(400);
			assertThat(outcome.body()).as(probe.name()).contains("\"type\":\"https://sparktherapy.org/problems/");
		}
	}

	@Test
	void aNulInAJsonFieldIsRefusedWithItsPointerNotStored() {
		// fresh sign-ins: the sweep over every operation may have signed the others out
		Person root = this.clinic.rootAdmin();
		Person guardian = this.clinic.signIn(this.parent.id(), this.parent.email(), this.parent.password());
		Api.Response message = guardian.api()
			.post("/api/conversations/" + this.ids.get("conversations") + "/messages", body("body", "Hi\u0000there"));
		Api.Response name = root.api()
			.put("/api/children/" + this.ids.get("children"), body("firstName", "Av\u0000ery"));
		Api.Response bell = root.api()
			.put("/api/children/" + this.ids.get("children"), body("firstName", "Av\u0007ery"));

		assertThat(message.status()).as(message.text()).isEqualTo(400);
		assertThat(message.at("/errors/0/pointer")).isEqualTo("/body");
		assertThat(name.status()).as(name.text()).isEqualTo(400);
		assertThat(name.at("/errors/0/pointer")).isEqualTo("/firstName");
		assertThat(name.at("/errors/0/detail")).contains("control characters");
		assertThat(bell.status()).as(bell.text()).isEqualTo(400);
	}

	@Test
	void theErrorPageItselfIsNotFound() {
		Person root = this.clinic.rootAdmin();
		for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
			Outcome outcome = send(root, new Operation(method, "/error", NODES.objectNode()),
					new Probe("no body", null, null, Map.of()));
			assertThat(outcome.status()).as(method + " /error: " + outcome.body()).isEqualTo(404);
			assertThat(outcome.body()).contains("https://sparktherapy.org/problems/not-found");
		}
		Outcome anonymous = send(null, new Operation("GET", "/error", NODES.objectNode()),
				new Probe("no body", null, null, Map.of()));
		assertThat(anonymous.status()).isEqualTo(404);
	}

	// --- the operations and what is sent to them

	record Operation(String method, String path, JsonNode spec) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

		boolean destructive() {
			return this.method.equals("DELETE") || this.path.startsWith("/api/auth/") || this.path.endsWith("/rotate");
		}

	}

	/**
	 * One malformed request: a body with its content type (none for {@code null}), and
	 * query and path parameters to use instead of plausible ones.
	 */
	record Probe(String name, String contentType, byte[] body, Map<String, String> parameters) {

		static Probe json(String name, String json, Map<String, String> parameters) {
			return new Probe(name, "application/json", json.getBytes(StandardCharsets.UTF_8), parameters);
		}

	}

	record Outcome(int status, String body, String description) {

		boolean failed() {
			return this.status >= 500 || this.status == 0
					|| (this.status == 409 && this.body.contains("/problems/data-rule"));
		}

	}

	/**
	 * Every operation, destructive ones (deletions, sign-out, token rotation) last so the
	 * others keep their ids.
	 */
	private List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.openApi.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
					operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
				}
			}
		}
		operations.sort(Comparator.comparing(Operation::destructive));
		return operations;
	}

	/** The admin for everything; a therapist and a parent too for malformed bodies. */
	private List<Person> callers(Operation operation, Probe probe) {
		if (probe.body() != null && !operation.destructive() && probe.name().startsWith("field")
				&& (probe.name().endsWith("= NUL") || probe.name().endsWith("= {}"))) {
			return List.of(this.admin, this.therapist, this.parent);
		}
		return List.of(this.admin);
	}

	private List<Probe> probes(Operation operation) {
		List<Probe> probes = new ArrayList<>();
		for (JsonNode parameter : parameters(operation)) {
			String name = parameter.get("name").asString();
			String in = parameter.get("in").asString();
			if (!in.equals("path") && !in.equals("query")) {
				continue;
			}
			for (Map.Entry<String, String> bad : badParameterValues().entrySet()) {
				probes.add(new Probe(in + " " + name + "=" + bad.getKey(), null, null, Map.of(name, bad.getValue())));
			}
		}
		JsonNode content = operation.spec().path("requestBody").path("content");
		if (content.has("application/json")) {
			JsonNode schema = resolve(content.get("application/json").path("schema"));
			JsonNode sample = sample(schema, "", 0);
			probes.addAll(bodyProbes(sample));
		}
		if (content.has("multipart/form-data")) {
			probes.addAll(multipartProbes());
		}
		if (probes.isEmpty() || !content.isMissingNode()) {
			probes.add(new Probe("a plain request", null, null, Map.of()));
		}
		if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
			probes.add(new Probe("a text/plain body", "text/plain", "{}".getBytes(StandardCharsets.UTF_8), Map.of()));
			probes.add(new Probe("an XML body", "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8), Map.of()));
		}
		return probes;
	}

	private List<Probe> bodyProbes(JsonNode sample) {
		List<Probe> probes = new ArrayList<>();
		probes.add(Probe.json("malformed JSON", "{\"a\": ", Map.of()));
		probes.add(Probe.json("an empty body", "", Map.of()));
		probes.add(Probe.json("null", "null", Map.of()));
		probes.add(Probe.json("an array", "[]", Map.of()));
		probes.add(Probe.json("a number", "1e308", Map.of()));
		probes.add(Probe.json("a string", "\"\\u0000\"", Map.of()));
		probes.add(Probe.json("no fields", "{}", Map.of()));
		probes.add(Probe.json("a plausible body", sample.toString(), Map.of()));
		if (sample instanceof ObjectNode object) {
			ObjectNode unknown = object.deepCopy();
			unknown.put("unexpectedField", "\u202E");
			probes.add(Probe.json("an unknown field", unknown.toString(), Map.of()));
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				for (Map.Entry<String, JsonNode> bad : badValues(field.getValue()).entrySet()) {
					ObjectNode changed = object.deepCopy();
					changed.set(field.getKey(), bad.getValue());
					probes
						.add(Probe.json("field " + field.getKey() + " " + bad.getKey(), changed.toString(), Map.of()));
				}
				ObjectNode missing = object.deepCopy();
				missing.remove(field.getKey());
				probes.add(Probe.json("field " + field.getKey() + " missing", missing.toString(), Map.of()));
			}
		}
		return probes;
	}

	/** Wrong types and hostile values for a field, by what it should hold. */
	private Map<String, JsonNode> badValues(JsonNode plausible) {
		Map<String, JsonNode> bad = new LinkedHashMap<>();
		bad.put("= null", NODES.nullNode());
		bad.put("= NUL", NODES.stringNode("a\u0000b"));
		bad.put("= bidi override and 100k characters", NODES.stringNode("\u202Eevil\u202Cx" + HUGE));
		bad.put("= 1e308", NODES.numberNode(new java.math.BigDecimal("1e308")));
		bad.put("= 2^63", NODES.numberNode(new java.math.BigInteger("9223372036854775808")));
		bad.put("= -1", NODES.numberNode(-1));
		bad.put("= {}", NODES.objectNode());
		ArrayNode array = NODES.arrayNode();
		array.addNull();
		array.add("\u0000");
		array.add(HUGE);
		bad.put("= [null, NUL, huge]", array);
		if (plausible instanceof ArrayNode items && !items.isEmpty()) {
			ArrayNode many = NODES.arrayNode();
			for (int i = 0; i < 1000; i++) {
				many.add(items.get(0));
			}
			bad.put("= 1000 items", many);
			if (items.get(0) instanceof ObjectNode item) {
				for (Map.Entry<String, JsonNode> field : item.properties()) {
					for (String value : List.of("= NUL", "= 2^63", "= {}", "= null")) {
						ObjectNode changed = item.deepCopy();
						changed.set(field.getKey(), bad.get(value));
						ArrayNode one = NODES.arrayNode();
						one.add(changed);
						bad.put("[0]." + field.getKey() + " " + value, one);
					}
				}
			}
		}
		if (plausible instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				for (String value : List.of("= NUL", "= 2^63", "= {}", "= null", "= -1")) {
					ObjectNode changed = object.deepCopy();
					changed.set(field.getKey(), bad.get(value));
					bad.put("." + field.getKey() + " " + value, changed);
				}
			}
		}
		if (plausible.isString()) {
			String text = plausible.asString();
			if (text.length() > 10 && text.charAt(4) == '-' && text.contains("T")) {
				bad.put("= year 99999", NODES.stringNode("+99999-01-01T00:00:00Z"));
				bad.put("= year 0", NODES.stringNode("0000-01-01T00:00:00Z"));
				bad.put("= February 30", NODES.stringNode("2027-02-30T10:00:00Z"));
			}
		}
		return bad;
	}

	private Map<String, String> badParameterValues() {
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("NUL", "a%00b");
		bad.put("bidi override and 10k characters", "%E2%80%AEx" + "x".repeat(10_000));
		bad.put("not a UUID", "not-a-uuid");
		bad.put("2^63", "9223372036854775808");
		bad.put("1e308", "1e308");
		bad.put("a bad date", "2026-13-45");
		return bad;
	}

	private List<Probe> multipartProbes() {
		String boundary = "spark-boundary-1234";
		String type = "multipart/form-data; boundary=" + boundary;
		String png = "\u0089PNG\r\n\u001a\n";
		List<Probe> probes = new ArrayList<>();
		probes.add(new Probe("multipart without a boundary parameter", "multipart/form-data",
				bytes("--x\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nhi\r\n--x--\r\n"), Map.of()));
		probes.add(new Probe("multipart with another boundary", type,
				bytes("--other\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nhi\r\n--other--\r\n"),
				Map.of()));
		probes.add(new Probe("multipart cut short", type, bytes("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
				+ png + "0123"), Map.of()));
		probes.add(new Probe(
				"multipart with a broken part header", type, bytes("--" + boundary
						+ "\r\nContent-Disposition form-data name=body\r\n\r\nhi\r\n--" + boundary + "--\r\n"),
				Map.of()));
		probes.add(new Probe("multipart with a NUL in a file name", type, bytes("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\u0000.png\"\r\nContent-Type: image/png\r\n\r\n"
				+ png + "\r\n--" + boundary + "--\r\n"), Map.of()));
		probes.add(new Probe("multipart with an empty body", type, new byte[0], Map.of()));
		probes.add(new Probe("multipart with garbage", type, bytes("\u0000\u0001garbage"), Map.of()));
		return probes;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	// --- sending

	private Outcome send(Person caller, Operation operation, Probe probe) {
		String path = operation.path();
		List<String> query = new ArrayList<>();
		for (JsonNode parameter : parameters(operation)) {
			String name = parameter.get("name").asString();
			String value = probe.parameters().get(name);
			if (parameter.get("in").asString().equals("path")) {
				String plausible = pathValue(path, name);
				path = path.replace("{" + name + "}", (value != null) ? value : plausible);
			}
			else if (value != null) {
				query.add(name + "=" + value);
			}
		}
		String uri = "http://localhost:" + this.port + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
		HttpRequest.Builder request;
		try {
			request = HttpRequest.newBuilder(URI.create(uri));
		}
		catch (IllegalArgumentException ex) {
			return new Outcome(400, "", "not sendable (" + ex.getMessage() + ")");
		}
		request.timeout(Duration.ofSeconds(operation.path().equals("/api/events") ? 2 : 30))
			.header("X-Forwarded-For", "2001:db8::fe:" + Integer.toHexString(probe.name().hashCode() & 0xffff))
			.header("Accept", "application/json, application/problem+json, */*");
		if (caller != null) {
			request.header("Authorization", "Bearer " + caller.accessToken());
		}
		if (probe.contentType() != null) {
			request.header("Content-Type", probe.contentType());
		}
		request.method(operation.method(), (probe.body() != null) ? HttpRequest.BodyPublishers.ofByteArray(probe.body())
				: HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<InputStream> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = response.body()) {
				if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
					// the event stream stays open by design (until the caller's access
					// token
					// expires, minutes later): its answer is the status, do not wait for
					// its end
					return new Outcome(response.statusCode(), "", response.statusCode() + " an open stream");
				}
				String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				return new Outcome(response.statusCode(), body,
						response.statusCode() + " " + body.substring(0, Math.min(body.length(), 300)));
			}
		}
		catch (HttpTimeoutException ex) {
			// the event stream stays open by design
			boolean stream = operation.path().equals("/api/events");
			return new Outcome(stream ? 200 : 0, "", stream ? "an open stream" : "no answer within 30 s");
		}
		catch (IOException ex) {
			return new Outcome(0, "", "the connection failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A real id for a path parameter, by the collection it follows, or a made-up one. */
	private String pathValue(String path, String name) {
		if (this.ids.containsKey(name)) {
			return this.ids.get(name);
		}
		String before = path.substring(0, path.indexOf("{" + name + "}"));
		String[] segments = before.split("/");
		String collection = segments[segments.length - 1];
		if (name.equals("token")) {
			return "not-a-token";
		}
		return this.ids.getOrDefault(collection, UUID.randomUUID().toString());
	}

	private List<JsonNode> parameters(Operation operation) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.spec().path("parameters").forEach(p -> parameters.add(resolve(p)));
		return parameters;
	}

	// --- plausible values from the schemas

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 10 && current.has("$ref"); i++) {
			String ref = current.get("$ref").asString();
			current = this.openApi.at(ref.substring(1));
		}
		if (current.has("allOf") && current.get("allOf").size() == 1) {
			return resolve(current.get("allOf").get(0));
		}
		if (current.has("oneOf")) {
			return resolve(current.get("oneOf").get(0));
		}
		if (current.has("anyOf")) {
			for (JsonNode option : current.get("anyOf")) {
				if (!"null".equals(type(resolve(option)))) {
					return resolve(option);
				}
			}
		}
		return current;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode t : type) {
				if (!t.asString().equals("null")) {
					return t.asString();
				}
			}
			return "null";
		}
		if (type.isString()) {
			return type.asString();
		}
		return schema.has("properties") ? "object" : (schema.has("items") ? "array" : "string");
	}

	private JsonNode sample(JsonNode schema, String name, int depth) {
		JsonNode resolved = resolve(schema);
		if (resolved.has("enum") && !resolved.get("enum").isEmpty()) {
			return resolved.get("enum").get(0);
		}
		if (resolved.has("example") && !resolved.get("example").isNull()) {
			return resolved.get("example");
		}
		return switch (type(resolved)) {
			case "integer", "number" -> NODES.numberNode(1);
			case "boolean" -> NODES.booleanNode(true);
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				if (depth < 4) {
					array.add(sample(resolved.path("items"), name, depth + 1));
				}
				yield array;
			}
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				if (depth < 4) {
					Iterator<Map.Entry<String, JsonNode>> fields = resolved.path("properties").properties().iterator();
					while (fields.hasNext()) {
						Map.Entry<String, JsonNode> field = fields.next();
						object.set(field.getKey(), sample(field.getValue(), field.getKey(), depth + 1));
					}
				}
				yield object;
			}
			default -> NODES.stringNode(plausibleText(resolved.path("format").asString(""), name));
		};
	}

	private String plausibleText(String format, String name) {
		Instant monday = Clinic.aMondayAhead().plusWeeks(25).atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
		return switch (format) {
			case "uuid" -> this.ids.getOrDefault(name, UUID.randomUUID().toString());
			case "date-time" -> monday.toString();
			case "date" -> Clinic.aMondayAhead().plusWeeks(25).toString();
			case "email" -> Clinic.uniqueEmail("fuzz");
			default -> name.toLowerCase().contains("password") ? Clinic.PASSWORD : "text";
		};
	}

}
