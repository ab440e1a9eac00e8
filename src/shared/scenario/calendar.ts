/** Calendar arithmetic for scenario checks (no Date object: the same answer on every host). */

/** Day of the week of a Gregorian date, Sunday = 0 (Sakamoto's method). */
export function weekdayOf(year: number, month: number, day: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month - 1]! + day) % 7;
}
