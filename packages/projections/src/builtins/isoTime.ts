const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

let lastMs = Number.NaN;
let lastIso = '';

/**
 * `date.toISOString()` for years 0–9999, several times faster: history rows format one time per
 * change, and consecutive changes mostly share their (second-resolution) time, so the last
 * answer is kept. Civil-from-days after Howard Hinnant's algorithm.
 */
export const isoTime = (date: Date): string => {
  const ms = date.getTime();
  if (ms === lastMs) return lastIso;
  const days = Math.floor(ms / 86_400_000);
  const inDay = ms - days * 86_400_000;
  if (!(days >= -719_468 && days <= 2_932_896)) return date.toISOString();
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
  const h = Math.floor(inDay / 3_600_000);
  const m = Math.floor((inDay % 3_600_000) / 60_000);
  const s = Math.floor((inDay % 60_000) / 1000);
  lastIso = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(inDay % 1000)}Z`;
  lastMs = ms;
  return lastIso;
};
