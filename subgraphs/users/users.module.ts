import { createAttemptCounter } from '../../platform/attempt-counter.factory';
import type { SubgraphModule } from '../../platform/subgraph';
import { AddressEntity } from './address.entity';
import { AddressResolver } from './address.resolver';
import { AddressService } from './address.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login.throttle';
import { NotificationEntity } from './notification.entity';
import { startInlineNotifications } from './notification.worker';
import { PasswordHasher } from './password.hasher';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';
import { SessionResolver } from './session.resolver';
import { SessionService } from './session.service';
import { PreferencesEntity, UserEntity } from './user.entity';
import { userReference } from './user.reference';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';
import type { UsersServices } from './users.services';

export const users: SubgraphModule<UsersServices> = {
  name: 'users',
  entities: [UserEntity, PreferencesEntity, SessionEntity, RefreshTokenEntity, AddressEntity, NotificationEntity],
  resolvers: [UserResolver, AuthResolver, SessionResolver, AddressResolver],
  createServices: (deps) => {
    const passwords = new PasswordHasher();
    const users = new UserService(deps, passwords);
    const sessions = new SessionService(deps);
    const throttle = new LoginThrottle(createAttemptCounter(deps.config), deps.log);
    return { users, sessions, throttle, auth: new AuthService(deps, sessions, passwords, throttle), addresses: new AddressService(deps, users) };
  },
  referenceResolvers: (services) => userReference(services.users),
  seed: (services) => services.users.seed(),
  background: async (services, deps) => [services.sessions.startPurging(), { stop: () => services.throttle.close() }, ...(await startInlineNotifications(deps))],
};
