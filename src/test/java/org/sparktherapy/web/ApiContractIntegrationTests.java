package org.sparktherapy.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAPI document the server serves is the one committed as
 * {@code web/openapi.json}, from which the web app's API types
 * ({@code web/src/types/api.ts}) are generated (ADR 0026). When an API change makes this
 * test fail, rewrite the file and regenerate the types with {@code npm run api:update} in
 * {@code web/} (it runs this test with {@code -Dspark.updateOpenApi=true}, then
 * {@code npm run api:generate}).
 */
@IntegrationTest
class ApiContractIntegrationTests {

	static final Path COMMITTED = Path.of("web", "openapi.json");

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@LocalManagementPort
	int managementPort;

	@Test
	void theWebAppIsBuiltAgainstTheOpenApiDocumentTheServerServes() throws IOException {
		JsonNode served = canonical(new Api(this.managementPort).get("/openapi").json());

		if (Boolean.getBoolean("spark.updateOpenApi")) {
			Files.writeString(COMMITTED, PRETTY.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
			return;
		}
		if (!Files.exists(COMMITTED)) {
			fail(COMMITTED + " is missing. " + HOW_TO_UPDATE);
		}
		JsonNode committed = canonical(Api.JSON.readTree(Files.readString(COMMITTED)));
		List<String> differences = new ArrayList<>();
		differences("", committed, served, differences);
		assertThat(differences)
			.as("%s differs from the document the management port serves at /openapi, at these JSON pointers (first 20 shown). %s",
					COMMITTED, HOW_TO_UPDATE)
			.isEmpty();
	}

	private static final String HOW_TO_UPDATE = "Update it and the generated web types with `npm run api:update` "
			+ "in web/ (or: ./mvnw -B -DskipWeb test -Dtest=ApiContractIntegrationTests -Dspark.updateOpenApi=true"
			+ " && cd web && npm run api:generate), then review and commit both files.";

	/**
	 * The document without what depends on how it was fetched: the generated server URL
	 * names the random test port. Object keys sorted, so the file diffs well.
	 */
	private static JsonNode canonical(JsonNode document) {
		JsonNode sorted = sorted(document);
		((ObjectNode) sorted).remove("servers");
		return sorted;
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			new TreeSet<>(node.propertyNames()).forEach(name -> copy.set(name, sorted(node.get(name))));
			return copy;
		}
		if (node.isArray()) {
			var copy = JsonNodeFactory.instance.arrayNode();
			node.values().forEach(value -> copy.add(sorted(value)));
			return copy;
		}
		return node;
	}

	private static void differences(String pointer, JsonNode committed, JsonNode served, List<String> found) {
		if (found.size() >= 20 || committed.equals(served)) {
			return;
		}
		if (committed.isObject() && served.isObject()) {
			TreeSet<String> names = new TreeSet<>(committed.propertyNames());
			names.addAll(served.propertyNames());
			for (String name : names) {
				String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
				if (!committed.has(name)) {
					found.add(at + " (only served)");
				}
				else if (!served.has(name)) {
					found.add(at + " (only committed)");
				}
				else {
					differences(at, committed.get(name), served.get(name), found);
				}
			}
			return;
		}
		if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
			Iterator<JsonNode> left = committed.values().iterator();
			Iterator<JsonNode> right = served.values().iterator();
			for (int i = 0; left.hasNext(); i++) {
				differences(pointer + "/" + i, left.next(), right.next(), found);
			}
			return;
		}
		found.add(pointer);
	}

}
