package org.sparktherapy.platform;

import java.net.http.HttpRequest;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

@IntegrationTest
class PlatformIntegrationTests {

	@LocalServerPort
	int port;

	/** Metrics and the API docs: a port of their own, which NGINX never proxies. */
	@LocalManagementPort
	int managementPort;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void healthIsUpWhileTheDatabaseAnswers() {
		Api.Response health = this.api.get("/api/health", "Accept", "application/json");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json()).isEqualTo(Api.JSON.readTree("{\"status\":\"UP\"}"));
	}

	@Test
	void metricsArePrometheusTextWithRouteTimingsJvmAndPool() {
		this.api.get("/api/health");
		this.api.post("/api/auth/login", body("email", "nobody@example.org", "password", "wrong-password"));

		Api.Response metrics = new Api(this.managementPort).get("/metrics", "Accept", "text/plain");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.contentType()).startsWith("text/plain");
		assertThat(metrics.text()).contains("http_server_requests_seconds_bucket")
			.containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*uri=\"/api/auth/login\"")
			.contains("jvm_memory_used_bytes")
			.contains("hikaricp_connections_active");
	}

	@Test
	void theSecurityFiltersAreNotObservedOneByOne() {
		this.api.get("/api/children", "Authorization", "Bearer not-a-token");

		Api.Response metrics = new Api(this.managementPort).get("/metrics", "Accept", "text/plain");

		// per-request CPU (ADR 0048): the request is timed, its security filters are not
		// each observed
		assertThat(metrics.text()).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"")
			.doesNotContain("spring_security_filterchains");
	}

	@Test
	void authenticationsAndAuthorizationsAreNotObservedByTheSecurityFilters() {
		Clinic.Person admin = new Clinic(this.port).rootAdmin();
		assertThat(admin.api().get("/api/children").status()).isEqualTo(200);
		assertThat(this.api.get("/api/children", "Authorization", "Bearer not-a-token").status()).isEqualTo(401);

		Api.Response metrics = new Api(this.managementPort).get("/metrics", "Accept", "text/plain");

		// per-request CPU (ADR 0048, session 14): the request is timed; Spring Security's
		// observations of each authentication and authorization are not recorded, and no
		// long-task timer runs beside each request's timer
		assertThat(metrics.text())
			.containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/children\"")
			.doesNotContain("spring_security_authentications")
			.doesNotContain("spring_security_authorizations")
			.as("no long-task timer per request")
			.doesNotContain("http_server_requests_active");
	}

	@Test
	void metricsAndTheApiDocsAreNotOnThePublicPort() {
		Clinic.Person admin = new Clinic(this.port).rootAdmin();

		assertThat(this.api.get("/metrics", "Accept", "text/plain").text()).doesNotContain("jvm_memory_used_bytes");
		assertThat(this.api.get("/api/openapi.json").status()).isEqualTo(401);
		assertThat(admin.api().get("/api/openapi.json").status()).isEqualTo(404);
		assertThat(admin.api().get("/api/docs").status()).isEqualTo(404);
		assertThat(admin.api().get("/api/swagger-ui/index.html").status()).isEqualTo(404);
		assertThat(this.api.get("/openapi", "Accept", "application/json").text()).doesNotContain("\"openapi\"");
		assertThat(this.api.get("/swagger-ui/swagger-config").status()).isEqualTo(404);
		assertThat(this.api.get("/api/health").status()).as("health stays public").isEqualTo(200);
	}

	@Test
	void everyResponseCarriesARequestId() {
		Api.Response generated = this.api.get("/api/health");
		Api.Response echoed = this.api.get("/api/health", "X-Request-Id", "proxy-abc-123");
		Api.Response unsafe = this.api.get("/api/health", "X-Request-Id", "evil\tid<script>");

		assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
		assertThat(echoed.header("X-Request-Id")).isEqualTo("proxy-abc-123");
		assertThat(unsafe.header("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

	@Test
	void problemsCarryTheRequestIdAsTraceId() {
		Api.Response problem = this.api.get("/api/users", "X-Request-Id", "trace-me-42");

		assertThat(problem.at("/traceId")).isEqualTo("trace-me-42");
	}

	@Test
	void errorsRaisedBeforeAnyControllerAreProblemsWithTheRequestId() {
		// Spring Security's firewall refuses the empty path segment; the servlet
		// container's error page answers
		Api.Response refused = this.api.get("/api/claim-batches//anything", "X-Request-Id", "firewall-42");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.at("/type")).isEqualTo("https://sparktherapy.org/problems/bad-request");
		assertThat(refused.at("/traceId")).isEqualTo("firewall-42");
		assertThat(refused.header("X-Request-Id")).isEqualTo("firewall-42");
	}

	@Test
	void requestsTheServerRefusesBeforeTheAppAreProblemsAndTheConnectionsNextRequestIsServed() {
		// Jetty refuses these itself (ADR 0052): a request line or a header above the
		// 8 KB limit, a path its URI compliance calls ambiguous
		Api.Response longLine = this.api.get("/api/children/" + "x".repeat(10_000), "X-Request-Id", "long-line-1");
		Api.Response afterLongLine = this.api.get("/api/health");
		Api.Response bigHeader = this.api.get("/api/health", "X-Padding", "y".repeat(10_000));
		Api.Response afterBigHeader = this.api.get("/api/health");
		Api.Response ambiguous = this.api.get("/api/children/%2e%2e/x", "X-Request-Id", "ambiguous-1");
		Api.Response afterAmbiguous = this.api.get("/api/health");

		assertThat(longLine.status()).isEqualTo(414);
		assertThat(longLine.contentType()).startsWith("application/problem+json");
		assertThat(longLine.at("/type")).startsWith("https://sparktherapy.org/problems/");
		assertThat(longLine.at("/traceId")).isEqualTo(longLine.header("X-Request-Id")).isNotBlank();
		assertThat(bigHeader.status()).isEqualTo(431);
		assertThat(bigHeader.contentType()).startsWith("application/problem+json");
		assertThat(ambiguous.status()).isEqualTo(400);
		assertThat(ambiguous.contentType()).startsWith("application/problem+json");
		assertThat(ambiguous.at("/type")).isEqualTo("https://sparktherapy.org/problems/bad-request");
		assertThat(ambiguous.at("/traceId")).isEqualTo("ambiguous-1");
		assertThat(ambiguous.header("X-Request-Id")).isEqualTo("ambiguous-1");
		assertThat(afterLongLine.status()).isEqualTo(200);
		assertThat(afterBigHeader.status()).isEqualTo(200);
		assertThat(afterAmbiguous.status()).isEqualTo(200);
	}

	@Test
	void requestsRefusedBeforeAnyControllerAreCountedUnderTheirRoute() {
		this.api.get("/api/children/" + java.util.UUID.randomUUID(), "Authorization", "Bearer not-a-token");

		Api.Response metrics = new Api(this.managementPort).get("/metrics", "Accept", "text/plain");

		assertThat(metrics.text()).containsPattern(
				"http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*uri=\"/api/children/\\{id}\"");
	}

	@Test
	void securityHeadersAreSetByTheAppItself() {
		Api.Response response = this.api.get("/api/health");

		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.header("X-XSS-Protection")).isEqualTo("1; mode=block");
		assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("object-src 'none'")
			.contains("frame-ancestors 'none'")
			.contains("style-src 'self';")
			.doesNotContain("unsafe-inline");
	}

	@Test
	void malformedJsonIsABadRequestNeverAServerError() {
		Api.Response response = this.api.post("/api/auth/login", "{\"email\": \"a@b.c\", ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.at("/type")).isEqualTo("https://sparktherapy.org/problems/malformed-body");
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void wrongTypesAreNamedByPointer() {
		Api.Response response = this.api.post("/api/auth/login", body("email", java.util.List.of(1), "password", "x"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/errors/0/pointer")).isEqualTo("/email");
	}

	@Test
	void missingBodyIsABadRequest() {
		Api.Response response = this.api.send("POST", "/api/auth/login", null, "Content-Type", "application/json");

		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void unsupportedMediaTypeIsAProblem() {
		Api.Response response = this.api.sendRaw("POST", "/api/auth/login",
				HttpRequest.BodyPublishers.ofString("email=x"), "Content-Type", "text/plain");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void theApiSpeaksJsonOnlyNotYamlThroughASecondJacksonOnTheClasspath() {
		// swagger-core brings Jackson 2's YAML support; Spring would register it as a
		// converter, so
		// a YAML body would be read with Jackson 2's defaults (unknown fields ignored, no
		// invisible-
		// character checks) and answers could be YAML
		Api.Response yamlBody = this.api.sendRaw("POST", "/api/auth/login",
				HttpRequest.BodyPublishers.ofString("email: a@b.c\npassword: x\nextra: 1\n"), "Content-Type",
				"application/yaml");
		Api.Response yamlAnswer = this.api.get("/api/health", "Accept", "application/yaml");

		assertThat(yamlBody.status()).as(yamlBody.text()).isEqualTo(415);
		assertThat(yamlBody.contentType()).startsWith("application/problem+json");
		assertThat(yamlAnswer.status()).isIn(200, 406);
		assertThat(yamlAnswer.contentType()).doesNotContain("yaml");
	}

	@Test
	void oversizedBodiesAreRefusedWith413() {
		String huge = "{\"email\":\"" + "a".repeat(2_000_000) + "\",\"password\":\"x\"}";

		Api.Response declared = this.api.sendRaw("POST", "/api/auth/login", HttpRequest.BodyPublishers.ofString(huge));
		Api.Response chunked = this.api.sendRaw("POST", "/api/auth/login",
				HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())));

		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.contentType()).startsWith("application/problem+json");
		assertThat(chunked.status()).as(chunked.text()).isEqualTo(413);
		assertThat(chunked.at("/type")).isEqualTo("https://sparktherapy.org/problems/body-too-large");
	}

	@Test
	void unknownApiPathsAreProblemsNotTheWebApp() {
		Clinic.Person admin = new Clinic(this.port).rootAdmin();

		Api.Response response = admin.api().get("/api/no-such-thing");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(admin.api().delete("/api/auth/profile").status()).isEqualTo(405);
	}

	@Test
	void openApiDocumentDescribesEveryApiRoute() {
		Api.Response document = new Api(this.managementPort).get("/openapi");

		assertThat(document.status()).isEqualTo(200);
		JsonNode openapi = document.json();
		assertThat(openapi.get("openapi").asString()).startsWith("3.1");
		Set<String> documented = new TreeSet<>();
		openapi.get("paths")
			.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(method -> documented.add(method.getKey().toUpperCase() + " " + path.getKey())));
		Set<String> registered = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getPathPatternsCondition() == null) {
				return;
			}
			info.getPathPatternsCondition()
				.getPatternValues()
				.stream()
				.filter(p -> p.startsWith("/api/"))
				.forEach(path -> info.getMethodsCondition()
					.getMethods()
					.forEach(m -> registered.add(m.name() + " " + path)));
		});
		registered.removeIf(route -> route.contains("/api/openapi.json") || route.contains("/api/docs")
				|| route.contains("swagger"));
		assertThat(registered).isNotEmpty();
		assertThat(documented).containsAll(registered);
		assertThat(openapi.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
	}

	@Test
	void browsableApiDocsAreServed() {
		Api management = new Api(this.managementPort);
		Api.Response docs = management.get("/swagger-ui");
		Api.Response ui = management.get("/swagger-ui/index.html");

		assertThat(docs.status()).isEqualTo(302);
		assertThat(docs.header("Location")).endsWith("/swagger-ui/index.html");
		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.text()).contains("swagger-ui");
	}

}
