import { Field, InputType } from 'type-graphql';

/** A whole address: adding one, or replacing one in `updateAddress`. */
@InputType()
export class AddressInput {
  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field()
  recipient!: string;

  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field()
  postalCode!: string;

  @Field()
  city!: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. "DE" (either case).' })
  country!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}
