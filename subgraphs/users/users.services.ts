import type { AddressService } from './address.service';
import type { ApiKeyService } from './api-key.service';
import type { AuthService } from './auth.service';
import type { LoginThrottle } from './login.throttle';
import type { MfaService } from './mfa.service';
import type { SessionService } from './session.service';
import type { UserService } from './user.service';

/** What the users resolvers are given; apart from users.module.ts, which imports the resolvers. */
export interface UsersServices {
  readonly users: UserService;
  readonly auth: AuthService;
  readonly sessions: SessionService;
  readonly addresses: AddressService;
  readonly throttle: LoginThrottle;
  readonly mfa: MfaService;
  readonly apiKeys: ApiKeyService;
}
