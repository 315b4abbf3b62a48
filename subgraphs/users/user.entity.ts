import { Embeddable, Embedded, Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import type { RoleName } from '../../platform/caller';
import { newId } from '../../platform/ids';
import { SelfOnly, SelfOrStaff } from './user.access';

export enum Role {
  CUSTOMER = 'CUSTOMER',
  AGENT = 'AGENT',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'AGENT and ADMIN act for the shop; ADMIN also grants roles.' });

/** Column defaults fill the rows of users created before preferences existed. */
@Embeddable()
@ObjectType('Preferences', { description: "The user's settings; only the user sees them." })
export class PreferencesEntity {
  @Property({ type: 'string', default: 'en' })
  @Field({ description: 'BCP 47 language tag for messages and emails, e.g. "en" or "de-CH".' })
  locale: string = 'en';

  @Property({ type: 'string', default: 'EUR' })
  @Field({ description: 'ISO 4217 currency prices are shown in.' })
  currency: string = 'EUR';

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'Newsletters and offers by email (opt-in).' })
  marketingEmails: boolean = false;

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'An email on every order status change.' })
  orderUpdates: boolean = true;
}

@Entity({ tableName: 'users' })
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string', unique: true })
  @Field({ description: 'Lower-cased. The user and staff see it.' })
  @UseMiddleware(SelfOrStaff)
  email!: string;

  @Property({ type: 'string' })
  @Field()
  name!: string;

  /** argon2id hash; never exposed through GraphQL. */
  @Property({ type: 'string', hidden: true })
  passwordHash!: string;

  @Property({ type: 'json' })
  @Field(() => [Role], { description: 'The user and staff see them. A change reaches access tokens at the next refresh.' })
  @UseMiddleware(SelfOrStaff)
  roles: RoleName[] = ['CUSTOMER'];

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'International format, e.g. "+4915112345678". The user and staff see it.' })
  @UseMiddleware(SelfOrStaff)
  phone: string | null = null;

  @Embedded(() => PreferencesEntity)
  @Field(() => PreferencesEntity)
  @UseMiddleware(SelfOnly)
  preferences: PreferencesEntity = new PreferencesEntity();

  /** One of the user's addresses, or null. */
  @Property({ type: 'string', nullable: true })
  defaultShippingAddressId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
