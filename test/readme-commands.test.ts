import { describe, expect, it } from 'vitest';
import { commandsOf, fencesOf } from './readme-commands.js';

const doc = [
  'Intro',
  '```sh',
  'npm ci && npm start     # the main job',
  'npm ci && npm test',
  '',
  'npx recert activity add --title "Course #2" \\',
  '  --completed 2026-03-01',
  '```',
  '```text',
  'recert plan PROFILE.json [--json]',
  '```',
  '```',
  'sample output',
  '```',
].join('\n');

describe('reading the README commands', () => {
  it('finds every fence with its language and line', () => {
    expect(fencesOf(doc).map((f) => [f.lang, f.line])).toEqual([['sh', 2], ['text', 9], ['', 12]]);
  });

  it('runs only sh blocks, joins continued lines, and drops comments outside quotes', () => {
    expect(commandsOf(doc).map((c) => [c.line, c.text])).toEqual([
      [3, 'npm ci && npm start'],
      [4, 'npm ci && npm test'],
      [6, 'npx recert activity add --title "Course #2"  --completed 2026-03-01'],
    ]);
  });

  it('skips npm ci and npm test, starts npm start as a server, and runs the rest', () => {
    expect(commandsOf(doc).map((c) => c.steps.map((s) => s.kind))).toEqual([['skip', 'server'], ['skip', 'skip'], ['run']]);
  });

  it('refuses an unclosed fence', () => {
    expect(() => fencesOf('```sh\nnpm start\n')).toThrow('README.md:1: unclosed code fence');
  });
});
