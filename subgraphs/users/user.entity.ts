import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { RoleName } from '../kernel/caller';
import { newId } from '../kernel/ids';

export enum Role {
  CUSTOMER = 'CUSTOMER',
  AGENT = 'AGENT',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'AGENT and ADMIN act for the shop; ADMIN also grants roles.' });

@Entity({ tableName: 'users' })
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  /** Stored lower-cased, so uniqueness ignores case. */
  @Property({ type: 'string', unique: true })
  @Field()
  email!: string;

  @Property({ type: 'string' })
  @Field()
  name!: string;

  /** argon2id hash; never exposed through GraphQL. */
  @Property({ type: 'string', hidden: true })
  passwordHash!: string;

  @Property({ type: 'json' })
  @Field(() => [Role])
  roles: RoleName[] = ['CUSTOMER'];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
