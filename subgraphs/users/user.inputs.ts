import { Field, InputType } from 'type-graphql';

/** Omitted fields stay as they are. */
@InputType()
export class PreferencesInput {
  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. "en" or "de-CH".' })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code, e.g. "EUR".' })
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
  name?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => PreferencesInput, { nullable: true })
  preferences?: PreferencesInput | null;
}
