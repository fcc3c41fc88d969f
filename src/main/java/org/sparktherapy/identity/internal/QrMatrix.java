package org.sparktherapy.identity.internal;

import java.util.ArrayList;
import java.util.List;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code as its module matrix: one string of {@code 0}/{@code 1} per row, dark = 1,
 * without the quiet zone. The web app draws it as SVG, so the secret never goes to a
 * third-party image service and no image library is needed on the server.
 */
record QrMatrix(int size, List<String> rows) {

	static QrMatrix of(String text) {
		try {
			ByteMatrix matrix = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
			List<String> rows = new ArrayList<>(matrix.getHeight());
			for (int y = 0; y < matrix.getHeight(); y++) {
				StringBuilder row = new StringBuilder(matrix.getWidth());
				for (int x = 0; x < matrix.getWidth(); x++) {
					row.append(matrix.get(x, y) == 1 ? '1' : '0');
				}
				rows.add(row.toString());
			}
			return new QrMatrix(matrix.getWidth(), List.copyOf(rows));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Could not encode the QR code", ex);
		}
	}

}
