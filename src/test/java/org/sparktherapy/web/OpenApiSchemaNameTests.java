package org.sparktherapy.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.type.TypeFactory;
import fixtures.openapi.FirstController;
import fixtures.openapi.SecondController;
import fixtures.openapi.SeparatedController;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpEntity;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schema name of the OpenAPI document stands for one Java type. springdoc names a
 * schema after a record's simple name, so two records called {@code PreferencesRequest}
 * in two modules would share one schema and one endpoint would be documented (and typed
 * in the web app) with the other's body, silently (ADR 0026). This resolves the request
 * and response bodies of every controller with swagger-core's model resolver, as
 * springdoc does, and lists the names that more than one type ends up under. No Spring
 * context.
 *
 * <p>
 * {@link #SHARED} names the sharing that is known and harmless: records with the same
 * components, so one schema describes them all. It holds only while they stay alike.
 */
class OpenApiSchemaNameTests {

	/**
	 * Names deliberately shared by records that resolve to the same schema: who did
	 * something, by id and name, in programs, scheduling and sessions.
	 */
	static final Map<String, Set<String>> SHARED = Map.of("Person",
			Set.of("org.sparktherapy.programs.internal.Program$Person",
					"org.sparktherapy.scheduling.internal.appointments.Appointment$Person",
					"org.sparktherapy.sessions.internal.Session$Person"));

	private static final List<Class<?>> APPLICATION = controllers("org.sparktherapy");

	@Test
	void everySchemaNameOfTheApiStandsForOneJavaType() {
		Map<String, Set<String>> collisions = collisions(APPLICATION);
		collisions.keySet().removeIf(name -> collisions.get(name).equals(SHARED.get(name)));

		assertThat(collisions)
			.as("schema names shared by several Java types; give all but one a @Schema(name = \"...\") of its own")
			.isEmpty();
	}

	@Test
	void theTypesSharingANameResolveToOneSchema() {
		SHARED.forEach((name, types) -> assertThat(types.stream().map(type -> schema(name, type)).distinct().toList())
			.as("the types published as %s: %s", name, types)
			.hasSize(1)
			.doesNotContainNull());
	}

	@Test
	void twoRecordsOfOneSimpleNameAreFound() {
		Map<String, Set<String>> collisions = collisions(
				List.of(FirstController.class, SecondController.class, SeparatedController.class));

		assertThat(collisions).containsOnlyKeys("Body");
		assertThat(collisions.get("Body")).containsExactly(FirstController.Body.class.getName(),
				SecondController.Body.class.getName());
	}

	@Test
	void aRecordRenamedWithSchemaNameIsNotACollision() {
		assertThat(collisions(List.of(FirstController.class, SeparatedController.class))).isEmpty();
	}

	@Test
	void theControllersOfTheApplicationAreFound() {
		assertThat(APPLICATION).extracting(Class::getSimpleName)
			.contains("AppointmentController", "SessionController", "AuthorizationController");
	}

	/** The names that more than one Java type is published under, with those types. */
	static Map<String, Set<String>> collisions(List<Class<?>> controllers) {
		Map<String, Set<String>> collisions = new TreeMap<>();
		typesByName(controllers).forEach((name, types) -> {
			if (types.size() > 1) {
				collisions.put(name, types);
			}
		});
		return collisions;
	}

	/**
	 * Each component schema name the bodies of these controllers' handler methods give,
	 * with the Java types (generic ones in full) resolved to it.
	 */
	static Map<String, Set<String>> typesByName(List<Class<?>> controllers) {
		NameRecorder recorder = new NameRecorder();
		ModelConverters converters = new ModelConverters(true);
		converters.addConverter(recorder);
		Set<String> components = new TreeSet<>();
		for (Type body : bodies(controllers)) {
			components
				.addAll(converters.readAllAsResolvedSchema(new AnnotatedType(body).resolveAsRef(true)).referencedSchemas
					.keySet());
		}
		Map<String, Set<String>> typesByName = new TreeMap<>(recorder.typesByName);
		typesByName.keySet().retainAll(components);
		return typesByName;
	}

	/**
	 * The request and response bodies of the handler methods, as springdoc reads them.
	 */
	private static List<Type> bodies(List<Class<?>> controllers) {
		List<Type> bodies = new ArrayList<>();
		for (Class<?> controller : controllers) {
			for (Method method : controller.getDeclaredMethods()) {
				if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
					continue;
				}
				Type answer = unwrapped(method.getGenericReturnType());
				if (answer != void.class && answer != Void.class) {
					bodies.add(answer);
				}
				for (Parameter parameter : method.getParameters()) {
					if (parameter.isAnnotationPresent(RequestBody.class)) {
						bodies.add(unwrapped(parameter.getParameterizedType()));
					}
				}
			}
		}
		return bodies;
	}

	/** {@code ResponseEntity<T>} (and other entities) answer {@code T}. */
	private static Type unwrapped(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
				&& HttpEntity.class.isAssignableFrom(raw)) {
			return parameterized.getActualTypeArguments()[0];
		}
		return type;
	}

	/** The schema of this name that resolving the type alone defines. */
	private static Schema<?> schema(String name, String type) {
		return new ModelConverters(true).readAll(new AnnotatedType(ClassUtils.resolveClassName(type, null))).get(name);
	}

	static List<Class<?>> controllers(String basePackage) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		return scanner.findCandidateComponents(basePackage)
			.stream()
			.<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
			.toList();
	}

	/**
	 * First in swagger-core's chain of model converters: notes the name of every schema
	 * the chain resolves and the Java type behind it.
	 */
	private static final class NameRecorder implements ModelConverter {

		final Map<String, Set<String>> typesByName = new TreeMap<>();

		@Override
		public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
			Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
			String name = (schema != null) ? name(schema) : null;
			if (name != null) {
				this.typesByName.computeIfAbsent(name, n -> new TreeSet<>())
					.add(TypeFactory.defaultInstance().constructType(type.getType()).toCanonical());
			}
			return schema;
		}

		/**
		 * The schema's name; a type met again comes back as a reference to the schema
		 * defined first under its name, which is how a collision shows.
		 */
		private static String name(Schema<?> schema) {
			if (schema.get$ref() != null) {
				return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			}
			return schema.getName();
		}

	}

}
