import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Federation stub: the users subgraph's User, by key; recommendations adds `User.recommendedProducts`. */
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): UserRef {
    return Object.assign(new UserRef(), { id });
  }
}
