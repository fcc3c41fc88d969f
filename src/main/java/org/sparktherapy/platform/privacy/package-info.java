/**
 * Privacy events every module hears: a family's erasure (ADR 0040).
 */
package org.sparktherapy.platform.privacy;
