import { useEffect, useState } from 'react';
import { Field, fieldError, FormError, Link, LiveIndicator, navigate, useAction, useLocation, useSession } from '../shared/ui';
import { GraphqlRequestError } from '../shared/graphql';
import { auth, live, session, signedOut } from './api';
import { ProductsPage } from './Products';
import { StockPage } from './Stock';
import { OrdersBoard } from './Orders';
import { AuditPage } from './Audit';

const STAFF = ['AGENT', 'ADMIN'];

function SignIn({ ended }: { ended: boolean }) {
  const [form, setForm] = useState({ email: '', password: '', code: '' });
  const [challenge, setChallenge] = useState<string | null>(null);
  const submit = useAction(async () => {
    if (challenge) {
      await auth.verify(challenge, form.code);
      return;
    }
    try {
      await auth.login({ email: form.email, password: form.password });
    } catch (error) {
      // A right password on an account with a second factor: ask for the code.
      if (error instanceof GraphqlRequestError && error.code === 'MFA_REQUIRED') {
        setChallenge(String(error.errors[0].extensions?.challenge));
        return;
      }
      throw error;
    }
  });
  return (
    <main id="content">
      <form
        className="card narrow"
        onSubmit={(event) => {
          event.preventDefault();
          void submit.run();
        }}
      >
        <h1>Agent console</h1>
        {ended && <p className="form-error" role="alert">Your session has ended. Please sign in again.</p>}
        {challenge ? (
          <Field label="Code from your authenticator app" name="code" inputMode="numeric" autoComplete="one-time-code" required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} error={fieldError(submit.error, 'code')} />
        ) : (
          <>
            <Field label="Email" name="email" type="email" autoComplete="username" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={fieldError(submit.error, 'email')} />
            <Field label="Password" name="password" type="password" autoComplete="current-password" required value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} error={fieldError(submit.error, 'password')} />
          </>
        )}
        <FormError error={submit.error} fields={['email', 'password', 'code']} credentials />
        <button type="submit" disabled={submit.pending}>
          Sign in
        </button>
      </form>
    </main>
  );
}

function Page({ route }: { route: string }) {
  if (route === '/admin' || route === '/admin/' || route === '/admin/products') return <ProductsPage />;
  if (route === '/admin/stock') return <StockPage />;
  if (route === '/admin/orders') return <OrdersBoard />;
  if (route === '/admin/audit') return <AuditPage />;
  return (
    <>
      <h1>Page not found</h1>
      <Link to="/admin">Back to products</Link>
    </>
  );
}

export function App() {
  const route = useLocation().split('?')[0];
  const user = useSession(session)?.user ?? null;
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    signedOut.onSignedOut = () => setEnded(true);
  }, []);
  useEffect(() => {
    if (user) setEnded(false);
  }, [user]);
  if (!user) return <SignIn ended={ended} />;
  if (!user.roles.some((role) => STAFF.includes(role))) {
    return (
      <main id="content">
        <h1>Agent console</h1>
        <p className="form-error" role="alert">This console is for staff (AGENT or ADMIN); {user.email} is not.</p>
        <button type="button" onClick={() => void auth.logout()}>Sign out</button>
      </main>
    );
  }
  return (
    <>
      <a className="skip" href="#content">Skip to content</a>
      <header className="top">
        <Link to="/admin" className="brand">Console</Link>
        <nav aria-label="Console">
          <Link to="/admin" current={route === '/admin' || route === '/admin/products'}>Products</Link>
          <Link to="/admin/stock" current={route === '/admin/stock'}>Stock</Link>
          <Link to="/admin/orders" current={route === '/admin/orders'}>Orders</Link>
          <Link to="/admin/audit" current={route === '/admin/audit'}>Audit log</Link>
        </nav>
        <LiveIndicator live={live} />
        <span className="row">
          <span>{user.name}</span>
          <button type="button" onClick={() => void auth.logout().then(() => navigate('/admin'))}>Sign out</button>
        </span>
      </header>
      <main id="content">
        <Page route={route} />
      </main>
    </>
  );
}
