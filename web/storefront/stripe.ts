/**
 * Stripe.js, loaded only when the gateway says a publishable key is
 * configured (GET /app-config.json, read at run time so one build serves every
 * deployment). Stripe requires loading it from its own address, never bundled;
 * the gateway's Content-Security-Policy allows that address only then.
 * The types cover the part of Stripe.js this app calls.
 */

export interface StripeSettings { readonly publishableKey: string; readonly jsUrl: string }
interface AppConfig { readonly stripe: StripeSettings | null }

export interface StripeError { readonly type: string; readonly code?: string; readonly decline_code?: string; readonly message?: string }
export interface StripeElement { mount(target: HTMLElement): void; destroy(): void }
export interface StripeElements { create(type: 'payment'): StripeElement }
export interface Stripe {
  elements(options: { clientSecret: string }): StripeElements;
  confirmPayment(options: { elements: StripeElements; redirect: 'if_required'; confirmParams: { return_url: string } }): Promise<{ error?: StripeError; paymentIntent?: { status: string } }>;
}
type StripeConstructor = (publishableKey: string) => Stripe;

let config: Promise<AppConfig> | null = null;
/** The apps' run-time settings, asked once per page load. */
export function appConfig(): Promise<AppConfig> {
  config ??= fetch('/app-config.json', { headers: { accept: 'application/json' } }).then((response) => {
    if (!response.ok) throw new Error(`The shop's settings could not be read (${response.status}).`);
    return response.json() as Promise<AppConfig>;
  });
  // A failed read is asked again next time rather than remembered.
  config.catch(() => {
    config = null;
  });
  return config;
}

let loaded: Promise<StripeConstructor> | null = null;
/** Adds Stripe.js's script tag once and resolves with its `Stripe` function. */
export function loadStripe(settings: StripeSettings): Promise<Stripe> {
  loaded ??= new Promise<StripeConstructor>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = settings.jsUrl;
    script.async = true;
    script.onload = () => {
      const constructor = (window as unknown as { Stripe?: StripeConstructor }).Stripe;
      if (constructor) resolve(constructor);
      else reject(new Error('Stripe.js loaded without its Stripe function.'));
    };
    script.onerror = () => {
      loaded = null;
      script.remove();
      reject(new Error('The card form could not be loaded: check your connection and try again.'));
    };
    document.head.append(script);
  });
  return loaded.then((constructor) => constructor(settings.publishableKey));
}
