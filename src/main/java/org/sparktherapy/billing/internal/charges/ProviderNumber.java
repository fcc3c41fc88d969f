package org.sparktherapy.billing.internal.charges;

import java.util.UUID;

/** A rendering or supervising provider's NPI, with the account's name and credential. */
public record ProviderNumber(UUID accountId, String name, String credential, String npi) {
}
