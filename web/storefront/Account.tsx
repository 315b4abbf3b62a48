import { useState } from 'react';
import { Field, fieldError, FormError, Link, navigate, useAction } from '../shared/ui';
import { auth } from './api';

/** Only paths inside the shop: a crafted ?next= never sends the shopper elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage({ next }: { next: string | null }) {
  const [form, setForm] = useState({ email: '', password: '' });
  const submit = useAction(async () => {
    await auth.login(form);
    navigate(safeNext(next));
  });
  return (
    <form
      className="card narrow"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run();
      }}
    >
      <h1>Sign in</h1>
      <Field label="Email" name="email" type="email" autoComplete="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={fieldError(submit.error, 'email')} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} error={fieldError(submit.error, 'password')} />
      <FormError error={submit.error} fields={['email', 'password']} credentials />
      <button type="submit" disabled={submit.pending}>
        Sign in
      </button>
      <p>
        New here? <Link to={`/register${next ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
      </p>
    </form>
  );
}

export function RegisterPage({ next }: { next: string | null }) {
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const submit = useAction(async () => {
    await auth.register(form);
    navigate(safeNext(next));
  });
  return (
    <form
      className="card narrow"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run();
      }}
    >
      <h1>Create an account</h1>
      <Field label="Name" name="name" autoComplete="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fieldError(submit.error, 'name')} />
      <Field label="Email" name="email" type="email" autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={fieldError(submit.error, 'email')} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} error={fieldError(submit.error, 'password')} />
      <FormError error={submit.error} fields={['name', 'email', 'password']} />
      <button type="submit" disabled={submit.pending}>
        Create account
      </button>
    </form>
  );
}
