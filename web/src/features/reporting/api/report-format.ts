/** Hours for people: at most one decimal, "12.5 h"; the API sends hours as decimal strings or numbers. */
export function formatHours(value: number | string): string {
  const hours = typeof value === 'string' ? Number(value) : value;
  return `${hours.toLocaleString(undefined, { maximumFractionDigits: 1 })} h`;
}

/** A share (0…1) as a percentage: "12 %". */
export function formatShare(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const share = typeof value === 'string' ? Number(value) : value;
  return `${Math.round(share * 100)} %`;
}
