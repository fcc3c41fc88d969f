package org.sparktherapy.billing.internal.x12;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic 835 (005010X221A1) written by hand, as a payer would send it: one EFT
 * paying three claims of the clinic — one paid in full (less the contractual write-off),
 * one partly paid with a deductible and coinsurance for the family, one denied for a
 * missing authorization — and an interest payment at provider level.
 */
final class Sample835 {

	private Sample835() {
	}

	/** The transaction's body, from BPR to the last segment before SE. */
	static List<String> body(String trace) {
		return List.of(
				// 180.00 (C-1001) + 80.00 (C-1002) + 0 (C-1003) + 2.50 interest = 262.50
				"BPR*I*262.5*C*ACH*CCP*01*071000013*DA*123456789*1512345678**01*071000013*DA*987654321*20261201",
				"TRN*1*" + trace + "*1512345678", "DTM*405*20261130", "N1*PR*BLUE VALLEY HEALTH PLAN", "N3*PO BOX 1000",
				"N4*CHICAGO*IL*60601", "REF*2U*BVHP1", "PER*BL*PROVIDER SERVICES*TE*8005550199",
				"N1*PE*BRIGHT STEPS ABA LLC*XX*1234567893", "N3*100 MAIN STREET", "N4*SPRINGFIELD*IL*62701",
				"REF*TJ*123456789", "LX*1",
				// paid: 97153 x8 billed 240, allowed 180, paid 180; CO-45 writes off 60
				"CLP*C-1001*1*240*180*0*12*PAYER-55501*12*1", "NM1*QC*1*CARTER*AVA****MI*XJH123456789",
				"NM1*IL*1*CARTER*DANA****MI*XJH123456789", "DTM*232*20261102", "SVC*HC:97153:HN*240*180**8",
				"DTM*472*20261102", "CAS*CO*45*60", "REF*6R*L-1", "AMT*B6*180",
				// partly paid: two lines, the family owes a 50 deductible, 15 coinsurance
				// and a 5 copay
				"CLP*C-1002*1*200*80*70*12*PAYER-55502*11*1", "NM1*QC*1*NUNEZ*LEO****MI*MCD998877",
				"SVC*HC:97151*100*30**4", "DTM*472*20261103", "CAS*PR*1*50", "CAS*CO*45*20", "REF*6R*L-3", "AMT*B6*80",
				"SVC*HC:97155:HO*100*50**2", "DTM*472*20261104", "CAS*PR*2*15**3*5", "CAS*CO*45*30", "REF*6R*L-4",
				"AMT*B6*70",
				// denied: no authorization, all of it a contractual adjustment
				"CLP*C-1003*4*175.5*0*0*12*PAYER-55503*12*1", "CAS*CO*197*175.5",
				"NM1*QC*1*CARTER*AVA****MI*XJH123456789", "SVC*HC:97153:HN*120*0**8", "DTM*472*20261105", "REF*6R*L-5",
				"SVC*HC:97155:HO*55.5*0**2", "DTM*472*20261105", "REF*6R*L-6",
				// interest paid to the provider (negative reduces nothing: it adds)
				"PLB*1234567893*20261231*L6:INTEREST*-2.5");
	}

	/**
	 * A whole interchange around {@code body}, with correct control numbers and counts.
	 */
	static byte[] file(String interchange, List<List<String>> transactions) {
		List<String> segments = new ArrayList<>();
		segments.add("ISA*00*          *00*          *ZZ*BVHP1          *ZZ*BRIGHTSTEPS01  *261201*0930*^*00501*"
				+ interchange + "*0*P*:");
		segments.add("GS*HP*BVHP1*BRIGHTSTEPS01*20261201*0930*7001*X*005010X221A1");
		int number = 0;
		for (List<String> body : transactions) {
			String control = String.format("%04d", ++number);
			segments.add("ST*835*" + control + "*005010X221A1");
			segments.addAll(body);
			segments.add("SE*" + (body.size() + 2) + "*" + control);
		}
		segments.add("GE*" + transactions.size() + "*7001");
		segments.add("IEA*1*" + interchange);
		return (String.join("~\n", segments) + "~\n").getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] file(String trace) {
		return file("000007001", List.of(body(trace)));
	}

}
