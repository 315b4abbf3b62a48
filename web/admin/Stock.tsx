import { useState } from 'react';
import { Field, fieldError, FormError, idempotencyKey, messageOf, useAction, useLoad } from '../shared/ui';
import { stock, type StockLevel } from './api';

function Result({ level }: { level: StockLevel | null }) {
  if (!level) return null;
  return <p className="notice" role="status">Now {level.onHand} on hand, {level.reserved} reserved, {level.available} available.</p>;
}

export function StockPage() {
  const low = useLoad(() => stock.low(), []);
  const [setForm, setSetForm] = useState({ sku: '', onHand: '' });
  const [adjustForm, setAdjustForm] = useState({ sku: '', delta: '', reason: '' });
  // One key per adjustment meant: a retry after a timeout counts once; a new key once it succeeded.
  const [adjustKey, setAdjustKey] = useState(idempotencyKey);
  const [result, setResult] = useState<StockLevel | null>(null);
  const set = useAction(async () => {
    setResult(await stock.set(setForm.sku, Number(setForm.onHand)));
    low.reload();
  });
  const adjust = useAction(async () => {
    setResult(await stock.adjust(adjustForm.sku, Number(adjustForm.delta), adjustForm.reason, adjustKey));
    setAdjustKey(idempotencyKey());
    low.reload();
  });
  return (
    <>
      <h1>Stock</h1>
      <Result level={result} />
      <div className="forms">
        <form
          className="card"
          aria-labelledby="set-heading"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setResult(null);
            void set.run();
          }}
        >
          <h2 id="set-heading">Set the count</h2>
          <Field label="SKU" name="sku" value={setForm.sku} onChange={(e) => setSetForm({ ...setForm, sku: e.target.value })} error={fieldError(set.error, 'sku')} />
          <Field label="On hand" name="onHand" type="number" min="0" value={setForm.onHand} onChange={(e) => setSetForm({ ...setForm, onHand: e.target.value })} error={fieldError(set.error, 'onHand')} />
          <FormError error={set.error} fields={['sku', 'onHand']} />
          <button type="submit" disabled={set.pending}>Set stock</button>
        </form>
        <form
          className="card"
          aria-labelledby="adjust-heading"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setResult(null);
            void adjust.run();
          }}
        >
          <h2 id="adjust-heading">Adjust, with a reason</h2>
          <Field label="SKU" name="sku" value={adjustForm.sku} onChange={(e) => setAdjustForm({ ...adjustForm, sku: e.target.value })} error={fieldError(adjust.error, 'sku')} />
          <Field label="Change (+/−)" name="delta" type="number" value={adjustForm.delta} onChange={(e) => setAdjustForm({ ...adjustForm, delta: e.target.value })} error={fieldError(adjust.error, 'delta')} />
          <Field label="Reason" name="reason" hint="E.g. delivery note 1234, breakage, recount." value={adjustForm.reason} onChange={(e) => setAdjustForm({ ...adjustForm, reason: e.target.value })} error={fieldError(adjust.error, 'reason')} />
          <FormError error={adjust.error} fields={['sku', 'delta', 'reason']} />
          <button type="submit" disabled={adjust.pending}>Adjust stock</button>
        </form>
      </div>
      <h2>Low stock</h2>
      {low.error ? <p className="form-error" role="alert">{messageOf(low.error)}</p> : null}
      <div className="table-wrap">
        <table aria-label="Low stock">
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Name</th>
              <th scope="col" className="num">Available</th>
              <th scope="col" className="num">Threshold</th>
            </tr>
          </thead>
          <tbody>
            {low.data?.edges.map(({ node }) => (
              <tr key={node.productId}>
                <td>{node.product.sku}</td>
                <td>{node.product.name}</td>
                <td className="num">{node.available}</td>
                <td className="num">{node.lowStockThreshold}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
