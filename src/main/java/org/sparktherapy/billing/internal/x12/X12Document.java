package org.sparktherapy.billing.internal.x12;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;

/**
 * An X12 interchange read with StAEDI into its segments, with StAEDI's validation
 * findings: always the envelopes (control numbers and counts of ISA/IEA, GS/GE, ST/SE),
 * and the transaction's structure and elements when a transaction schema is given.
 *
 * @param segments every segment in order, each with the loops it sits in
 * @param errors what the validation found; empty when the file is valid
 */
public record X12Document(List<Segment> segments, List<Finding> errors) {

	/**
	 * One segment.
	 *
	 * @param loops the loop codes from the outermost in, e.g. {@code [2000B, 2300, 2400]}
	 * with an implementation schema (empty without a transaction schema)
	 * @param elements by position (index 0 is element 01), each a list of components (one
	 * for a simple element); empty positions are empty lists
	 */
	public record Segment(String tag, List<String> loops, List<List<String>> elements) {

		/** Element {@code position} (1-based), its first component; "" when absent. */
		public String element(int position) {
			return component(position, 1);
		}

		/**
		 * Component {@code component} (1-based) of element {@code position}; "" when
		 * absent.
		 */
		public String component(int position, int component) {
			if (position < 1 || position > this.elements.size()) {
				return "";
			}
			List<String> components = this.elements.get(position - 1);
			return component <= components.size() ? components.get(component - 1) : "";
		}

		/** The components of element {@code position}; empty when absent. */
		public List<String> components(int position) {
			return position >= 1 && position <= this.elements.size() ? this.elements.get(position - 1) : List.of();
		}

		/** The innermost loop, or "" outside loops. */
		public String loop() {
			return this.loops.isEmpty() ? "" : this.loops.get(this.loops.size() - 1);
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder(this.tag);
			for (List<String> element : this.elements) {
				text.append('*').append(String.join(":", element));
			}
			return text.toString();
		}

	}

	/**
	 * A validation finding: StAEDI's error, where it is (segment tag and number in the
	 * file, element and component position) and the loop. No element values, so a finding
	 * can be shown or logged without the file's personal data.
	 */
	public record Finding(String error, String segment, int segmentNumber, int element, int component, String loop) {

		@Override
		public String toString() {
			return this.error + " at " + this.segment + " (segment " + this.segmentNumber + ")"
					+ (this.element > 0 ? " element " + this.element : "")
					+ (this.component > 0 ? " component " + this.component : "")
					+ (this.loop.isEmpty() ? "" : " in loop " + this.loop);
		}

	}

	/** Whether StAEDI found nothing wrong. */
	public boolean valid() {
		return this.errors.isEmpty();
	}

	/** The segments with {@code tag}, in order. */
	public List<Segment> all(String tag) {
		return this.segments.stream().filter((segment) -> segment.tag().equals(tag)).toList();
	}

	/**
	 * Reads {@code bytes}; {@code transactionSchema} (null for none) is set on every
	 * transaction.
	 * @throws X12FormatException when the bytes are not X12 at all (no ISA, broken
	 * delimiters)
	 */
	public static X12Document read(byte[] bytes, Schema transactionSchema) {
		EDIInputFactory factory = EDIInputFactory.newFactory();
		List<Segment> segments = new ArrayList<>();
		List<Finding> errors = new ArrayList<>();
		Deque<String> loops = new ArrayDeque<>();
		try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(bytes))) {
			String tag = null;
			List<List<String>> elements = null;
			boolean sawInterchange = false;
			while (reader.hasNext()) {
				switch (reader.next()) {
					case START_INTERCHANGE -> sawInterchange = true;
					case START_TRANSACTION -> {
						if (transactionSchema != null) {
							reader.setTransactionSchema(transactionSchema);
						}
					}
					case START_LOOP -> loops.addLast(reader.getReferenceCode());
					case END_LOOP -> {
						if (!loops.isEmpty()) {
							loops.removeLast();
						}
					}
					case START_SEGMENT -> {
						tag = reader.getText();
						elements = new ArrayList<>();
					}
					case ELEMENT_DATA -> {
						if (elements != null) {
							put(elements, reader.getLocation(), reader.getText());
						}
					}
					case END_SEGMENT -> {
						if (elements != null) {
							segments.add(
									new Segment(tag, List.copyOf(loops), elements.stream().map(List::copyOf).toList()));
						}
						elements = null;
					}
					case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
						Location location = reader.getLocation();
						errors.add(new Finding(reader.getErrorType().name(),
								location.getSegmentTag() == null ? String.valueOf(reader.getReferenceCode())
										: location.getSegmentTag(),
								location.getSegmentPosition(), Math.max(location.getElementPosition(), 0),
								Math.max(location.getComponentPosition(), 0), String.join("/", loops)));
					}
					default -> {
					}
				}
			}
			if (!sawInterchange) {
				throw new X12FormatException("The file holds no X12 interchange (it must begin with ISA).");
			}
		}
		catch (EDIStreamException ex) {
			throw new X12FormatException(
					"The file is not readable as X12: " + ex.getMessage().lines().findFirst().orElse(""));
		}
		catch (IOException ex) {
			throw new X12FormatException("The file could not be read.");
		}
		return new X12Document(List.copyOf(segments), List.copyOf(errors));
	}

	private static void put(List<List<String>> elements, Location location, String text) {
		if (location.getElementOccurrence() > 1) {
			return; // repetitions: the first occurrence is enough for what SPARKTherapy
					// reads
		}
		int position = location.getElementPosition();
		int component = Math.max(location.getComponentPosition(), 1);
		while (elements.size() < position) {
			elements.add(new ArrayList<>());
		}
		List<String> components = elements.get(position - 1);
		while (components.size() < component) {
			components.add("");
		}
		components.set(component - 1, text == null ? "" : text);
	}

}
