/**
 * `recert sources --verify`: fetches each source page and reports the quotes no longer found on it. The
 * fetch is a parameter, so tests (and a proxy or an archive) can serve the pages from elsewhere.
 */
import type { SourcePage, SourcedValue } from '../catalog/list-sources.js';

/** Returns the page's text (HTML is fine), or throws when it cannot be read. */
export type FetchText = (url: string) => Promise<string>;

export interface PageCheck {
  readonly url: string;
  readonly title: string;
  readonly status: 'ok' | 'changed' | 'unreachable' | 'no-quotes';
  /** The quotes not found on the page, each with the values that rest on it. */
  readonly missing: readonly { readonly quote: string; readonly values: readonly SourcedValue[] }[];
  readonly checkedQuotes: number;
  readonly error?: string | undefined;
}

/** Global fetch with a timeout, a plain User-Agent, and an error for any status other than 2xx. */
export function httpFetchText(timeoutMs = 20_000): FetchText {
  return async (url) => {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'recert-sources-verify', accept: 'text/html,text/plain;q=0.9,*/*;q=0.5' }, redirect: 'follow' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  };
}

/** Checks every page with a URL, `concurrency` at a time, in the pages' order. */
export async function verifySources(pages: readonly SourcePage[], fetchText: FetchText, concurrency = 4): Promise<PageCheck[]> {
  const targets = pages.filter((page): page is SourcePage & { url: string } => page.url !== null);
  const results: PageCheck[] = new Array(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next++;
      results[index] = await checkPage(targets[index]!, fetchText);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return results;
}

async function checkPage(page: SourcePage & { url: string }, fetchText: FetchText): Promise<PageCheck> {
  const quotes = new Map<string, SourcedValue[]>();
  for (const value of page.values) {
    if (value.quote === undefined) continue;
    quotes.set(value.quote, [...(quotes.get(value.quote) ?? []), value]);
  }
  let text: string;
  try {
    text = normalize(pageText(await fetchText(page.url)));
  } catch (error) {
    return { url: page.url, title: page.title, status: 'unreachable', missing: [], checkedQuotes: 0, error: error instanceof Error ? error.message : String(error) };
  }
  const missing = [...quotes.entries()].filter(([quote]) => !containsQuote(text, quote)).map(([quote, values]) => ({ quote, values }));
  const status = quotes.size === 0 ? 'no-quotes' : missing.length > 0 ? 'changed' : 'ok';
  return { url: page.url, title: page.title, status, missing, checkedQuotes: quotes.size };
}

/**
 * Whether the page says the quote: compared without case, markup, entity spelling, curly quotes or
 * runs of white space. An ellipsis in a quote ("at least … ethics") stands for omitted words: each part
 * must be on the page, in order.
 */
export function containsQuote(normalizedPage: string, quote: string): boolean {
  const parts = quote.split(/…|\.\.\./).map((part) => normalize(part)).filter((part) => part !== '');
  let from = 0;
  for (const part of parts) {
    const at = normalizedPage.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** The readable text of an HTML page (scripts, styles and tags removed, entities decoded). */
export function pageText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  );
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"',
  ndash: '-', mdash: '-', hellip: '…', shy: '',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** Lower case, straight quotes and dashes, single spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
