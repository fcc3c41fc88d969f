package org.sparktherapy.audit;

/**
 * Writes the PHI access log. Who and from where are taken from the current request;
 * callers say what was accessed. Successful accesses join the caller's transaction (no
 * entry for a change that rolled back); refusals are written in their own transaction so
 * they stay even though the request fails.
 */
public interface AuditTrail {

	void success(PhiAccess access);

	/**
	 * Several successful accesses of one request (a list showing many children), written
	 * as one statement: one entry each, as if {@link #success} were called for each, in
	 * order.
	 */
	void successAll(java.util.Collection<PhiAccess> accesses);

	/**
	 * A refused attempt: {@code notFound} when the caller was told the record does not
	 * exist.
	 */
	void refused(PhiAccess access, boolean notFound);

}
