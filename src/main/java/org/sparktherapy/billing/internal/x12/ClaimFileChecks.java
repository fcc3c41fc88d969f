package org.sparktherapy.billing.internal.x12;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sparktherapy.billing.internal.x12.X12Document.Finding;
import org.sparktherapy.billing.internal.x12.X12Document.Segment;

/** The 837P rules a StAEDI schema cannot express. */
final class ClaimFileChecks {

	private ClaimFileChecks() {
	}

	static List<Finding> check(X12Document document) {
		List<Finding> findings = new ArrayList<>();
		versions(document, findings);
		hierarchy(document, findings);
		totals(document, findings);
		claimsUnderLeaves(document, findings);
		return findings;
	}

	private static void versions(X12Document document, List<Finding> findings) {
		for (Segment gs : document.all("GS")) {
			if (!"HC".equals(gs.element(1)) || !ClaimFileWriter.VERSION.equals(gs.element(8))) {
				findings.add(finding("GS_NOT_837P", gs, 8));
			}
		}
		for (Segment st : document.all("ST")) {
			if (!"837".equals(st.element(1)) || !ClaimFileWriter.VERSION.equals(st.element(3))) {
				findings.add(finding("ST_NOT_837P", st, 3));
			}
		}
	}

	private static void hierarchy(X12Document document, List<Finding> findings) {
		Set<String> ids = new HashSet<>();
		Map<String, Segment> declaresChildren = new HashMap<>();
		Set<String> parents = new HashSet<>();
		for (Segment hl : document.all("HL")) {
			String id = hl.element(1);
			String parent = hl.element(2);
			if (!ids.add(id)) {
				findings.add(finding("HL_ID_REPEATED", hl, 1));
			}
			if (!parent.isEmpty()) {
				if (!ids.contains(parent) || parent.equals(id)) {
					findings.add(finding("HL_PARENT_UNKNOWN", hl, 2));
				}
				parents.add(parent);
			}
			if ("1".equals(hl.element(4))) {
				declaresChildren.put(id, hl);
			}
			else if (!"0".equals(hl.element(4))) {
				findings.add(finding("HL_CHILD_CODE_MISSING", hl, 4));
			}
		}
		for (Map.Entry<String, Segment> entry : declaresChildren.entrySet()) {
			if (!parents.contains(entry.getKey())) {
				findings.add(finding("HL_CHILD_MISSING", entry.getValue(), 4));
			}
		}
		for (Segment hl : document.all("HL")) {
			if ("0".equals(hl.element(4)) && parents.contains(hl.element(1))) {
				findings.add(finding("HL_CHILD_NOT_DECLARED", hl, 4));
			}
		}
	}

	private static void totals(X12Document document, List<Finding> findings) {
		Segment claim = null;
		BigDecimal lines = BigDecimal.ZERO;
		for (Segment segment : document.segments()) {
			switch (segment.tag()) {
				case "CLM" -> {
					checkTotal(claim, lines, findings);
					claim = segment;
					lines = BigDecimal.ZERO;
				}
				case "SV1" -> lines = lines.add(decimal(segment.element(2)));
				case "HL", "SE" -> {
					checkTotal(claim, lines, findings);
					claim = null;
					lines = BigDecimal.ZERO;
				}
				default -> {
				}
			}
		}
	}

	/**
	 * A subscriber or patient level without children carries at least one claim; the
	 * billing provider level carries none.
	 */
	private static void claimsUnderLeaves(X12Document document, List<Finding> findings) {
		Segment level = null;
		boolean claimSeen = false;
		for (Segment segment : document.segments()) {
			if (segment.tag().equals("HL") || segment.tag().equals("SE")) {
				if (level != null && "0".equals(level.element(4)) && !"20".equals(level.element(3)) && !claimSeen) {
					findings.add(finding("HL_WITHOUT_CLAIM", level, 1));
				}
				level = segment.tag().equals("HL") ? segment : null;
				claimSeen = false;
			}
			else if (segment.tag().equals("CLM")) {
				if (level == null || "20".equals(level.element(3)) || "1".equals(level.element(4))) {
					findings.add(finding("CLAIM_NOT_UNDER_PATIENT", segment, 1));
				}
				claimSeen = true;
			}
		}
	}

	private static void checkTotal(Segment claim, BigDecimal lines, List<Finding> findings) {
		if (claim != null && decimal(claim.element(2)).compareTo(lines) != 0) {
			findings.add(finding("CLAIM_TOTAL_NOT_SUM_OF_LINES", claim, 2));
		}
	}

	private static BigDecimal decimal(String value) {
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return BigDecimal.ZERO;
		}
	}

	private static Finding finding(String error, Segment segment, int element) {
		return new Finding(error, segment.tag(), 0, element, 0, segment.loop());
	}

}
