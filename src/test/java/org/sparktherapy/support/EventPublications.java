package org.sparktherapy.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Waits for the asynchronous module listeners (Spring Modulith's event publication
 * registry): a publication is stored with the transaction that raised the event and
 * completed when its listener has run. A test that counts what listeners produce waits
 * here first, so events raised by its own set-up do not land in the middle of its counts.
 *
 * <p>
 * The database is shared by every test class of a run: name what the test's own events
 * carry ({@code about}, e.g. its child's id) so that another class's publication cannot
 * hold it up. A publication whose listener failed fails the wait at once, naming the
 * listener, rather than after the timeout (the registry would only retry it minutes
 * later).
 */
public final class EventPublications {

	private EventPublications() {
	}

	/**
	 * Waits until no publication of events whose type ends with {@code simpleName} (and
	 * whose serialized event contains every one of {@code about}, when given) is still
	 * incomplete.
	 */
	public static void awaitDelivered(JdbcClient jdbc, String simpleName, Object... about) {
		List<String> fragments = Arrays.stream(about).map(String::valueOf).toList();
		StringBuilder where = new StringBuilder("completion_date is null and event_type like :type");
		for (int i = 0; i < fragments.size(); i++) {
			where.append(" and strpos(serialized_event, :about").append(i).append(") > 0");
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			JdbcClient.StatementSpec query = jdbc
				.sql("select listener_id, status, completion_attempts from event_publication where " + where)
				.param("type", "%." + simpleName);
			for (int i = 0; i < fragments.size(); i++) {
				query = query.param("about" + i, fragments.get(i));
			}
			List<String> open = query
				.query((row, n) -> row.getString("listener_id") + " (" + row.getString("status") + ", attempts "
						+ row.getInt("completion_attempts") + ")")
				.list();
			List<String> failed = open.stream().filter(line -> line.contains("(FAILED")).toList();
			if (!failed.isEmpty()) {
				fail("A listener of " + simpleName + " failed: " + failed.stream().collect(Collectors.joining(", "))
						+ " — see the log for its exception");
			}
			return open.isEmpty();
		});
	}

}
