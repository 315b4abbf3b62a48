import { IsEmail, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

const MIN_PASSWORD_LENGTH = 10;
/** argon2 hashes any length, but requests with megabyte passwords are refused early. */
const MAX_PASSWORD_LENGTH = 256;
/** RFC 5321's limit on a forward path. */
const MAX_EMAIL_LENGTH = 254;

@InputType()
export class RegisterInput {
  @Field({ description: 'Stored lower-cased; must not belong to an account yet.' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(MAX_EMAIL_LENGTH, { message: `email must be at most ${MAX_EMAIL_LENGTH} characters` })
  email!: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `password must be at most ${MAX_PASSWORD_LENGTH} characters` })
  password!: string;

  @Field()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name!: string;
}

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(MAX_EMAIL_LENGTH, { message: `email must be at most ${MAX_EMAIL_LENGTH} characters` })
  email!: string;

  /** No minimum: a wrong password is refused like any other, never explained. */
  @Field()
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `password must be at most ${MAX_PASSWORD_LENGTH} characters` })
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `currentPassword must be at most ${MAX_PASSWORD_LENGTH} characters` })
  currentPassword!: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `newPassword must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `newPassword must be at most ${MAX_PASSWORD_LENGTH} characters` })
  newPassword!: string;
}
