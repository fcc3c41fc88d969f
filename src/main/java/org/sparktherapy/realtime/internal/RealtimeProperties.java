package org.sparktherapy.realtime.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Real-time settings ({@code spark.realtime.*}); the Redis address is
 * {@code spark.redis-url}.
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * @param retry the reconnection delay suggested to clients ({@code retry:})
 * @param retention how long live events are kept for replay by {@code Last-Event-ID}
 * @param ticketTtl how long a stream ticket may be used to open a stream
 * @param recheck how often each open stream re-checks its sign-in (sign-out,
 * deactivation) and re-reads the store (catching up anything a lost Redis message did not
 * announce)
 * @param housekeeping how often expired events are deleted
 * @param replayBatch the largest number of events read from the store at once
 * @param maxStreamLifetime the longest a stream stays open even when its credential lasts
 * longer
 * @param redisReconnectMax the longest wait between two attempts to reconnect to Redis
 * after the connection was lost (the waits grow from 100 ms up to this), so a node is
 * back on the relay within about this long after Redis is (ADR 0045)
 * @param recheckConcurrency how many streams the periodic re-check handles at once (each
 * takes a database connection for its sign-in check and its re-read): the round walks
 * through all streams this many at a time instead of all at once, which with thousands of
 * streams emptied the connection pool every {@code recheck} (ADR 0013)
 * @param reconnectSpreadRate how many streams per second the other nodes should have to
 * take over when this node stops: its streams end with reconnection hints spread over
 * {@code streams / rate} seconds after {@code retry}, so thousands of clients do not all
 * reconnect in the same second (ADR 0013)
 * @param reconnectSpreadMax the widest that spread gets, however many streams
 */
@ConfigurationProperties("spark.realtime")
record RealtimeProperties(@DefaultValue("20s") Duration heartbeat, @DefaultValue("3s") Duration retry,
		@DefaultValue("24h") Duration retention, @DefaultValue("60s") Duration ticketTtl,
		@DefaultValue("60s") Duration recheck, @DefaultValue("10m") Duration housekeeping,
		@DefaultValue("500") int replayBatch, @DefaultValue("1h") Duration maxStreamLifetime,
		@DefaultValue("2s") Duration redisReconnectMax, @DefaultValue("2") int recheckConcurrency,
		@DefaultValue("300") int reconnectSpreadRate, @DefaultValue("30s") Duration reconnectSpreadMax) {
}
