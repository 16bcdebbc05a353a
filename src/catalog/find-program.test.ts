import { describe, expect, it } from 'vitest';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import { closestProgramId, editDistance, findProgramId, unknownProgramMessage } from './find-program.js';

const catalog = readCatalogDir();

describe('program ids as typed', () => {
  it('matches an id in any case', () => {
    expect(findProgramId(catalog, 'NASM-CPT')).toBe('nasm-cpt');
    expect(findProgramId(catalog, ' Ace-Cpt ')).toBe('ace-cpt');
    expect(findProgramId(catalog, 'nasm')).toBeUndefined();
  });

  it('suggests the closest id for a typo or a partial id, and nothing for a stranger', () => {
    expect(closestProgramId(catalog, 'nasm-cp')).toBe('nasm-cpt');
    expect(closestProgramId(catalog, 'nsam-cpt')).toBe('nasm-cpt');
    expect(closestProgramId(catalog, 'cscs')).toBe('nsca-cscs');
    expect(closestProgramId(catalog, 'underwater-basket-weaving')).toBeUndefined();
    expect(unknownProgramMessage(catalog, 'nasm-cp')).toBe('unknown program "nasm-cp"; did you mean nasm-cpt? run `recert programs` for the list');
  });

  it('counts edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
