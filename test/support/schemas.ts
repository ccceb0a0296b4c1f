import { appRouter } from '../../backend/router.ts';

/** The part of a zod 4 schema's definition these walks read. */
interface SchemaDef {
  type: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  left?: Schema;
  right?: Schema;
  items?: Schema[];
  rest?: Schema | null;
}
interface Schema {
  _zod: { def: SchemaDef };
}

/** The input schema of a procedure, or undefined when it takes none. */
export function inputSchema(path: string): Schema | undefined {
  const procedures = (
    appRouter as unknown as {
      _def: { procedures: Record<string, { _def: { inputs: Schema[] } }> };
    }
  )._def.procedures;
  return procedures[path]?._def.inputs[0];
}

const wrappers = (def: SchemaDef): Schema[] =>
  [def.innerType, def.in, def.out, def.left, def.right, def.element, def.keyType, def.valueType]
    .concat(def.options ?? [], def.items ?? [], def.rest ?? [])
    .filter((schema): schema is Schema => schema !== undefined);

/** The keys an input object may have at its top level (of any branch of a union). */
export function topLevelKeys(schema: Schema | undefined): Set<string> {
  if (!schema) return new Set();
  const { def } = schema._zod;
  if (def.type === 'object') return new Set(Object.keys(def.shape ?? {}));
  const keys = new Set<string>();
  for (const inner of def.type === 'array' ? [] : wrappers(def)) {
    for (const key of topLevelKeys(inner)) keys.add(key);
  }
  return keys;
}

/**
 * Where in the schema an object lets unknown keys through (`z.object` rather than
 * `z.strictObject`, or a record, which drops a `__proto__` key silently), as dotted paths; `[]`
 * when every object refuses them.
 */
export function lenientObjects(schema: Schema | undefined, at = '(input)'): string[] {
  if (!schema) return [];
  const { def } = schema._zod;
  if (def.type === 'record') return [`${at} (a record)`, ...lenientObjects(def.valueType, at)];
  if (def.type === 'object') {
    const strict = def.catchall?._zod.def.type === 'never';
    return [
      ...(strict ? [] : [at]),
      ...Object.entries(def.shape ?? {}).flatMap(([key, value]) =>
        lenientObjects(value, `${at}.${key}`),
      ),
    ];
  }
  return wrappers(def).flatMap((inner) => lenientObjects(inner, at));
}
