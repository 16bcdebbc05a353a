/** main.ts loads only the invoked command's module: its table must name exactly what each module registers. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES } from '../../src/cli/main.js';

describe('the command table', () => {
  it('names, for each module, the top-level commands it registers', async () => {
    for (const module of COMMAND_MODULES) {
      const program = new Command('recert');
      (await module.load())(program, { out: () => {}, err: () => {} }, {});
      expect(program.commands.map((command) => command.name())).toEqual(module.names);
    }
  });

  it('has no name twice', () => {
    const names = COMMAND_MODULES.flatMap((module) => module.names);
    expect(new Set(names).size).toBe(names.length);
  });
});
