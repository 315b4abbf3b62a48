import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateCategoryInput {
  @Field({ description: 'Unique among its siblings (ignoring case).' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Omitted or null: a top-level category.' })
  parentId?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are; parentId: null moves the category to the top level.' })
export class UpdateCategoryInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}
