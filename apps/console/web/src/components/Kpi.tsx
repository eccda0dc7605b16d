/** One headline figure of the dashboard, with a line under it when the figure needs one. */
export function Kpi({ name, value, hint }: { name: string; value: string; hint?: string }) {
  return (
    <div className="kpi">
      <dt>{name}</dt>
      <dd>
        <strong>{value}</strong>
        {hint ? <small>{hint}</small> : null}
      </dd>
    </div>
  );
}
