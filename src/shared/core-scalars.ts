/**
 * Plain YAML scalars as the located parser (`yaml`, schema 'core') resolves them: null, booleans, ints
 * (decimal, 0o octal, 0x hex) and floats (with .inf and .nan); anything else stays a string (so
 * `2025-01-15`, `yes`, `1_000` and `0b101` are strings). The regular expressions are those of `yaml`'s
 * core schema. fast-parse.ts gives them to js-yaml; block-yaml.ts calls `resolveCoreScalar`.
 */

/** A cheap first test: every int and float of the core schema starts so. */
export const NUMBER_START = /^[-+.0-9]/;
export const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
export const CORE_FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
export const CORE_FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
export const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
export const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
export const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

export const isCoreInt = (data: string): boolean => NUMBER_START.test(data) && CORE_INT.test(data);
export const isCoreFloat = (data: string): boolean =>
  NUMBER_START.test(data) && (CORE_FLOAT_SPECIAL.test(data) || CORE_FLOAT_EXP.test(data) || CORE_FLOAT.test(data));
export const isCoreNull = (data: string): boolean => data.length <= 4 && CORE_NULL.test(data);
export const isCoreBool = (data: string): boolean => data.length >= 4 && data.length <= 5 && CORE_BOOL.test(data);

export const coreInt = (data: string): number =>
  data.startsWith('0o') ? parseInt(data.slice(2), 8) : data.startsWith('0x') ? parseInt(data.slice(2), 16) : parseInt(data, 10);
export const coreFloat = (data: string): number => {
  // A float of the core schema that ends in a digit or a point is a plain number (most are: prices).
  const last = data.charCodeAt(data.length - 1);
  if ((last >= 48 && last <= 57) || last === 46) return parseFloat(data);
  if (/nan$/i.test(data)) return NaN;
  if (/inf$/i.test(data)) return data.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return parseFloat(data);
};
export const coreBool = (data: string): boolean => data[0] === 't' || data[0] === 'T';

/** The value of a plain scalar (already stripped of surrounding spaces and any comment). */
export function resolveCoreScalar(data: string): string | number | boolean | null {
  // A null starts with ~ or n/N, a boolean with t/T/f/F, a number with a digit, a sign or a point: a
  // scalar starting with any other letter (most strings) is a string without a regular expression.
  const c = data.charCodeAt(0) | 32;
  if (c >= 97 && c <= 122 && c !== 110 && c !== 116 && c !== 102) return data;
  if (isCoreNull(data)) return null;
  if (isCoreBool(data)) return coreBool(data);
  if (isCoreInt(data)) return coreInt(data);
  if (isCoreFloat(data)) return coreFloat(data);
  return data;
}
