import type { QrMatrix } from '../api/second-factor';

/** The quiet zone scanners need around a QR code, in modules. */
const QUIET = 4;

/**
 * Draws a QR code from the module matrix the server computed, as one SVG path: the secret never goes to an image
 * service, and the code stays sharp at any size.
 */
export function QrCode({ qr, label }: { qr: QrMatrix; label: string }) {
  const side = qr.size + QUIET * 2;
  let path = '';
  qr.rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (row[x] === '1') path += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
    }
  });
  return (
    <svg
      className="qr-code"
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
