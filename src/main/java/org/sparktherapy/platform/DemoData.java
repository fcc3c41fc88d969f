package org.sparktherapy.platform;

/**
 * A module's part of the demo clinic ({@code demo} profile only). {@link DemoSeeding}
 * seeds every part in their {@code @Order} before the web server accepts a request, so
 * the first page anyone opens finds the whole clinic. A part seeds only what is missing:
 * a restart keeps the clinic as it was.
 */
public interface DemoData {

	/** Adds this part of the demo clinic unless it is there already. */
	void seed();

}
