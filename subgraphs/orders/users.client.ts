import { USER_IDS_MATCHING, type UserIdsMatchingData } from '../../contracts/users-api';
import type { InternalClient } from '../../platform/internal-client';

/** What orders asks users: which customers a staff search names. */
export class UsersClient {
  constructor(private readonly internal: InternalClient) {}

  async idsMatching(search: string, limit: number): Promise<readonly string[]> {
    const data = await this.internal.request<UserIdsMatchingData>('users', USER_IDS_MATCHING, { search, limit });
    return data.userIdsMatching;
  }
}
