import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Three ways to store a batch of events and learn which ids were new, each batch its own durable transaction on one
 * connection, against a scratch table shaped like {@code session_events}: {@code insert … select from unnest(arrays)
 * … returning id}, a multi-row {@code values … returning id}, and a JDBC batch of single-row inserts (whose update
 * counts say which rows were new). Prints events/s per shape and batch size.
 *
 * <pre>
 * java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar \
 *   benchmarks/ingest/InsertShapes.java jdbc:postgresql://127.0.0.1:5432/scratch postgres [rounds=3]
 * </pre>
 */
public class InsertShapes {

	static final String COLUMNS = "id, session_id, child_id, type, target_id, outcome, prompt_level, at, received_at";

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
		try (Connection c = DriverManager.getConnection(args[0], args[1], "")) {
			try (Statement s = c.createStatement()) {
				s.execute("drop table if exists bench_events");
				s.execute("""
						create table bench_events (id uuid primary key, session_id uuid not null, child_id uuid not null,
						    type text not null, target_id uuid, outcome text, prompt_level text, at timestamptz not null,
						    received_at timestamptz not null)""");
				s.execute("create index on bench_events (session_id, at)");
			}
			c.setAutoCommit(false);
			for (int round = 0; round < rounds; round++) {
				for (int size : new int[] { 20, 100 }) {
					int batches = 40_000 / size;
					for (String shape : List.of("unnest", "values", "jdbc-batch")) {
						long t0 = System.nanoTime();
						for (int b = 0; b < batches; b++) {
							List<UUID> ids = new ArrayList<>();
							for (int i = 0; i < size; i++) {
								ids.add(UUID.randomUUID());
							}
							int stored = switch (shape) {
								case "unnest" -> unnest(c, ids);
								case "values" -> values(c, ids);
								default -> jdbcBatch(c, ids);
							};
							c.commit();
							if (stored != size) {
								throw new IllegalStateException(shape + " stored " + stored);
							}
						}
						double s = (System.nanoTime() - t0) / 1e9;
						System.out.printf("round %d batch %3d %-10s %,8.0f events/s%n", round, size, shape,
								batches * size / s);
					}
				}
			}
		}
	}

	static int unnest(Connection c, List<UUID> ids) throws Exception {
		UUID session = UUID.randomUUID();
		String[] outcomes = new String[ids.size()];
		String[] prompts = new String[ids.size()];
		UUID[] targets = new UUID[ids.size()];
		String[] ats = new String[ids.size()];
		for (int i = 0; i < ids.size(); i++) {
			outcomes[i] = "correct";
			prompts[i] = "independent";
			targets[i] = session;
			ats[i] = Instant.now().toString();
		}
		try (PreparedStatement p = c.prepareStatement("insert into bench_events (" + COLUMNS + ") "
				+ "select e.id, ?, ?, 'trial', e.target, e.outcome, e.prompt, e.at, ? from unnest(cast(? as uuid[]), "
				+ "cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as timestamptz[])) "
				+ "as e(id, target, outcome, prompt, at) on conflict (id) do nothing returning id")) {
			p.setObject(1, session);
			p.setObject(2, session);
			p.setTimestamp(3, Timestamp.from(Instant.now()));
			p.setObject(4, ids.toArray(UUID[]::new));
			p.setObject(5, targets);
			p.setObject(6, outcomes);
			p.setObject(7, prompts);
			p.setObject(8, ats);
			return count(p.executeQuery());
		}
	}

	static int values(Connection c, List<UUID> ids) throws Exception {
		UUID session = UUID.randomUUID();
		StringBuilder sql = new StringBuilder("insert into bench_events (" + COLUMNS + ") values ");
		for (int i = 0; i < ids.size(); i++) {
			sql.append(i > 0 ? "," : "").append("(?, ?, ?, 'trial', ?, ?, ?, ?, ?)");
		}
		sql.append(" on conflict (id) do nothing returning id");
		try (PreparedStatement p = c.prepareStatement(sql.toString())) {
			int n = 1;
			Timestamp now = Timestamp.from(Instant.now());
			for (UUID id : ids) {
				p.setObject(n++, id);
				p.setObject(n++, session);
				p.setObject(n++, session);
				p.setObject(n++, session);
				p.setString(n++, "correct");
				p.setString(n++, "independent");
				p.setTimestamp(n++, now);
				p.setTimestamp(n++, now);
			}
			return count(p.executeQuery());
		}
	}

	static int jdbcBatch(Connection c, List<UUID> ids) throws Exception {
		UUID session = UUID.randomUUID();
		try (PreparedStatement p = c.prepareStatement("insert into bench_events (" + COLUMNS
				+ ") values (?, ?, ?, 'trial', ?, ?, ?, ?, ?) on conflict (id) do nothing")) {
			Timestamp now = Timestamp.from(Instant.now());
			for (UUID id : ids) {
				p.setObject(1, id);
				p.setObject(2, session);
				p.setObject(3, session);
				p.setObject(4, session);
				p.setString(5, "correct");
				p.setString(6, "independent");
				p.setTimestamp(7, now);
				p.setTimestamp(8, now);
				p.addBatch();
			}
			int stored = 0;
			for (int count : p.executeBatch()) {
				stored += count;
			}
			return stored;
		}
	}

	static int count(ResultSet rows) throws Exception {
		int n = 0;
		while (rows.next()) {
			n++;
		}
		return n;
	}

}
