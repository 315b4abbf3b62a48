import { IsISO4217CurrencyCode, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** E.164: a plus, a country code and up to 15 digits in all, no separators. */
export const PHONE_PATTERN = /^\+[1-9]\d{6,14}$/;
export const PHONE_MESSAGE = 'must be in international format without spaces, e.g. +4915112345678';

/** Omitted fields stay as they are. */
@InputType()
export class PreferencesInput {
  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. "en" or "de-CH".' })
  @Matches(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'locale must be a language tag such as "en" or "de-CH"' })
  @MaxLength(35, { message: 'locale must be at most 35 characters' })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code, e.g. "EUR".' })
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as "EUR"' })
  currency?: string | null;

  @Field(() => Boolean, { nullable: true })
  marketingEmails?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  orderUpdates?: boolean | null;
}

/** Omitted fields stay as they are; `phone: null` removes the phone number. */
@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @Matches(PHONE_PATTERN, { message: `phone ${PHONE_MESSAGE}` })
  phone?: string | null;

  @Field(() => PreferencesInput, { nullable: true })
  @ValidateNested()
  preferences?: PreferencesInput | null;
}
