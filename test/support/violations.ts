import { GraphQLError } from 'graphql';

export interface Violation {
  readonly field: string;
  readonly message: string;
}

/** The `extensions.violations` a rule refuses its input with; fails the test when the input is accepted. */
export function violationsFrom(check: () => unknown): Violation[] {
  try {
    check();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    return error.extensions.violations as Violation[];
  }
  throw new Error('the input was accepted');
}
