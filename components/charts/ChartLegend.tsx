/**
 * A chart's legend as HTML under the plot (not inside the SVG): it wraps on a narrow screen instead
 * of covering the plot, and screen readers read it as a list.
 */
export function ChartLegend({
  items,
}: {
  items: ReadonlyArray<{ name: string; colour: string; shape: "line" | "dot" | "dash" }>;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={`${item.shape}-${item.name}`}>
          <span className={`chart-legend-key chart-legend-${item.shape}`} style={{ color: item.colour }} aria-hidden="true" />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
