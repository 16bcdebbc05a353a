/** Dates, units and statuses in words, for people. */
import type { Status } from './api-types.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2027-01-15 → "15 Jan 2027". Dates are calendar dates: no time zone is involved. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** Days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function inWords(days: number): string {
  if (days === 0) return 'today';
  const abs = Math.abs(days);
  const span = abs < 60 ? `${abs} day${abs === 1 ? '' : 's'}` : abs < 730 ? `${Math.round(abs / 30.44)} months` : `${(abs / 365.25).toFixed(1)} years`;
  return days > 0 ? `in ${span}` : `${span} ago`;
}

/** The local date as YYYY-MM-DD (the browser is the edge that knows "today"). */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function formatUnits(units: number): string {
  return (Math.round(units * 10) / 10).toFixed(1);
}

export const STATUS_LABEL: Record<Status, string> = {
  current: 'Current',
  'in-progress': 'In progress',
  'due-soon': 'Due soon',
  grace: 'In grace period',
  lapsed: 'Lapsed',
  'never-expires': 'Never expires',
  'not-yet-earned': 'Not yet earned',
  'not-covered': 'Not covered',
  unconfirmed: 'Rule unconfirmed',
};

export function formatBytes(size: number): string {
  return size < 1024 ? `${size} B` : size < 1024 * 1024 ? `${(size / 1024).toFixed(0)} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`;
}
