import type { MurphyExplanation } from "@/lib/track-records/murphy-explanations";
import { formatNumber } from "@/lib/format/number";

/** The Murphy decomposition as a labelled list: Brier = reliability − resolution + uncertainty + residual. */
export function MurphyDecomposition({ terms, testId }: { terms: MurphyExplanation[]; testId?: string }) {
  const v = (x: number | null) => formatNumber(x, "score");
  const by = Object.fromEntries(terms.map((t) => [t.term, t.value]));
  return (
    <section data-testid={testId} aria-label="Murphy decomposition of the Brier score" style={{ fontSize: "0.9rem" }}>
      <h3 style={{ margin: "0 0 0.25rem", fontSize: "1.05rem" }}>Murphy decomposition</h3>
      <p style={{ margin: "0 0 0.5rem" }}>
        Brier {v(by.brier)} = reliability {v(by.reliability)} − resolution {v(by.resolution)} + uncertainty {v(by.uncertainty)} + residual{" "}
        {v(by.residual)}
      </p>
      <dl style={{ margin: 0 }}>
        {terms.map((t) => (
          <div key={t.term} style={{ marginBottom: "0.5rem" }}>
            <dt style={{ fontWeight: 600 }}>
              {t.label}: <span data-term={t.term}>{v(t.value)}</span>
            </dt>
            <dd style={{ margin: "0.1rem 0 0 0" }}>{t.sentence}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
