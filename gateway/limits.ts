import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * Operation limits, checked on the document before any subgraph is called
 * (the ones Apollo's router offers): how deep it nests, how many fields it
 * selects with fragments expanded (a few fragments spread many times can ask
 * for millions), how many aliases (each one a repeat of a field, a cheap way
 * to multiply work) and how many root fields. Introspection fields are not
 * counted, so tooling keeps working.
 */
export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxFields: number;
  readonly maxAliases: number;
  readonly maxRootFields: number;
}

interface Measure {
  fields: number;
  aliases: number;
  rootFields: number;
  /** Selections visited, spreads and inline fragments included: fragments made only of spreads count nothing else. */
  visited: number;
}

export function operationLimits(limits: OperationLimits): (context: ValidationContext) => ASTVisitor {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    // Stops counting past this many selections, so a hostile document cannot make the count itself expensive.
    const ceiling = 10 * (limits.maxFields + 1);

    /** Depth of a selection set; adds its fields and aliases to `total`, as often as they are spread. */
    const measure = (selectionSet: SelectionSetNode, total: Measure, visited: ReadonlySet<string>, atRoot: boolean): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        total.visited += 1;
        if (total.visited > ceiling) return deepest;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          total.fields += 1;
          if (atRoot) total.rootFields += 1;
          if (selection.alias) total.aliases += 1;
          deepest = Math.max(deepest, selection.selectionSet ? 1 + measure(selection.selectionSet, total, visited, false) : 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, measure(selection.selectionSet, total, visited, atRoot));
        } else {
          const fragment = fragments.get(selection.name.value);
          // Unknown and cyclic spreads are reported by graphql-js's own rules.
          if (!fragment || visited.has(fragment.name.value)) continue;
          deepest = Math.max(deepest, measure(fragment.selectionSet, total, new Set([...visited, fragment.name.value]), atRoot));
        }
      }
      return deepest;
    };

    return {
      OperationDefinition(node) {
        const total: Measure = { fields: 0, aliases: 0, rootFields: 0, visited: 0 };
        const depth = measure(node.selectionSet, total, new Set(), true);
        if (total.visited > ceiling) total.fields = Math.max(total.fields, limits.maxFields + 1);
        const refuse = (message: string, limit: string, max: number) =>
          context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max } }));
        if (depth > limits.maxDepth) refuse(`Operation is ${depth} levels deep; the limit is ${limits.maxDepth}`, 'depth', limits.maxDepth);
        if (total.fields > limits.maxFields) {
          refuse(`Operation selects more than ${limits.maxFields} fields (fragments counted each time they are spread)`, 'fields', limits.maxFields);
        }
        if (total.aliases > limits.maxAliases) refuse(`Operation uses more than ${limits.maxAliases} aliases`, 'aliases', limits.maxAliases);
        if (total.rootFields > limits.maxRootFields) {
          refuse(`Operation has ${total.rootFields} root fields; the limit is ${limits.maxRootFields}`, 'rootFields', limits.maxRootFields);
        }
      },
    };
  };
}
