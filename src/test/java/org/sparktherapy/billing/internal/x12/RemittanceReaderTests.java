package org.sparktherapy.billing.internal.x12;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sparktherapy.billing.internal.x12.Remittance.Adjustment;
import org.sparktherapy.billing.internal.x12.Remittance.ClaimPayment;
import org.sparktherapy.billing.internal.x12.Remittance.Group;
import org.sparktherapy.billing.internal.x12.Remittance.LinePayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemittanceReaderTests {

	private final RemittanceReader reader = new RemittanceReader();

	@Test
	void readsThePaymentPayerPayeeAndTrace() {
		Remittance remittance = this.reader.read(Sample835.file("EFT0001234")).get(0);

		assertThat(remittance.traceNumber()).isEqualTo("EFT0001234");
		assertThat(remittance.payerId()).isEqualTo("1512345678");
		assertThat(remittance.payerName()).isEqualTo("BLUE VALLEY HEALTH PLAN");
		assertThat(remittance.payeeName()).isEqualTo("BRIGHT STEPS ABA LLC");
		assertThat(remittance.payeeNpi()).isEqualTo("1234567893");
		assertThat(remittance.totalPaid()).isEqualByComparingTo("262.50");
		assertThat(remittance.paymentMethod()).isEqualTo("ACH");
		assertThat(remittance.paymentDate()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(remittance.currency()).isEqualTo("USD");
		assertThat(remittance.claims()).extracting(ClaimPayment::patientControlNumber)
			.containsExactly("C-1001", "C-1002", "C-1003");
		assertThat(remittance.providerAdjustments()).singleElement().satisfies((plb) -> {
			assertThat(plb.reasonCode()).isEqualTo("L6");
			assertThat(plb.amount()).isEqualByComparingTo("-2.50");
		});
		assertThat(remittance.balances()).isTrue();
	}

	@Test
	void aPaidClaimWithItsContractualWriteOff() {
		ClaimPayment paid = claim("C-1001");

		assertThat(paid.status()).isEqualTo("1");
		assertThat(paid.denied()).isFalse();
		assertThat(paid.charge()).isEqualByComparingTo("240");
		assertThat(paid.paid()).isEqualByComparingTo("180");
		assertThat(paid.patientResponsibility()).isEqualByComparingTo("0");
		assertThat(paid.payerClaimNumber()).isEqualTo("PAYER-55501");
		assertThat(paid.patientLastName()).isEqualTo("CARTER");
		assertThat(paid.memberId()).isEqualTo("XJH123456789");
		assertThat(paid.lines()).singleElement().satisfies((line) -> {
			assertThat(line.procedureCode()).isEqualTo("97153");
			assertThat(line.modifiers()).containsExactly("HN");
			assertThat(line.units()).isEqualByComparingTo("8");
			assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2026, 11, 2));
			assertThat(line.lineControlNumber()).isEqualTo("L-1");
			assertThat(line.allowed()).isEqualByComparingTo("180");
			assertThat(line.adjustments()).containsExactly(new Adjustment(Group.CO, "45", new BigDecimal("60"), null));
		});
		assertThat(paid.balances()).isTrue();
	}

	@Test
	void aPartlyPaidClaimNamesTheFamilysDeductibleAndCoinsurance() {
		ClaimPayment partly = claim("C-1002");

		assertThat(partly.paid()).isEqualByComparingTo("80");
		assertThat(partly.patientResponsibility()).isEqualByComparingTo("70");
		assertThat(partly.adjusted(Group.PR)).isEqualByComparingTo("70");
		assertThat(partly.adjusted(Group.CO)).isEqualByComparingTo("50");
		assertThat(partly.lines()).extracting(LinePayment::lineControlNumber).containsExactly("L-3", "L-4");
		LinePayment second = partly.lines().get(1);
		// one CAS segment, two reasons of the same group (coinsurance and copay)
		assertThat(second.adjustments()).containsExactly(new Adjustment(Group.PR, "2", new BigDecimal("15"), null),
				new Adjustment(Group.PR, "3", new BigDecimal("5"), null),
				new Adjustment(Group.CO, "45", new BigDecimal("30"), null));
		assertThat(second.adjusted(Group.PR)).isEqualByComparingTo("20");
		assertThat(partly.balances()).isTrue();
	}

	@Test
	void aDeniedClaimCarriesItsReason() {
		ClaimPayment denied = claim("C-1003");

		assertThat(denied.denied()).isTrue();
		assertThat(denied.paid()).isEqualByComparingTo("0");
		assertThat(denied.adjustments())
			.containsExactly(new Adjustment(Group.CO, "197", new BigDecimal("175.5"), null));
		assertThat(denied.lines()).hasSize(2);
		assertThat(denied.balances()).isTrue();
	}

	@Test
	void readsEveryTransactionOfAFile() {
		byte[] file = Sample835.file("000000009", List.of(Sample835.body("EFT-A"), Sample835.body("EFT-B")));

		assertThat(this.reader.read(file)).extracting(Remittance::traceNumber).containsExactly("EFT-A", "EFT-B");
	}

	@Test
	void refusesBrokenEnvelopes() {
		String text = new String(Sample835.file("EFT1"), StandardCharsets.US_ASCII).replace("IEA*1*000007001",
				"IEA*1*000007002");

		assertThatThrownBy(() -> this.reader.read(text.getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(X12FormatException.class)
			.hasMessageContaining("CONTROL_REFERENCE_MISMATCH");
	}

	@Test
	void refusesAClaimFileOrNoX12() {
		byte[] claims = new ClaimFileWriter().write(SampleClaims.sample());

		assertThatThrownBy(() -> this.reader.read(claims)).isInstanceOf(X12FormatException.class)
			.hasMessageContaining("837");
		assertThatThrownBy(() -> this.reader.read("not a remittance".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(X12FormatException.class);
	}

	@Test
	void refusesAnAmountThatIsNotANumberWithoutEchoingIt() {
		String text = new String(Sample835.file("EFT1"), StandardCharsets.US_ASCII).replace("CLP*C-1001*1*240*180",
				"CLP*C-1001*1*240*SECRET");

		assertThatThrownBy(() -> this.reader.read(text.getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(X12FormatException.class)
			.hasMessage("Element 4 of CLP is not an amount.");
	}

	private ClaimPayment claim(String number) {
		return this.reader.read(Sample835.file("EFT0001234"))
			.get(0)
			.claims()
			.stream()
			.filter((claim) -> claim.patientControlNumber().equals(number))
			.findFirst()
			.orElseThrow();
	}

}
