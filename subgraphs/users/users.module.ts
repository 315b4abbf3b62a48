import type { SubgraphModule } from '../kernel/subgraph';
import { UserEntity } from './user.entity';
import { userReference } from './user.reference';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';

export interface UsersServices {
  readonly users: UserService;
}

export const users: SubgraphModule<UsersServices> = {
  name: 'users',
  entities: [UserEntity],
  resolvers: [UserResolver],
  createServices: (deps) => ({ users: new UserService(deps) }),
  referenceResolvers: (services) => userReference(services.users),
  seed: (services) => services.users.seed(),
};
