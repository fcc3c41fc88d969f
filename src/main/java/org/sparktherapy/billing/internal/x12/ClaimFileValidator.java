package org.sparktherapy.billing.internal.x12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;

/**
 * Validates an 837P file with StAEDI: the envelopes by StAEDI's own X12 control schema,
 * the transaction by {@code x12/837P-005010X222A1.xml} (the standard segments and
 * elements and the implementation guide's loops and qualifiers), plus what a schema
 * cannot say: the HL hierarchy (parents exist, child flags true) and that each claim's
 * total is the sum of its lines.
 */
public final class ClaimFileValidator {

	private static final String SCHEMA = "/x12/837P-005010X222A1.xml";

	private final Schema schema;

	public ClaimFileValidator() {
		try (InputStream in = ClaimFileValidator.class.getResourceAsStream(SCHEMA)) {
			if (in == null) {
				throw new IllegalStateException("missing " + SCHEMA);
			}
			this.schema = SchemaFactory.newFactory().createSchema(in);
		}
		catch (EDISchemaException ex) {
			throw new IllegalStateException("invalid " + SCHEMA, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The file read with the 837P schema; {@link X12Document#errors()} holds StAEDI's
	 * findings and ours.
	 */
	public X12Document read(byte[] file) {
		X12Document document = X12Document.read(file, this.schema);
		List<X12Document.Finding> ours = new java.util.ArrayList<>(document.errors());
		ours.addAll(ClaimFileChecks.check(document));
		return new X12Document(document.segments(), List.copyOf(ours));
	}

}
