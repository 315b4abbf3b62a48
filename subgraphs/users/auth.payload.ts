import { Field, ObjectType } from 'type-graphql';
import { UserEntity } from './user.entity';

@ObjectType('AuthPayload', { description: 'What register, login and refreshToken return: a new token pair for one session.' })
export class AuthPayload {
  @Field({ description: 'JWT, short-lived (ACCESS_TOKEN_TTL_SECONDS); send as "Authorization: Bearer <token>".' })
  accessToken!: string;

  @Field({ description: 'Opaque, single use: exchange it with refreshToken for the next pair. Keep it out of reach of scripts.' })
  refreshToken!: string;

  @Field({ description: 'When accessToken stops being accepted; refresh shortly before.' })
  accessTokenExpiresAt!: Date;

  @Field({ description: 'When the session ends unless refreshed before (SESSION_IDLE_DAYS after its last use).' })
  sessionExpiresAt!: Date;

  @Field(() => UserEntity, { description: "The signed-in user; their own fields are readable in this response, other subgraphs' fields need the new access token." })
  user!: UserEntity;
}
