package org.sparktherapy.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;

/**
 * An audit trail for tests that build a service by hand (the statement-count pins): it
 * keeps the successful accesses, in order, in the given list, and fails the test on a
 * refusal, which those tests never expect.
 */
public final class RecordingAuditTrail implements AuditTrail {

	private final List<PhiAccess> audited;

	public RecordingAuditTrail(List<PhiAccess> audited) {
		this.audited = audited;
	}

	@Override
	public void success(PhiAccess access) {
		this.audited.add(access);
	}

	@Override
	public void successAll(Collection<PhiAccess> accesses) {
		this.audited.addAll(new ArrayList<>(accesses));
	}

	@Override
	public void refused(PhiAccess access, boolean notFound) {
		throw new AssertionError("refused: " + access);
	}

}
