import { Field, InputType } from 'type-graphql';
import { MIN_PASSWORD_LENGTH } from './auth.rules';

/** The shapes of the credentials' inputs; auth.rules.ts says what is valid. */

@InputType()
export class RegisterInput {
  @Field({ description: 'Stored lower-cased; must not belong to an account yet.' })
  email!: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  password!: string;

  @Field()
  name!: string;
}

@InputType()
export class LoginInput {
  @Field()
  email!: string;

  @Field()
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  newPassword!: string;
}

@InputType()
export class ChangeEmailInput {
  @Field({ description: 'Stored lower-cased; must not belong to another account.' })
  newEmail!: string;

  @Field()
  currentPassword!: string;
}
