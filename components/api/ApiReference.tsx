// The OpenAPI document as a page: each operation with its parameters, request body and answers, and the
// schemas they refer to. Handed the document (lib/api/openapi); renders nothing of its own.

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Json;
}
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>;
}

const METHODS = ["get", "post"] as const;

/** A schema in one line: a $ref's name, a type with its limits, or an enum. */
function schemaText(schema: Json | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").at(-1)!;
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(" | ");
  const limits: string[] = [];
  for (const [key, label] of [["minimum", "≥"], ["maximum", "≤"], ["minLength", "length ≥"], ["maxLength", "length ≤"]] as const)
    if (schema[key] !== undefined) limits.push(`${label} ${String(schema[key])}`);
  if (schema.format) limits.push(String(schema.format));
  if (schema.default !== undefined) limits.push(`default ${JSON.stringify(schema.default)}`);
  return [String(schema.type ?? "any"), ...limits].join(", ");
}

function responseSchemaNames(op: Operation): Array<[string, string, string]> {
  return Object.entries(op.responses ?? {}).map(([status, r]) => {
    const content = r.content ? Object.values(r.content)[0] : undefined;
    return [status, r.description ?? "", schemaText(content?.schema)];
  });
}

export function ApiReference({ document }: { document: Json }) {
  const paths = (document.paths ?? {}) as Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  return (
    <div className="stack">
      {Object.entries(paths).flatMap(([path, item]) =>
        METHODS.filter((m) => item[m]).map((method) => {
          const op = item[method]!;
          const id = op.operationId ?? `${method}-${path}`;
          const body = op.requestBody?.content?.["application/json"]?.schema;
          return (
            <section key={id} className="card stack" aria-labelledby={`op-${id}`} data-operation={id}>
              <h2 id={`op-${id}`}>
                <code>
                  {method.toUpperCase()} /api/v1{path}
                </code>
                <span className="muted small"> — {op.summary}</span>
              </h2>
              {op.description ? <p>{op.description}</p> : null}
              {op.parameters?.length ? (
                <div className="table-wrap">
                  <table className="table">
                    <caption>Parameters</caption>
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">In</th>
                        <th scope="col">Schema</th>
                        <th scope="col">Meaning</th>
                      </tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr key={`${p.in}-${p.name}`}>
                          <th scope="row">
                            <code>{p.name}</code>
                            {p.required ? " (required)" : ""}
                          </th>
                          <td>{p.in}</td>
                          <td>{schemaText(p.schema)}</td>
                          <td>{p.description ?? ""}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {body ? (
                <p>
                  Request body (JSON): <a href={`#schema-${schemaText(body)}`}>{schemaText(body)}</a>
                </p>
              ) : null}
              <div className="table-wrap">
                <table className="table">
                  <caption>Answers</caption>
                  <thead>
                    <tr>
                      <th scope="col">Status</th>
                      <th scope="col">Meaning</th>
                      <th scope="col">Body</th>
                    </tr>
                  </thead>
                  <tbody>
                    {responseSchemaNames(op).map(([status, description, schema]) => (
                      <tr key={status}>
                        <th scope="row">{status}</th>
                        <td>{description}</td>
                        <td>{schemas[schema] ? <a href={`#schema-${schema}`}>{schema}</a> : schema}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        }),
      )}
      <section className="card stack" aria-labelledby="schemas-heading">
        <h2 id="schemas-heading">Schemas</h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <details key={name} id={`schema-${name}`}>
            <summary>
              <code>{name}</code>
              {typeof schema.description === "string" ? <span className="muted small"> — {schema.description}</span> : null}
            </summary>
            <pre style={{ overflowX: "auto" }}>{JSON.stringify(schema, null, 2)}</pre>
          </details>
        ))}
      </section>
    </div>
  );
}
