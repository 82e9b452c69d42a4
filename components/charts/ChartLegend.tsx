/**
 * A chart's legend as HTML under the plot (not inside the SVG): it wraps on a narrow screen instead
 * of covering the plot, and screen readers read it as a list.
 */
export function ChartLegend({
  items,
}: {
  items: ReadonlyArray<{ name: string; colour: string; shape: "line" | "dot" | "dash" | "band" }>;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={`${item.shape}-${item.name}`}>
          <span
            className={`chart-legend-key chart-legend-${item.shape}`}
            // a band (a shaded interval) is a filled block in the colour it shows on the plot
            style={item.shape === "band" ? { color: item.colour, height: "0.7rem", border: 0, background: "currentColor" } : { color: item.colour }}
            aria-hidden="true"
          />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
