// The synthetic analysts of the demo desk: who they are, how they sign in, and how they forecast.
// Skill is a transformation of the question's latent probability (see build-demo-dataset.ts);
// activity decides how often they forecast and update.

export type AnalystStyle =
  | "sharp" // sees developments early, little noise: the desk's best
  | "calibrated" // honest probabilities, moderate noise
  | "overconfident" // pushes probabilities towards 0 and 1
  | "underconfident" // hedges towards 50% / equal scenarios
  | "noisy" // right on average, large scatter
  | "contrarian" // bets against moderate consensus
  | "anchored"; // sticks to the first impression, updates slowly

export interface DemoAnalyst {
  handle: string;
  name: string;
  email: string;
  style: AnalystStyle;
  /** Multiplier on the latent log-odds: >1 overconfident, <1 underconfident. */
  sharpness: number;
  /** Standard deviation of the per-forecast noise on the log-odds scale. */
  noise: number;
  /** How many days ahead of the latent path the analyst effectively sees (skill). */
  lookaheadDays: number;
  /** Chance of forecasting on a given question at all. */
  participation: number;
  /** Mean days between updates; null for one-off forecasters (one forecast per question). */
  updateEveryDays: number | null;
  /** Upper bound on forecasts per question. */
  maxForecastsPerQuestion: number;
  /** Chance that a forecast carries a rationale. */
  rationaleRate: number;
}

const at = (handle: string) => `${handle}@forecast-desk.local`;

export const DEMO_ANALYSTS: readonly DemoAnalyst[] = [
  { handle: "ana", name: "Ana Petrova", email: at("ana"), style: "calibrated", sharpness: 1, noise: 0.35, lookaheadDays: 10, participation: 0.9, updateEveryDays: 18, maxForecastsPerQuestion: 24, rationaleRate: 0.85 },
  { handle: "boris", name: "Boris Lind", email: at("boris"), style: "overconfident", sharpness: 1.9, noise: 0.45, lookaheadDays: 0, participation: 0.85, updateEveryDays: 21, maxForecastsPerQuestion: 20, rationaleRate: 0.6 },
  { handle: "chen", name: "Chen Wei", email: at("chen"), style: "calibrated", sharpness: 1.05, noise: 0.3, lookaheadDays: 5, participation: 0.7, updateEveryDays: 35, maxForecastsPerQuestion: 12, rationaleRate: 0.7 },
  { handle: "dara", name: "Dara Novak", email: at("dara"), style: "underconfident", sharpness: 0.5, noise: 0.3, lookaheadDays: 5, participation: 0.75, updateEveryDays: 40, maxForecastsPerQuestion: 10, rationaleRate: 0.6 },
  { handle: "emil", name: "Emil Sokol", email: at("emil"), style: "noisy", sharpness: 1, noise: 1.1, lookaheadDays: 0, participation: 0.8, updateEveryDays: 14, maxForecastsPerQuestion: 25, rationaleRate: 0.35 },
  { handle: "farah", name: "Farah Haddad", email: at("farah"), style: "contrarian", sharpness: 0.9, noise: 0.4, lookaheadDays: 0, participation: 0.65, updateEveryDays: 45, maxForecastsPerQuestion: 8, rationaleRate: 0.8 },
  { handle: "gosia", name: "Gosia Wiśniewska", email: at("gosia"), style: "calibrated", sharpness: 0.95, noise: 0.4, lookaheadDays: 0, participation: 0.55, updateEveryDays: 60, maxForecastsPerQuestion: 6, rationaleRate: 0.5 },
  { handle: "hugo", name: "Hugo Marchetti", email: at("hugo"), style: "calibrated", sharpness: 1, noise: 0.5, lookaheadDays: 0, participation: 0.5, updateEveryDays: null, maxForecastsPerQuestion: 1, rationaleRate: 0.9 },
  { handle: "ines", name: "Inês Duarte", email: at("ines"), style: "sharp", sharpness: 1.15, noise: 0.2, lookaheadDays: 30, participation: 0.9, updateEveryDays: 12, maxForecastsPerQuestion: 30, rationaleRate: 0.9 },
  { handle: "jonas", name: "Jonas Berg", email: at("jonas"), style: "anchored", sharpness: 1, noise: 0.3, lookaheadDays: 0, participation: 0.7, updateEveryDays: 50, maxForecastsPerQuestion: 8, rationaleRate: 0.5 },
  { handle: "kira", name: "Kira Oleynik", email: at("kira"), style: "overconfident", sharpness: 2.3, noise: 0.6, lookaheadDays: 0, participation: 0.45, updateEveryDays: null, maxForecastsPerQuestion: 1, rationaleRate: 0.7 },
  { handle: "leo", name: "Leo Brandt", email: at("leo"), style: "noisy", sharpness: 0.9, noise: 0.9, lookaheadDays: 0, participation: 0.35, updateEveryDays: 90, maxForecastsPerQuestion: 3, rationaleRate: 0.3 },
];

export const DEMO_ADMIN = { handle: "admin", name: "Desk Admin", email: at("admin") } as const;

/** Fixed demo passwords, printed by `npm run demo`. Not secrets: anyone with the demo can read them. */
export const DEMO_ADMIN_PASSWORD = "admin-demo-2025";
export const DEMO_ANALYST_PASSWORD = "analyst-demo-2025";
