package org.sparktherapy.platform.problem;

/**
 * The change met another one on the same records at the same moment and lost, even after
 * being tried again (a database deadlock or serialization failure): nothing of it was
 * saved, and sending it again is safe.
 */
public class ConcurrentChange extends Problem {

	public ConcurrentChange() {
		super(Kind.CONFLICT, "concurrent-change", "Concurrent change",
				"Someone else changed the same records at the same moment; nothing was saved. Try again.");
	}

	@Override
	public java.util.Map<String, String> headers() {
		return java.util.Map.of("Retry-After", "1");
	}

}
