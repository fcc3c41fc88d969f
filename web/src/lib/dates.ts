/** A calendar date ("2019-04-07", no time zone) as a local Date at midnight. */
function parseDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isValidDay(day: string): boolean {
  const date = parseDay(day);
  return date !== null && toDay(date) === day;
}

/** The local calendar date of `date` as YYYY-MM-DD. */
export function toDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const dayOfMonth = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${dayOfMonth}`;
}

/** "7 Apr 2019" for a calendar date; the input unchanged when it is not one. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const date = parseDay(day);
  return date ? date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : day;
}

/** "7 Apr 2019, 14:05" for an instant (ISO 8601). */
export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Age on `today` for a date of birth: whole months under two years ("18 months"), whole years after. */
export function formatAge(dateOfBirth: string, today: Date = new Date()): string {
  const birth = parseDay(dateOfBirth);
  if (!birth) return '';
  let months = (today.getFullYear() - birth.getFullYear()) * 12 + (today.getMonth() - birth.getMonth());
  if (today.getDate() < birth.getDate()) months -= 1;
  if (months < 0) return '';
  if (months < 24) return `${months} ${months === 1 ? 'month' : 'months'}`;
  const years = Math.floor(months / 12);
  return `${years} years`;
}
