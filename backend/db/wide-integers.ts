import {
  OperationNodeTransformer,
  type DataTypeNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

class Widen extends OperationNodeTransformer {
  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    return node.dataType === 'integer' ? { ...node, dataType: 'bigint' } : node;
  }
}

/**
 * Makes every `integer` column the migrations create a `bigint` on PostgreSQL. SQLite's integers
 * are 64-bit, and money is integer minor units up to ten billion (`ledger.schema.ts`), past
 * PostgreSQL's 32-bit `integer`. The pool reads `bigint` back as a number (`database.postgres.ts`).
 */
export class WideIntegers implements KyselyPlugin {
  readonly #widen = new Widen();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#widen.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
