// '00' to '99': the time fields, without a string built per field.
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

const MS_PER_DAY = 86_400_000;

// `YYYY-MM-DDT` of a day counted from 1970-01-01: civil-from-days after Howard Hinnant's algorithm.
const datePrefix = (days: number): string => {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T`;
};

let lastMs = Number.NaN;
let lastIso = '';
let lastDay = Number.NaN;
let lastDatePrefix = '';

/**
 * `date.toISOString()` for years 0–9999, several times faster: history rows format one time per
 * change, and consecutive changes mostly share their (second-resolution) time, or at least their
 * day, so the last answer and the last day's date part are kept.
 */
export const isoTime = (date: Date): string => {
  const ms = date.getTime();
  if (ms === lastMs) return lastIso;
  const days = Math.floor(ms / MS_PER_DAY);
  if (!(days >= -719_468 && days <= 2_932_896)) return date.toISOString();
  if (days !== lastDay) {
    lastDatePrefix = datePrefix(days);
    lastDay = days;
  }
  const inDay = ms - days * MS_PER_DAY;
  const h = Math.floor(inDay / 3_600_000);
  const m = Math.floor((inDay % 3_600_000) / 60_000);
  const s = Math.floor((inDay % 60_000) / 1000);
  lastIso = `${lastDatePrefix}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[s]}.${pad3(inDay % 1000)}Z`;
  lastMs = ms;
  return lastIso;
};
