package org.sparktherapy.billing.internal.x12;

/**
 * A file that is not the X12 SPARKTherapy expects; the message names what and where,
 * never a value from the file.
 */
public class X12FormatException extends RuntimeException {

	public X12FormatException(String message) {
		super(message);
	}

}
