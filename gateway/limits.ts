import { GraphQLError, Kind, type ASTVisitor, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionNode, type ValidationContext } from 'graphql';

/**
 * Operation limits, checked on the document before any subgraph is called
 * (the ones Apollo's router offers): how deep it nests (in fields, and in
 * fragments spread inside fragments, which no operation needs many of and
 * @apollo/gateway's planner takes seconds over a chain of a thousand), how
 * many fields it
 * selects with fragments expanded (a few fragments spread many times can ask
 * for millions), how many aliases (each one a repeat of a field, a cheap way
 * to multiply work) and how many root fields. Introspection fields count like
 * any other (`__typename` aside, which costs nothing), except for depth:
 * the standard introspection query nests 15 levels of cheap type references,
 * and graphql-js bounds introspection by how deeply its lists nest instead
 * (MaxIntrospectionDepthRule, among the specified rules), since each level
 * multiplies the answer by the schema's size.
 */
export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxFields: number;
  readonly maxAliases: number;
  readonly maxRootFields: number;
}

/** Fragments spread inside one another: past this, `extensions.limit` is `fragmentDepth`. */
export const MAX_FRAGMENT_DEPTH = 32;

interface Measure {
  depth: number;
  /** Fragments spread inside one another, at most. */
  fragmentDepth: number;
  fields: number;
  aliases: number;
  rootFields: number;
  /** Selections visited, spreads and inline fragments included: fragments made only of spreads count nothing else. */
  visited: number;
}

/** A selection set being walked, with what holds for every selection in it. */
interface Frame {
  readonly selections: readonly SelectionNode[];
  next: number;
  /** Fields above this set (introspection fields excluded). */
  readonly depth: number;
  readonly atRoot: boolean;
  /** Inside `__schema` or `__type`. */
  readonly introspection: boolean;
  /** The fragment this set is the body of, if any; it is on the path until the frame is done. */
  readonly fragment: string | null;
  /** Fragments on the path to this set. */
  readonly fragments: number;
}

export function operationLimits(limits: OperationLimits): (context: ValidationContext) => ASTVisitor {
  return (context) => {
    const fragments = fragmentsOf(context.getDocument());
    // Stops counting past this many selections, so a hostile document cannot make the count itself expensive.
    const ceiling = 10 * (limits.maxFields + 1);

    return {
      OperationDefinition(node) {
        const total = measure(node.selectionSet.selections, fragments, ceiling, limits.maxFields);
        const refuse = (message: string, limit: string, max: number) =>
          context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max } }));
        if (total.depth > limits.maxDepth) refuse(`Operation is ${total.depth} levels deep; the limit is ${limits.maxDepth}`, 'depth', limits.maxDepth);
        if (total.fragmentDepth > MAX_FRAGMENT_DEPTH) {
          refuse(`Operation spreads fragments ${total.fragmentDepth} levels deep; the limit is ${MAX_FRAGMENT_DEPTH}`, 'fragmentDepth', MAX_FRAGMENT_DEPTH);
        }
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

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * The fields an operation selects, fragments counted each time they are
 * spread (at least 1: `{ __typename }` is still a request): the cost the rate
 * limit charges. For a document that passed `operationLimits`, so it is
 * bounded by MAX_QUERY_FIELDS.
 */
export function fieldCount(document: DocumentNode, operation: OperationDefinitionNode, maxFields: number): number {
  const total = measure(operation.selectionSet.selections, fragmentsOf(document), 10 * (maxFields + 1), maxFields);
  return Math.max(1, total.fields);
}

/**
 * Walks the operation with its fragments expanded, as often as they are
 * spread, with a stack of its own rather than recursion, so a chain of
 * thousands of spreads costs time in proportion and never the call stack.
 */
function measure(selections: readonly SelectionNode[], fragments: ReadonlyMap<string, FragmentDefinitionNode>, ceiling: number, maxFields: number): Measure {
  const total: Measure = { depth: 0, fragmentDepth: 0, fields: 0, aliases: 0, rootFields: 0, visited: 0 };
  const onPath = new Set<string>();
  const stack: Frame[] = [{ selections, next: 0, depth: 0, atRoot: true, introspection: false, fragment: null, fragments: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.selections.length || total.visited > ceiling) {
      stack.pop();
      if (frame.fragment) onPath.delete(frame.fragment);
      continue;
    }
    const selection = frame.selections[frame.next++];
    total.visited += 1;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') continue;
      total.fields += 1;
      if (frame.atRoot) total.rootFields += 1;
      if (selection.alias) total.aliases += 1;
      const introspection = frame.introspection || name === '__schema' || name === '__type';
      const depth = introspection ? frame.depth : frame.depth + 1;
      total.depth = Math.max(total.depth, depth);
      if (selection.selectionSet) {
        stack.push({ selections: selection.selectionSet.selections, next: 0, depth, atRoot: false, introspection, fragment: null, fragments: frame.fragments });
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      stack.push({ ...frame, selections: selection.selectionSet.selections, next: 0, fragment: null });
    } else {
      const fragment = fragments.get(selection.name.value);
      // Unknown and cyclic spreads are reported by graphql-js's own rules.
      if (!fragment || onPath.has(fragment.name.value)) continue;
      onPath.add(fragment.name.value);
      total.fragmentDepth = Math.max(total.fragmentDepth, frame.fragments + 1);
      stack.push({ ...frame, selections: fragment.selectionSet.selections, next: 0, fragment: fragment.name.value, fragments: frame.fragments + 1 });
    }
  }
  if (total.visited > ceiling) total.fields = Math.max(total.fields, maxFields + 1);
  return total;
}
