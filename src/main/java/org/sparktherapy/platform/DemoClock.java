package org.sparktherapy.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The clock of the demo clinic: the system clock, except while the demo data is being
 * seeded, when the seeders set it to the past and walk it forward day by day — so weeks
 * of sessions, submissions and automatic phase changes get realistic dates through the
 * same services as real use. Only the {@code demo} profile has it.
 */
public final class DemoClock extends Clock {

	private final Clock system = Clock.systemUTC();

	private volatile Instant fixed;

	/** From now on, and until {@link #release()}, the time is {@code instant}. */
	public void set(Instant instant) {
		this.fixed = instant;
	}

	/**
	 * Seeds demo data once: when {@code clock} is the demo clinic's clock and
	 * {@code alreadySeeded} says no, runs {@code seed} with it, then returns the clock to
	 * the real time whatever happened. Outside the demo profile it does nothing.
	 */
	public static void seedOnce(Clock clock, BooleanSupplier alreadySeeded, Consumer<DemoClock> seed) {
		if (!(clock instanceof DemoClock demoClock)) {
			return;
		}
		try {
			if (!alreadySeeded.getAsBoolean()) {
				seed.accept(demoClock);
			}
		}
		finally {
			demoClock.release();
		}
	}

	/** Back to the real time. */
	public void release() {
		this.fixed = null;
	}

	@Override
	public Instant instant() {
		Instant now = this.fixed;
		return (now != null) ? now : this.system.instant();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

}
