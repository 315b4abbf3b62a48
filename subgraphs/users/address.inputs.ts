import { IsISO31661Alpha2, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { PHONE_MESSAGE, PHONE_PATTERN } from './user.inputs';

/** A whole address: adding one, or replacing one in `updateAddress`. */
@InputType()
export class AddressInput {
  @Field(() => String, { nullable: true })
  @MaxLength(50, { message: 'label must be at most 50 characters' })
  label?: string | null;

  @Field()
  @Matches(/\S/, { message: 'recipient must not be empty' })
  @MaxLength(100, { message: 'recipient must be at most 100 characters' })
  recipient!: string;

  @Field()
  @Matches(/\S/, { message: 'line1 must not be empty' })
  @MaxLength(200, { message: 'line1 must be at most 200 characters' })
  line1!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(200, { message: 'line2 must be at most 200 characters' })
  line2?: string | null;

  @Field()
  @Matches(/\S/, { message: 'postalCode must not be empty' })
  @MaxLength(20, { message: 'postalCode must be at most 20 characters' })
  postalCode!: string;

  @Field()
  @Matches(/\S/, { message: 'city must not be empty' })
  @MaxLength(100, { message: 'city must be at most 100 characters' })
  city!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(100, { message: 'region must be at most 100 characters' })
  region?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. "DE" (either case).' })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as "DE"' })
  country!: string;

  @Field(() => String, { nullable: true })
  @Matches(PHONE_PATTERN, { message: `phone ${PHONE_MESSAGE}` })
  phone?: string | null;
}
