import { useTranslation } from 'react-i18next';

/**
 * Numbers, days and instants in the reader's language (Intl). Days are UTC days ('YYYY-MM-DD',
 * SPEC §4), so they are formatted in UTC: 2024-03-01 reads as 1 March everywhere on Earth.
 */
export interface Formatters {
  bonus(amount: number): string;
  /** With an explicit sign: +120, −40 (0 stays 0). */
  delta(amount: number): string;
  count(value: number): string;
  percent(rate: number): string;
  /** A coefficient with two decimals: 0.42. */
  coefficient(value: number): string;
  day(day: string): string;
  shortDay(day: string): string;
  dateTime(iso: string): string;
}

const dayAsDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function formatters(language: string): Formatters {
  const integer = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(language, {
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const coefficient = new Intl.NumberFormat(language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const longDay = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const instant = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const safely = (format: (value: string) => string) => (value: string) => {
    try {
      return format(value);
    } catch {
      return value;
    }
  };
  return {
    bonus: (amount) => integer.format(amount),
    delta: (amount) => signed.format(amount),
    count: (value) => integer.format(value),
    percent: (rate) => percent.format(rate),
    coefficient: (value) => coefficient.format(value),
    day: safely((day) => longDay.format(dayAsDate(day))),
    shortDay: safely((day) => shortDay.format(dayAsDate(day))),
    dateTime: safely((iso) => instant.format(new Date(iso))),
  };
}

const cache = new Map<string, Formatters>();

/** Formatters for the current UI language, rebuilt only when the language changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  let found = cache.get(language);
  if (!found) {
    found = formatters(language);
    cache.set(language, found);
  }
  return found;
}
