import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../platform/ids';

@Entity({ tableName: 'addresses' })
@ObjectType('Address', { description: "A postal address in a user's address book; the user and staff see it." })
export class AddressEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Index()
  userId!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'The user\'s name for it, e.g. "Home".' })
  label: string | null = null;

  @Property({ type: 'string' })
  @Field({ description: 'Who receives parcels here.' })
  recipient!: string;

  @Property({ type: 'string' })
  @Field()
  line1!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  line2: string | null = null;

  @Property({ type: 'string' })
  @Field()
  postalCode!: string;

  @Property({ type: 'string' })
  @Field()
  city!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'State, province or county where the postal system needs it.' })
  region: string | null = null;

  @Property({ type: 'string' })
  @Field({ description: 'ISO 3166-1 alpha-2 country code, upper case, e.g. "DE".' })
  country!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'For the carrier, international format.' })
  phone: string | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
