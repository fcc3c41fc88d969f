package org.sparktherapy.platform.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document at {@code /api/openapi.json} (browsable at {@code /api/docs}).
 * Every operation needs a bearer token unless it says otherwise. The web app's API types
 * are generated from this document (ADR 0026).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI sparkOpenApi() {
		return new OpenAPI()
			.info(new Info().title("SPARKTherapy API")
				.version("v1")
				.description("Practice platform for ABA therapy clinics. Errors are RFC 9457 problem details "
						+ "(application/problem+json). Lists are paged: {content, page}. Sign in with "
						+ "POST /api/auth/login and send the access token as 'Authorization: Bearer <token>'.")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.components(new Components().addSecuritySchemes("bearerAuth",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
	}

	/**
	 * Response bodies list every property as required: the server always writes every
	 * component of a response record, {@code null} included, so a client may rely on the
	 * key being there (a property that may be {@code null} says so with
	 * {@code @Nullable}). Schemas that are also read from requests keep what their
	 * validation says, since a client may leave their optional properties out.
	 */
	@Bean
	OpenApiCustomizer responsePropertiesAreRequired() {
		return openApi -> {
			if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
				return;
			}
			Map<String, Schema> schemas = openApi.getComponents().getSchemas();
			// swagger-core marks the referenced schema itself as "null" when it first
			// meets it
			// through a @Nullable component; the property says "or null" instead (below)
			schemas.values().forEach(schema -> {
				if (schema.getProperties() != null && schema.getTypes() != null && schema.getTypes().contains("null")) {
					schema.setTypes(new java.util.LinkedHashSet<>(List.of("object")));
					schema.setType("object");
				}
			});
			Set<String> read = new HashSet<>();
			Set<String> written = new HashSet<>();
			if (openApi.getPaths() != null) {
				openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
					if (operation.getRequestBody() != null) {
						reachable(operation.getRequestBody().getContent(), schemas, read);
					}
					responses(operation).forEach(content -> reachable(content, schemas, written));
				}));
			}
			written.removeAll(read);
			written.forEach(name -> {
				Schema<?> schema = schemas.get(name);
				if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
					schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
				}
			});
		};
	}

	/**
	 * {@code @Nullable} on a component whose type is another schema: swagger-core marks
	 * plain properties nullable but drops it beside a {@code $ref}, so the reference
	 * becomes "that schema or null" (as springdoc does for Kotlin's nullable types).
	 */
	@Bean
	PropertyCustomizer nullableReferences() {
		return (property, type) -> {
			boolean nullable = type.getCtxAnnotations() != null && Arrays.stream(type.getCtxAnnotations())
				.anyMatch(annotation -> annotation.annotationType().getSimpleName().equals("Nullable"));
			if (property == null || property.get$ref() == null || !nullable) {
				return property;
			}
			Schema<?> reference = new Schema<>().specVersion(SpecVersion.V31).$ref(property.get$ref());
			Schema<?> none = new Schema<>().specVersion(SpecVersion.V31);
			none.addType("null");
			return new Schema<>().specVersion(SpecVersion.V31).oneOf(List.of(reference, none));
		};
	}

	@SuppressWarnings("rawtypes")
	private static List<Schema> nullToEmpty(List<Schema> schemas) {
		return (schemas != null) ? schemas : List.of();
	}

	private static Iterable<Content> responses(Operation operation) {
		return (operation.getResponses() != null) ? operation.getResponses()
			.values()
			.stream()
			.map(response -> response.getContent())
			.filter(content -> content != null)
			.toList() : List.of();
	}

	/** Adds the names of the component schemas this content refers to, transitively. */
	@SuppressWarnings("rawtypes")
	private static void reachable(Content content, Map<String, Schema> schemas, Set<String> names) {
		if (content == null) {
			return;
		}
		Deque<Schema<?>> todo = new ArrayDeque<>();
		content.values().forEach(media -> {
			if (media.getSchema() != null) {
				todo.add(media.getSchema());
			}
		});
		while (!todo.isEmpty()) {
			Schema<?> schema = todo.pop();
			String ref = schema.get$ref();
			if (ref != null) {
				String name = ref.substring(ref.lastIndexOf('/') + 1);
				if (names.add(name) && schemas.containsKey(name)) {
					todo.add(schemas.get(name));
				}
				continue;
			}
			if (schema.getProperties() != null) {
				schema.getProperties().values().forEach(property -> todo.add((Schema<?>) property));
			}
			if (schema.getItems() != null) {
				todo.add(schema.getItems());
			}
			if (schema.getAdditionalProperties() instanceof Schema<?> values) {
				todo.add(values);
			}
			for (List<Schema> composed : List.of(nullToEmpty(schema.getAllOf()), nullToEmpty(schema.getAnyOf()),
					nullToEmpty(schema.getOneOf()))) {
				composed.forEach(part -> todo.add((Schema<?>) part));
			}
		}
	}

}
