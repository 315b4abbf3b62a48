import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../platform/ids';

/** A node of the category tree; a product can be filed under several. */
@Entity({ tableName: 'categories' })
@ObjectType('Category', { description: 'A node of the category tree: top-level categories have no parent.' })
@Directive('@key(fields: "id")')
export class CategoryEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Field()
  name!: string;

  @Property({ type: 'string', nullable: true })
  @Index()
  @Field(() => ID, { nullable: true })
  parentId: string | null = null;

  /** Parent and lower-cased name: unique, so two siblings never share a name, even under a race. */
  @Property({ type: 'string', unique: true })
  siblingKey!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

export function siblingKey(parentId: string | null, name: string): string {
  return `${parentId ?? ''}/${name.toLowerCase()}`;
}
