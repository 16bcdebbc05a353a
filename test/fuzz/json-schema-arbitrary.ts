/**
 * Values a JSON Schema (as the API's OpenAPI document states it) describes, as a fast-check
 * arbitrary: objects with their required and some optional properties, arrays, strings by pattern
 * and length, numbers within their bounds, enums, `allOf`, `$ref` into components, `nullable`.
 * Strings also come from `hints`, a dictionary by property name (catalog ids, known entry ids, dates),
 * so that bodies reach past the reference checks into the store instead of stopping at "unknown
 * program". A hint may fall outside the schema; the API must answer it without a 5xx all the same.
 */
import fc from 'fast-check';

export type JsonSchema = { readonly [key: string]: any };

export interface SchemaContext {
  /** `components.schemas` of the OpenAPI document, for `$ref`. */
  readonly components: Record<string, JsonSchema>;
  /** Strings to try for a property of this name; asked again for every value, so the list may grow during a run. */
  readonly hints: (property: string) => readonly string[];
}

const MAX_DEPTH = 6;

export function arbitraryOf(schema: JsonSchema, context: SchemaContext, property = '', depth = 0): fc.Arbitrary<unknown> {
  const plain = plainArbitrary(schema, context, property, depth);
  return schema.nullable === true ? fc.oneof({ arbitrary: plain, weight: 5 }, { arbitrary: fc.constant(null), weight: 1 }) : plain;
}

function plainArbitrary(schema: JsonSchema, context: SchemaContext, property: string, depth: number): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = context.components[name];
    if (target === undefined) throw new Error(`no schema ${schema.$ref}`);
    return arbitraryOf(target, context, property, depth);
  }
  if (Array.isArray(schema.allOf)) {
    // The API's allOf wraps a single $ref; more than one part is merged as objects.
    if (schema.allOf.length === 1) return arbitraryOf(schema.allOf[0], context, property, depth);
    return arbitraryOf(mergeObjects(schema.allOf.map((part: JsonSchema) => resolve(part, context))), context, property, depth);
  }
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[];
    return fc.oneof(...options.map((option) => arbitraryOf(option, context, property, depth)));
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': return objectArbitrary(schema, context, depth);
    case 'array': {
      if (depth >= MAX_DEPTH) return fc.constant([]);
      const items = schema.items === undefined ? fc.jsonValue({ maxDepth: 1 }) : arbitraryOf(schema.items, context, property, depth + 1);
      return fc.array(items, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    }
    case 'string': return stringArbitrary(schema, context, property);
    case 'integer': return numberArbitrary(schema, true);
    case 'number': return numberArbitrary(schema, false);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

function resolve(schema: JsonSchema, context: SchemaContext): JsonSchema {
  return typeof schema.$ref === 'string' ? resolve(context.components[schema.$ref.replace('#/components/schemas/', '')]!, context) : schema;
}

function mergeObjects(parts: readonly JsonSchema[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => p.required ?? []),
  };
}

function objectArbitrary(schema: JsonSchema, context: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set<string>(schema.required ?? []);
  if (depth >= MAX_DEPTH) return fc.constant({});
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) record[name] = arbitraryOf(property, context, name, depth + 1);
  return fc.record(record, { requiredKeys: [...required].filter((name) => name in properties) as never[] });
}

function stringArbitrary(schema: JsonSchema, context: SchemaContext, property: string): fc.Arbitrary<string> {
  const min: number = schema.minLength ?? 0;
  const max: number = Math.min(schema.maxLength ?? 40, 600);
  const fitsLength = (s: string): boolean => s.length >= min && s.length <= (schema.maxLength ?? Infinity);
  let described: fc.Arbitrary<string>;
  if (schema.format === 'date') {
    described = fc.oneof(
      fc.date({ min: new Date('1895-01-01T00:00:00Z'), max: new Date('3005-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
        .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    );
  } else if (typeof schema.pattern === 'string') {
    described = fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, max)).filter(fitsLength);
  } else {
    described = fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
  }
  if (context.hints(property).length === 0) return described;
  return fc.oneof({ arbitrary: described, weight: 2 }, { arbitrary: hinted(() => context.hints(property)), weight: 3 });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exclusiveMin = schema.exclusiveMinimum === true || typeof schema.exclusiveMinimum === 'number';
  const exclusiveMax = schema.exclusiveMaximum === true || typeof schema.exclusiveMaximum === 'number';
  const min: number = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : schema.minimum ?? -1e6;
  const max: number = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : schema.maximum ?? 1e6;
  if (integer) {
    const lo = Math.ceil(exclusiveMin ? min + 1 : min);
    const hi = Math.floor(exclusiveMax ? max - 1 : max);
    return fc.integer({ min: Math.max(lo, -1e9), max: Math.min(hi, 1e9) });
  }
  const edges = [min, max, 0, 0.001, 0.1 + 0.2, 1.0005, 2.5].filter((n) => (exclusiveMin ? n > min : n >= min) && (exclusiveMax ? n < max : n <= max));
  const thousandths = fc.integer({ min: Math.ceil(min * 1000), max: Math.floor(max * 1000) }).map((m) => m / 1000).filter((n) => (exclusiveMin ? n > min : true) && (exclusiveMax ? n < max : true));
  const any = fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: exclusiveMin, maxExcluded: exclusiveMax });
  return fc.oneof(thousandths, any, ...(edges.length > 0 ? [fc.constantFrom(...edges)] : []));
}

/** One of the strings `list()` returns when the value is generated (the list may grow as the run goes). */
export function hinted(list: () => readonly string[]): fc.Arbitrary<string> {
  return fc.nat().map((i) => {
    const values = list();
    return values.length === 0 ? 'x' : values[i % values.length]!;
  });
}
