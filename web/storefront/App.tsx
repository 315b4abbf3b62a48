import { useEffect, useState } from 'react';
import { Link, LiveIndicator, navigate, useLocation, useSession } from '../shared/ui';
import { auth, live, session, signedOut } from './api';
import { Catalog } from './Catalog';
import { ProductPage } from './ProductPage';
import { CartPage, WishlistPage } from './CartPage';
import { OrderHistory, OrderPage } from './OrderPage';
import { RegisterPage, SignInPage } from './Account';
import { signInFirst } from './routes';

function Page({ path }: { path: string }) {
  const [route, query] = path.split('?');
  const product = /^\/products\/([^/]+)$/.exec(route);
  const order = /^\/orders\/([^/]+)$/.exec(route);
  if (route === '/') return <Catalog />;
  if (product) return <ProductPage key={product[1]} id={decodeURIComponent(product[1])} />;
  if (route === '/cart') return <CartPage />;
  if (route === '/wishlist') return <WishlistPage />;
  if (route === '/orders') return <OrderHistory />;
  if (order) return <OrderPage key={order[1]} id={decodeURIComponent(order[1])} />;
  if (route === '/signin') return <SignInPage next={new URLSearchParams(query).get('next')} />;
  if (route === '/register') return <RegisterPage next={new URLSearchParams(query).get('next')} />;
  return (
    <>
      <h1>Page not found</h1>
      <Link to="/">Back to the shop</Link>
    </>
  );
}

export function App() {
  const path = useLocation();
  const user = useSession(session)?.user ?? null;
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    signedOut.onSignedOut = () => {
      setEnded(true);
      signInFirst();
    };
  }, []);
  useEffect(() => {
    if (user) setEnded(false);
  }, [user]);
  const route = path.split('?')[0];
  return (
    <>
      <a className="skip" href="#content">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Shop
        </Link>
        <nav aria-label="Main">
          <Link to="/" current={route === '/'}>
            Products
          </Link>
          <Link to="/wishlist" current={route === '/wishlist'}>
            Wishlist
          </Link>
          <Link to="/cart" current={route === '/cart'}>
            Cart
          </Link>
          <Link to="/orders" current={route === '/orders'}>
            Orders
          </Link>
        </nav>
        <LiveIndicator live={live} />
        {user ? (
          <span className="row">
            <span>{user.name}</span>
            <button type="button" onClick={() => void auth.logout().then(() => navigate('/'))}>
              Sign out
            </button>
          </span>
        ) : (
          <Link to="/signin">Sign in</Link>
        )}
      </header>
      <main id="content">
        {ended && (
          <p className="form-error" role="alert">
            Your session has ended. Please sign in again.
          </p>
        )}
        <Page path={path} />
      </main>
    </>
  );
}
