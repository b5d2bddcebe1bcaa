/**
 * Reads the dates and author names that datelines and bylines state. Only what the line
 * says: no date is made up, and a line without a recognisable date gives null.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
/** "March 28, 2019", "Mar 27, 2019" */
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH} (\d{1,2}),? (\d{4})\b`);
/** "25 Mar 2019", "3 June 2019" */
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2}) ${MONTH} (\d{4})\b`);

/** Formats a year, month name and day as an ISO date, or null when it is no real date. */
function isoDate(year: string, monthName: string, day: string): string | null {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month < 1) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** A date found in a text: the ISO date and the words that gave it. */
export interface FoundDate {
  date: string;
  text: string;
}

/** Every full date (day, month name, year) written in a text, in order. */
export function findDates(text: string): FoundDate[] {
  const found: { index: number; value: FoundDate }[] = [];
  for (const m of text.matchAll(new RegExp(MONTH_DAY_YEAR, 'g'))) {
    const date = isoDate(m[3] as string, m[1] as string, m[2] as string);
    if (date) found.push({ index: m.index, value: { date, text: m[0] } });
  }
  for (const m of text.matchAll(new RegExp(DAY_MONTH_YEAR, 'g'))) {
    const date = isoDate(m[3] as string, m[2] as string, m[1] as string);
    if (date) found.push({ index: m.index, value: { date, text: m[0] } });
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.value);
}

/**
 * The publication date a dateline or byline states. Where the line gives both an update
 * time and a first-publication time (the Guardian's "Mon 25 Mar 2019 16.55 GMT First
 * published on Mon 25 Mar 2019 04.13 GMT"), the first publication counts.
 */
export function statedDate(line: string): string | null {
  const firstPublished = /First published on (.*)$/i.exec(line)?.[1];
  if (firstPublished) {
    const date = findDates(firstPublished)[0];
    if (date) return date.date;
  }
  return findDates(line)[0]?.date ?? null;
}

/**
 * The author names of a byline. Strips a leading "By", a trailing date and time, Twitter
 * handles and redacted e-mail addresses glued to the name ("By Alex Ward@AlexWardVox[email
 * protected] Mar 27, 2019, 12:50pm EDT" → ["Alex Ward"]) and a trailing "in <Place>"
 * ("Andrew Roth in Moscow" → ["Andrew Roth"]); splits on commas and "and".
 */
export function bylineAuthors(line: string): string[] {
  let text = line.replace(/^By\s+/i, '');
  const date = MONTH_DAY_YEAR.exec(text) ?? DAY_MONTH_YEAR.exec(text);
  if (date) text = text.slice(0, date.index);
  text = text
    .replace(/\[email[^\]]*\]/gi, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ');
  return text
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((name) =>
      name
        .replace(/\s+in\s+\p{Lu}[\p{L} .-]*$/u, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}
