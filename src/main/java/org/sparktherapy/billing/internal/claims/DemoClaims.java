package org.sparktherapy.billing.internal.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.DemoData;
import org.sparktherapy.platform.problem.Problem;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's claims and remittances ({@code demo} profile), after its charges: the
 * demo admin builds one claim batch of the insurer with the most ready charges, exports
 * its 837P file and marks it submitted; then the payer's answer, an X12 835 built here,
 * is imported through the same service as {@code POST /api/remittances}: the first claim
 * paid in full; the second's first line paid but for a 20 % coinsurance (the family
 * share, group PR, which reaches the family ledger) and its other lines denied (CO 197,
 * no precertification); a third claim, when there is one, denied as a whole. Any other
 * claims of the batch stay submitted. Before the batch, the billing office completes what
 * the 837P takes from its settings: the clinic's submitter id at its clearinghouse
 * ({@code SPARKDEMO}, the receiver of the demo 835) and Medicaid's claim filing indicator
 * ({@code MC}). The children's sex and home address come from their records (demo
 * children). Seeded once: a clinic with a claim batch is left alone.
 */
@Component
@Profile("demo")
@Order(58)
class DemoClaims implements DemoData {

	private static final Logger logger = LoggerFactory.getLogger(DemoClaims.class);

	private static final String ADMIN = "admin@demo.sparktherapy.org";

	/** The demo payment's trace number (TRN02). */
	static final String TRACE = "DEMO-EFT-0001";

	private static final DateTimeFormatter X12_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final ClaimService claims;

	private final RemittanceService remittances;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	DemoClaims(ClaimService claims, RemittanceService remittances, Accounts accounts, JdbcClient jdbc) {
		this.claims = claims;
		this.remittances = remittances;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public void seed() {
		AccountSummary account = this.accounts.findByEmail(ADMIN).orElse(null);
		boolean seeded = this.jdbc.sql("select exists (select 1 from claim_batches)").query(Boolean.class).single();
		if (account == null || seeded) {
			return;
		}
		CurrentUser admin = new CurrentUser(account.id(), account.role(), account.name(), null);
		admin.runAs(() -> seed(admin));
	}

	private void seed(CurrentUser admin) {
		UUID payerId = this.jdbc.sql("""
				select p.id from payers p join charges c on c.payer_id = p.id
				where p.kind = 'insurance' and c.status = 'ready' and c.coverage_id is not null
				group by p.id, p.name order by count(*) desc, p.name limit 1""")
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (payerId == null) {
			logger.warn("Demo claims: no insurer has ready charges; no claim batch seeded");
			return;
		}
		// the demo charges' settings and payers predate these two fields (V30)
		this.jdbc.sql("update billing_settings set submitter_id = 'SPARKDEMO', version = version + 1 where id = 1")
			.update();
		this.jdbc
			.sql("update payers set claim_filing_indicator = 'MC', version = version + 1 where x12_payer_id = 'ILMCD'")
			.update();
		ClaimService.BatchDetail batch = this.claims.createBatch(admin, payerId, null);
		UUID batchId = batch.batch().id();
		try {
			this.claims.export(admin, batchId);
		}
		catch (Problem ex) {
			// the seeding goes on (a demo with a refused file still shows the claims),
			// but
			// DemoClinicIntegrationTests fails on a batch that was never exported
			logger.warn("Demo claims: the 837P file of the demo batch was refused: {}", ex.getMessage());
		}
		this.claims.markSubmitted(admin, batchId);
		List<Claims.Claim> submitted = batch.claims()
			.stream()
			.sorted(Comparator.comparing(Claims.Claim::claimNumber))
			.toList();
		String payerCode = this.jdbc.sql("select coalesce(x12_payer_id, 'DEMO') from payers where id = :id")
			.param("id", payerId)
			.query(String.class)
			.single();
		List<ClaimService.ClaimDetail> answered = submitted.stream()
			.limit(3)
			.map((claim) -> this.claims.claim(admin, claim.id()))
			.toList();
		this.remittances.importFile(admin, remittance(batch.batch().payerName(), payerCode, answered, LocalDate.now()),
				false);
	}

	/**
	 * The payer's 835: claim 1 paid; claim 2's first line paid but for 20 % coinsurance,
	 * its other lines denied; claim 3 denied.
	 */
	static byte[] remittance(String payerName, String payerCode, List<ClaimService.ClaimDetail> answered,
			LocalDate paidOn) {
		List<String> body = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < answered.size(); i++) {
			Claims.Claim claim = answered.get(i).claim();
			List<Claims.Line> lines = answered.get(i).lines();
			String payerClaimNumber = "BCX" + paidOn.format(X12_DATE) + "0" + (i + 1);
			if (i == 2) {
				body.add("CLP*" + claim.claimNumber() + "*4*" + money(claim.totalCharge()) + "*0*0*12*"
						+ payerClaimNumber);
				body.add("CAS*CO*197*" + money(claim.totalCharge()));
				continue;
			}
			List<String> segments = new ArrayList<>();
			BigDecimal paid = BigDecimal.ZERO;
			BigDecimal share = BigDecimal.ZERO;
			for (Claims.Line line : lines) {
				boolean coinsurance = (i == 1 && line.lineNumber() == 1);
				boolean denied = (i == 1 && line.lineNumber() > 1);
				BigDecimal lineShare = coinsurance
						? line.amount().multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP)
						: BigDecimal.ZERO;
				BigDecimal linePaid = denied ? BigDecimal.ZERO : line.amount().subtract(lineShare);
				paid = paid.add(linePaid);
				share = share.add(lineShare);
				segments.add("SVC*HC:" + line.serviceCode() + "*" + money(line.amount()) + "*" + money(linePaid) + "**"
						+ line.units());
				segments.add("DTM*472*" + line.serviceDate().format(X12_DATE));
				if (coinsurance) {
					segments.add("CAS*PR*2*" + money(lineShare));
				}
				if (denied) {
					segments.add("CAS*CO*197*" + money(line.amount()));
				}
				segments.add("REF*6R*" + ClaimService.lineControlNumber(claim.claimNumber(), line.lineNumber()));
			}
			body.add("CLP*" + claim.claimNumber() + "*1*" + money(claim.totalCharge()) + "*" + money(paid) + "*"
					+ money(share) + "*12*" + payerClaimNumber);
			body.addAll(segments);
			total = total.add(paid);
		}
		List<String> segments = new ArrayList<>();
		String date = paidOn.format(X12_DATE);
		segments.add("ISA*00*          *00*          *ZZ*" + pad(payerCode) + "*ZZ*SPARKDEMO      *" + date.substring(2)
				+ "*0930*^*00501*000000001*0*P*:");
		segments.add("GS*HP*" + payerCode + "*SPARKDEMO*" + date + "*0930*1*X*005010X221A1");
		segments.add("ST*835*0001*005010X221A1");
		segments.add("BPR*I*" + money(total) + "*C*ACH*CCP*01*071000013*DA*123456789*1512345678**01*071000013*DA*"
				+ "987654321*" + date);
		segments.add("TRN*1*" + TRACE + "*1512345678");
		segments.add("N1*PR*" + payerName.toUpperCase() + "*XV*" + payerCode);
		segments.add("N1*PE*SPARK DEMO BEHAVIORAL HEALTH LLC*XX*1245319599");
		segments.add("LX*1");
		segments.addAll(body);
		segments.add("SE*" + (segments.size() - 1) + "*0001");
		segments.add("GE*1*1");
		segments.add("IEA*1*000000001");
		return (String.join("~\n", segments) + "~\n").getBytes(StandardCharsets.US_ASCII);
	}

	private static String money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	private static String pad(String code) {
		return (code + "               ").substring(0, 15);
	}

}
