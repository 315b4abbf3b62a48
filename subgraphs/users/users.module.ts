import { createAttemptCounter } from '../../platform/attempt-counter.factory';
import type { SubgraphModule } from '../../platform/subgraph';
import { AddressEntity } from './address.entity';
import { ApiKeyEntity, ServiceAccountEntity } from './api-key.entity';
import { ApiKeyResolver } from './api-key.resolver';
import { ApiKeyService } from './api-key.service';
import { AddressResolver } from './address.resolver';
import { AddressService } from './address.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login.throttle';
import { MfaChallengeEntity, MfaFactorEntity, RecoveryCodeEntity } from './mfa.entity';
import { MfaResolver } from './mfa.resolver';
import { MfaService } from './mfa.service';
import { NotificationEntity } from './notification.entity';
import { startInlineNotifications } from './notification.worker';
import { PasswordCheck } from './password.check';
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
  entities: [UserEntity, PreferencesEntity, SessionEntity, RefreshTokenEntity, AddressEntity, NotificationEntity, MfaFactorEntity, RecoveryCodeEntity, MfaChallengeEntity, ServiceAccountEntity, ApiKeyEntity],
  resolvers: [UserResolver, AuthResolver, SessionResolver, AddressResolver, MfaResolver, ApiKeyResolver],
  createServices: (deps) => {
    const passwords = new PasswordHasher();
    const users = new UserService(deps, passwords);
    const sessions = new SessionService(deps);
    const throttle = new LoginThrottle(createAttemptCounter(deps.config), deps.log);
    const currentPassword = new PasswordCheck(passwords, throttle, deps.clock);
    const mfa = new MfaService(deps, users, sessions, currentPassword, throttle);
    return {
      users,
      sessions,
      throttle,
      mfa,
      auth: new AuthService(deps, users, sessions, passwords, currentPassword, throttle, mfa),
      addresses: new AddressService(deps, users),
      apiKeys: new ApiKeyService(deps),
    };
  },
  referenceResolvers: (services) => userReference(services.users),
  seed: async (services) => {
    await services.users.seed();
    await services.mfa.rekey();
  },
  background: async (services, deps) => [services.sessions.startPurging(), { stop: () => services.throttle.close() }, ...(await startInlineNotifications(deps))],
};
