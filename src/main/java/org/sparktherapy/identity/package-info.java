/**
 * Identity: accounts of admins, therapists (with their BCBA/BCaBA/RBT credential) and
 * parents; passwords, sign-in with short-lived JWT access tokens and rotating refresh
 * tokens, brute-force throttling, forgotten-password links (single use, one hour, mailed
 * through the platform's mailer), and account administration. Other modules see accounts
 * only through {@link org.sparktherapy.identity.Accounts} and the signed-in
 * {@link org.sparktherapy.identity.CurrentUser}; they hear of sign-ins and password
 * changes through events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.sparktherapy.identity;
