package org.sparktherapy.notifications.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationKindTests {

	@Test
	void everyKindIsShownInTheAppByDefaultAndHasASentenceForMail() {
		for (NotificationKind kind : NotificationKind.values()) {
			assertThat(kind.byDefault(Channel.IN_APP)).as(kind.value()).isTrue();
			assertThat(kind.mailSentence()).as(kind.value()).contains("SPARKTherapy");
			assertThat(NotificationKind.of(kind.value())).contains(kind);
		}
	}

	@Test
	void onlyAccountSecurityMailIsLockedOn() {
		assertThat(NotificationKind.PASSWORD_CHANGED.locked(Channel.EMAIL)).isTrue();
		assertThat(NotificationKind.PASSWORD_CHANGED.locked(Channel.IN_APP)).isFalse();
		assertThat(NotificationKind.NEW_SIGN_IN.locked(Channel.EMAIL)).isFalse();
		assertThat(NotificationKind.NEW_SIGN_IN.byDefault(Channel.EMAIL))
			.as("a security notice, mailed unless turned off")
			.isTrue();
		assertThat(NotificationKind.APPOINTMENT_MOVED.byDefault(Channel.EMAIL)).isTrue();
		assertThat(NotificationKind.NEW_MESSAGE.byDefault(Channel.EMAIL)).isFalse();
	}

	@Test
	void unknownNamesAreNotKinds() {
		assertThat(NotificationKind.of("invoice_paid")).isEmpty();
		assertThat(Channel.of("sms")).isEmpty();
	}

}
