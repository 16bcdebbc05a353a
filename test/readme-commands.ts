/**
 * The commands README.md shows, and how test/readme.test.ts runs them. Rules:
 * - every line of every ```sh block is a command (a trailing `\` continues it; `#` starts a comment);
 *   ```text blocks are synopses with placeholders and are not run;
 * - `a && b` runs its parts in order;
 * - `npm ci` and `npm test` are not run: they install and run this very test;
 * - `npm start` is started on a free port, probed on the URL it prints, and stopped;
 * - everything else (`npx recert …`) runs in a shell and must exit 0.
 */

export interface Fence {
  readonly lang: string;
  readonly body: string;
  /** 1-based line of the opening fence in README.md. */
  readonly line: number;
}

export type Step =
  | { readonly kind: 'skip'; readonly command: string; readonly why: string }
  | { readonly kind: 'server'; readonly command: string }
  | { readonly kind: 'run'; readonly command: string };

export interface ReadmeCommand {
  readonly line: number;
  readonly text: string;
  readonly steps: readonly Step[];
}

/** Every fenced block, with its language ('' when none). */
export function fencesOf(markdown: string): Fence[] {
  const fences: Fence[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (open === null) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`README.md:${i + 1}: unclosed code fence`);
    fences.push({ lang: open[1]!, body: lines.slice(i + 1, end).join('\n'), line: i + 1 });
    i = end;
  }
  return fences;
}

/** The commands of the sh blocks, in document order. */
export function commandsOf(markdown: string): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  for (const fence of fencesOf(markdown).filter((f) => f.lang === 'sh')) {
    const lines = fence.body.split('\n');
    for (let i = 0; i < lines.length; i += 1) {
      const line = fence.line + 1 + i;
      let text = lines[i]!;
      while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i]!.trim()}`;
      text = stripComment(text).trim();
      if (text === '') continue;
      commands.push({ line, text, steps: text.split(/\s+&&\s+/).map(stepOf) });
    }
  }
  return commands;
}

function stepOf(command: string): Step {
  if (/^npm ci(\s|$)/.test(command)) return { kind: 'skip', command, why: 'installs the dependencies this test runs on' };
  if (/^npm (run )?test(\s|$)/.test(command)) return { kind: 'skip', command, why: 'runs this very test' };
  if (/^npm start$/.test(command)) return { kind: 'server', command };
  return { kind: 'run', command };
}

/** Drops a `#` comment that is outside quotes and starts a word. */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}
