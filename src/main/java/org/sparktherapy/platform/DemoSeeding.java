package org.sparktherapy.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo clinic ({@link DemoData}, in order) as the last step before the web
 * server opens its port: the application runners that used to seed it ran after the port
 * was open, so the sign-in page answered while the demo accounts did not exist yet. A
 * part that fails stops the start.
 */
@Component
@Profile("demo")
class DemoSeeding implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

	private final ObjectProvider<DemoData> parts;

	private volatile boolean running;

	DemoSeeding(ObjectProvider<DemoData> parts) {
		this.parts = parts;
	}

	@Override
	public void start() {
		long started = System.nanoTime();
		this.parts.orderedStream().forEach(DemoData::seed);
		log.info("Demo clinic seeded in {} ms", (System.nanoTime() - started) / 1_000_000);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Just before the web server starts (lifecycles start in ascending phases). */
	@Override
	public int getPhase() {
		return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
	}

}
