import { Directive, Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateServiceAccountInput {
  @Field({ description: '1 to 100 characters, unique case-insensitively.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  description?: string | null;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID)
  serviceAccountId!: string;

  @Field({ description: 'What the key is for, 1 to 100 characters.' })
  name!: string;

  @Field(() => [String], { description: 'At least one of catalog:read, catalog:write, stock:read, stock:write, orders:read, orders:write, reviews:moderate, audit:read.' })
  scopes!: string[];
}

/** Internal: something a key did or was refused at the gateway, for the audit log. */
@InputType('ApiKeyUseInput')
@Directive('@inaccessible')
export class ApiKeyUseInput {
  @Field(() => ID)
  keyId!: string;

  @Field({ description: 'apikey.refused or mcp.tool_called.' })
  action!: string;

  @Field({ description: 'What was called: a root field (Mutation.setStock) or an MCP tool (set_stock).' })
  target!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}
