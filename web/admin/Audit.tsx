import { useState } from 'react';
import { GraphqlRequestError } from '../shared/graphql';
import { Field, formatDate, messageOf, Pager, useLoad, usePaging } from '../shared/ui';
import { audit } from './api';

export function AuditPage() {
  const [draft, setDraft] = useState({ action: '', entityId: '' });
  const [filter, setFilter] = useState<{ action?: string; entityId?: string }>({});
  const paging = usePaging();
  const page = useLoad(() => audit.list(filter, paging.at), [JSON.stringify(filter), JSON.stringify(paging.at)]);
  const forbidden = page.error instanceof GraphqlRequestError && page.error.code === 'FORBIDDEN';
  return (
    <>
      <h1>Audit log</h1>
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter({ ...(draft.action.trim() ? { action: draft.action.trim() } : {}), ...(draft.entityId.trim() ? { entityId: draft.entityId.trim() } : {}) });
          paging.reset();
        }}
      >
        <Field label="Action" name="action" placeholder="product.created" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} />
        <Field label="Entity id" name="entityId" value={draft.entityId} onChange={(e) => setDraft({ ...draft, entityId: e.target.value })} />
        <button type="submit">Filter</button>
      </form>
      {forbidden ? (
        <p className="form-error" role="alert">The audit log is for admins (signed in with their second factor).</p>
      ) : page.error ? (
        <p className="form-error" role="alert">{messageOf(page.error)}</p>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>{formatDate(node.at)}</td>
                <td>{node.actorName ?? node.actorId}</td>
                <td><code>{node.action}</code></td>
                <td>{node.entityType} <code>{node.entityId}</code></td>
                <td>{node.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager paging={paging} pageInfo={page.data?.pageInfo} />
    </>
  );
}
