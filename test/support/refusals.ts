import { GraphQLError } from 'graphql';

/** Helpers for the fast specs of `*.rules.ts`: what a rule refused its input with. */

export interface Violation {
  readonly field: string;
  readonly message: string;
}

/** The error `check` throws; fails the test when it accepts its input or throws something else. */
export function refusalOf(check: () => unknown): GraphQLError {
  try {
    check();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('the input was accepted');
}

/** A BAD_USER_INPUT refusal as a client reads it: the message and the field it names. */
export function badInputOf(check: () => unknown): Violation {
  const error = refusalOf(check);
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  return { field: error.extensions.field as string, message: error.message };
}

/** The `extensions.violations` of a BAD_USER_INPUT refusal. */
export function violationsFrom(check: () => unknown): Violation[] {
  const error = refusalOf(check);
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  return error.extensions.violations as Violation[];
}
