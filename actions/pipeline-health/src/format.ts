/** How figures read in the summary, the CLI text and issue bodies. */

export const formatPercent = (value: number | null): string => (value === null ? 'n/a' : `${value} %`);

export function formatMinutes(value: number | null): string {
  if (value === null) return 'n/a';
  if (value < 120) return `${value} min`;
  const hours = Math.round((value / 60) * 10) / 10;
  return hours < 48 ? `${hours} h (${value} min)` : `${Math.round((hours / 24) * 10) / 10} d (${value} min)`;
}
