import { useEffect, useRef, useState } from 'react';
import { FormError, formatMoney, useAction, useLoad } from '../shared/ui';
import { orders, type Money } from './api';
import { loadStripe, type Stripe, type StripeElements, type StripeSettings } from './stripe';

/**
 * The payment step with Stripe: Stripe's Payment Element takes the card in
 * the page (the card number never reaches the shop), and Stripe.js confirms
 * the order's PaymentIntent with Stripe. Stripe then tells payments by a
 * signed webhook, and the order's status changes live on the page. A declined
 * card leaves the intent payable: the same element takes another card.
 */
export function StripePayment({
  orderId,
  total,
  again,
  settings,
  onPaid,
}: {
  orderId: string;
  total: Money;
  again: boolean;
  settings: StripeSettings;
  /** Told after each attempt: why the card was declined, or null when Stripe took it (the webhook then moves the order). */
  onPaid: (declined: string | null) => void;
}) {
  const secret = useLoad(() => orders.clientSecret(orderId), [orderId]);
  const box = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<{ stripe: Stripe; elements: StripeElements } | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    const clientSecret = secret.data;
    const target = box.current;
    if (!clientSecret || !target) return;
    let cancelled = false;
    let unmount = () => undefined as void;
    loadStripe(settings).then(
      (stripe) => {
        if (cancelled) return;
        const elements = stripe.elements({ clientSecret });
        const element = elements.create('payment');
        element.mount(target);
        unmount = () => element.destroy();
        setForm({ stripe, elements });
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(error);
      },
    );
    return () => {
      cancelled = true;
      unmount();
    };
  }, [secret.data, settings]);

  const pay = useAction(async () => {
    if (!form) return;
    const { error } = await form.stripe.confirmPayment({ elements: form.elements, redirect: 'if_required', confirmParams: { return_url: window.location.href } });
    // A card error is the bank's answer (declined, no funds): shown as why the payment failed. Others are the form's own.
    if (error?.type === 'card_error') onPaid(error.message ?? 'The payment was declined.');
    else if (error) throw new Error(error.message ?? 'The payment could not be sent.');
    else onPaid(null);
  });

  const unavailable = secret.data === null ? new Error('This order cannot be paid by card here.') : null;
  return (
    <form
      className="narrow card"
      aria-label="Card payment"
      onSubmit={(event) => {
        event.preventDefault();
        void pay.run();
      }}
    >
      <h2>{again ? 'Pay again with another card' : 'Pay'}</h2>
      <div ref={box} className="stripe-element" data-testid="stripe-element" />
      <FormError error={secret.error ?? loadError ?? unavailable ?? pay.error} />
      <button type="submit" disabled={!form || pay.pending}>
        {pay.pending ? 'Paying…' : `Pay ${formatMoney(total)}`}
      </button>
    </form>
  );
}
