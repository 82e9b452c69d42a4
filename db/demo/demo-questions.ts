// The demo questions, drawn from Dzianis Melyantsou, "Have Moscow and Minsk Really Made a
// Breakthrough on Integration?" (The Moscow Times / Carnegie Moscow Center, 21 September 2021).
// Deadlines the article names keep their real dates; questions about the future get deadlines
// relative to the day the demo is seeded.
// Outcomes follow the public record where it exists; otherwise the question is marked illustrative.
import {
  deadlineLabel,
  endOfDay,
  endOfDayFrom,
  endOfMonthFrom,
  endOfYearFrom,
  startOfDayOf,
  utc,
  DAY_MS,
} from "./demo-calendar";

export interface DemoResolution {
  /** "yes" / "no" for binary, an option label for scenario sets, or "annulled". */
  outcome: string;
  resolveTime: number;
  evidence: string;
}

export interface DemoQuestionSpec {
  id: string;
  title: string;
  description: string;
  resolutionCriteria: string;
  tags: string[];
  type: "binary" | "multiple_choice";
  /** Scenario labels (multiple choice only). */
  options?: string[];
  openTime: number;
  closeTime: number;
  resolveBy: number;
  resolution: DemoResolution | null;
  isIllustrative: boolean;
  hideCrowdUntilForecast: boolean;
  /** The desk's starting belief: P(yes) for binary, one probability per scenario otherwise. */
  prior: number[];
  /** How much the latent belief drifts: log-odds standard deviation per 30 days. */
  volatility: number;
  /** Developments analysts cite in rationales. */
  cues: string[];
  /** Analysts who never forecast on this question (so the demo user finds something untouched). */
  absent?: string[];
}

const ARTICLE = "Melyantsou, The Moscow Times / Carnegie Moscow Center, 21 September 2021";

/** Every historical question has resolved by then; the demo must be seeded later. */
export const EARLIEST_DEMO_NOW = Date.UTC(2024, 0, 2);

export function demoQuestionSpecs(now: number): DemoQuestionSpec[] {
  const today = startOfDayOf(now);
  const daysAgo = (d: number, hour = 9) => today - d * DAY_MS + hour * 3_600_000;

  // Relative deadlines, computed once so titles and times agree.
  const integrationEnd = endOfYearFrom(now, 6);
  const lukashenkoEnd = endOfMonthFrom(now, 6);
  const presidencyEnd = endOfMonthFrom(now, 12);
  const supranationalEnd = endOfMonthFrom(now, 8);
  const baseEnd = endOfMonthFrom(now, 5);
  const potashClose = endOfDayFrom(now, 9);
  const gasClose = endOfDayFrom(now, 4);
  const currencyEnd = endOfMonthFrom(now, 14);
  const armsClose = endOfDayFrom(now, -12);
  const taxClose = endOfDayFrom(now, -35);
  const councilClose = endOfDayFrom(now, -3);
  const monetaryEnd = endOfMonthFrom(now, 10);

  return [
    // ---- Historical questions: the article's own deadlines, resolved from the public record. ----
    {
      id: "union-programs-approved-2021",
      title: "Will the Supreme State Council approve the 28 union programs by 30 November 2021?",
      description:
        "In September 2021 Moscow and Minsk agreed on twenty-eight \"union programs\" on integration after three years of " +
        "negotiations. The article expects them to get final approval from Vladimir Putin and Alexander Lukashenko in " +
        `November at the state council of the Union State. Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if, by the end of 30 November 2021 (UTC), the Supreme State Council of the Union State of Russia and Belarus " +
        "formally approves the package of union programs (a signed decree or resolution reported by either government). " +
        "Approval of only part of the package, or approval at a lower level (Council of Ministers), resolves No.",
      tags: ["union-programs", "union-state"],
      type: "binary",
      openTime: utc(2021, 9, 21, 10),
      closeTime: endOfDay(2021, 11, 30),
      resolveBy: endOfDay(2021, 11, 30),
      resolution: {
        outcome: "yes",
        resolveTime: utc(2021, 11, 4, 13),
        evidence:
          "On 4 November 2021 the Supreme State Council of the Union State, meeting by video link, approved the decree on the " +
          "main directions for implementing the Union State Treaty for 2021–2023 together with the 28 union programs " +
          "(Kremlin and Belarusian presidential press services).",
      },
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.35, 0.65],
      volatility: 0.35,
      cues: [
        "the programs were agreed at the highest level on the eve of the Duma elections",
        "a Supreme State Council session is being prepared for November",
        "both sides present the package as a breakthrough, so formal approval is low-cost",
        "the programs still have to pass both governments before the council meets",
      ],
    },
    {
      id: "central-banks-monetary-principles-2022",
      title: "Will the Russian and Belarusian central banks agree on principles of monetary-policy harmonisation by 31 December 2022?",
      description:
        "The union program on bringing monetary policies in line envisages that the Bank of Russia and the National Bank of " +
        "the Republic of Belarus will reach an agreement on the principles and mechanisms for doing so by December 2022. " +
        `What it will look like is not yet clear. Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if, by the end of 31 December 2022 (UTC), the two central banks sign (or both officially announce they have " +
        "concluded) an agreement setting out the principles and mechanisms of harmonising their monetary policies. " +
        "Statements of intent, working-group meetings or draft texts resolve No.",
      tags: ["monetary-policy", "union-programs"],
      type: "binary",
      openTime: utc(2021, 9, 22, 9),
      closeTime: endOfDay(2022, 12, 31),
      resolveBy: endOfDay(2022, 12, 31),
      resolution: {
        outcome: "no",
        resolveTime: endOfDay(2022, 12, 31),
        evidence:
          "Illustrative resolution for the demo: no primary source is attached here for a signed agreement by the deadline. " +
          "An editor should confirm against the central banks' own publications before relying on this outcome.",
      },
      isIllustrative: true,
      hideCrowdUntilForecast: false,
      prior: [0.55, 0.45],
      volatility: 0.4,
      cues: [
        "the program gives the central banks until December 2022, but the principles are still undefined",
        "sanctions pressure on both banking systems since 2022 raises the value of coordination",
        "the National Bank of Belarus insists on keeping its own inflation targeting",
        "no draft text of the agreement has been published",
      ],
    },
    {
      id: "gas-market-addenda-2023",
      title: "Will Russia and Belarus sign the single gas market addenda by 1 December 2023?",
      description:
        "Moscow and Minsk gave themselves until 1 December 2023 to sign program addenda determining the principles on which " +
        "a single gas market will operate and be regulated. Considering the fraught history of gas conflicts between the " +
        `two countries, the article sees little cause for optimism. Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if, by the end of 1 December 2023 (UTC), both governments sign the addenda (or an intergovernmental agreement) " +
        "that fix the principles of operating and regulating a single gas market, as reported by either government or " +
        "Gazprom. Announcements that talks continue, or signature after the deadline, resolve No.",
      tags: ["energy", "gas", "union-programs"],
      type: "binary",
      openTime: utc(2021, 9, 22, 11),
      closeTime: endOfDay(2023, 12, 1),
      resolveBy: endOfDay(2023, 12, 1),
      resolution: {
        outcome: "no",
        resolveTime: endOfDay(2023, 12, 1),
        evidence:
          "As far as this demo's sources go, no signature of the single gas market addenda was announced by 1 December 2023. " +
          "Marked illustrative until an editor attaches a primary source.",
      },
      isIllustrative: true,
      hideCrowdUntilForecast: false,
      prior: [0.7, 0.3],
      volatility: 0.35,
      cues: [
        "Moscow has repeatedly put off moving to a single oil and gas market",
        "the gas price for Belarus was frozen again, which lowers the urgency for Minsk",
        "Gazprom's tariff rules remain the sticking point",
        "deputy prime ministers report 'progress' but no text is agreed",
        "the deadline is long and these timelines have slipped before",
      ],
    },
    {
      id: "constitutional-referendum-2022",
      title: "Will Belarus hold a nationwide constitutional referendum by 31 March 2022?",
      description:
        "The article notes that a transition of power has already begun in Minsk. Lukashenko has promised a new constitution " +
        "put to a referendum; the amendments are widely read as preparing his succession and could change the country's " +
        `neutral, nuclear-free status, which matters for Russian military infrastructure in Belarus. Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if a nationwide referendum on amending the Constitution of Belarus is held (voting day takes place) by the end " +
        "of 31 March 2022 (UTC). Its result does not matter. A postponement beyond 31 March 2022 resolves No.",
      tags: ["transfer-of-power", "belarus-politics"],
      type: "binary",
      openTime: utc(2021, 9, 25, 8),
      closeTime: endOfDay(2022, 3, 31),
      resolveBy: endOfDay(2022, 3, 31),
      resolution: {
        outcome: "yes",
        resolveTime: utc(2022, 2, 27, 17),
        evidence:
          "The constitutional referendum was held on 27 February 2022 (main voting day). The adopted amendments also removed " +
          "the constitution's neutrality and nuclear-free clauses (Central Election Commission of Belarus).",
      },
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.45, 0.55],
      volatility: 0.35,
      cues: [
        "Lukashenko has named February 2022 as the referendum month",
        "the draft constitution was published for 'nationwide discussion' in December",
        "referendum timing has slipped before",
        "the Central Election Commission has started preparations",
      ],
    },
    {
      id: "eu-belarus-policy-2021",
      title: "How will the EU's Belarus policy change by 31 December 2021?",
      description:
        "The article asks whether the flood of refugees from Afghanistan could force the EU to reconsider its relationship " +
        "with Minsk, as the Ukrainian crisis did in 2014. Since the summer of 2021 migrants have been crossing from Belarus " +
        "into Lithuania, Latvia and Poland, and the EU accuses Minsk of orchestrating the flows. Three mutually exclusive " +
        `scenarios for the EU's response. Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Resolves to the first scenario that applies between 23 September and 31 December 2021 (UTC): 'Further EU sanctions " +
        "adopted' if the Council of the EU adopts new restrictive measures against Belarusian persons or entities; else " +
        "'EU eases sanctions or resumes high-level dialogue' if the EU lifts any Belarus sanctions or holds an official " +
        "meeting at head-of-government or foreign-minister level with Lukashenko's government; else 'No change in EU policy'.",
      tags: ["eu", "sanctions", "migration"],
      type: "multiple_choice",
      options: ["Further EU sanctions adopted", "No change in EU policy", "EU eases sanctions or resumes high-level dialogue"],
      openTime: utc(2021, 9, 23, 9),
      closeTime: endOfDay(2021, 12, 31),
      resolveBy: endOfDay(2021, 12, 31),
      resolution: {
        outcome: "Further EU sanctions adopted",
        resolveTime: utc(2021, 12, 2, 15),
        evidence:
          "On 2 December 2021 the Council of the EU adopted a fifth package of sanctions against Belarus, having broadened " +
          "the legal framework on 15 November 2021 to cover the instrumentalisation of migrants (Council press releases).",
      },
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.5, 0.38, 0.12],
      volatility: 0.35,
      cues: [
        "EU foreign ministers call the border crisis a 'hybrid attack'",
        "Merkel's phone calls with Lukashenko hint at a channel for dialogue",
        "Poland and Lithuania push for a fifth sanctions package",
        "airlines stop carrying Middle Eastern passengers to Minsk under EU pressure",
      ],
    },
    {
      id: "regional-grouping-deployed-2022",
      title: "Will Russia and Belarus announce the deployment of a joint regional grouping of forces in Belarus by 31 December 2022?",
      description:
        "The article argues that the best guarantee of Belarus's geopolitical loyalty for Moscow would be Russian military " +
        "and political infrastructure inside Belarus, difficult to obtain under the current Belarusian system, and that the " +
        `issue will keep causing tension. Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if, by the end of 31 December 2022 (UTC), the president, defence ministry or general staff of either country " +
        "announces that the joint regional grouping of forces of Belarus and Russia is being deployed (activated) on " +
        "Belarusian territory. Routine joint exercises alone resolve No.",
      tags: ["military", "russian-infrastructure"],
      type: "binary",
      openTime: utc(2021, 10, 1, 9),
      closeTime: endOfDay(2022, 12, 31),
      resolveBy: endOfDay(2022, 12, 31),
      resolution: {
        outcome: "yes",
        resolveTime: utc(2022, 10, 10, 12),
        evidence:
          "On 10 October 2022 Alexander Lukashenko announced that Belarus and Russia had agreed to deploy a joint regional " +
          "grouping of forces; Russian troops began arriving in Belarus for it that month (BelTA, Belarusian Ministry of Defence).",
      },
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.8, 0.2],
      volatility: 0.45,
      cues: [
        "Zapad-2021 showed how quickly Russian units can be moved into Belarus",
        "Union Resolve 2022 exercises brought large Russian forces into Belarus",
        "the new constitution drops Belarus's neutral status",
        "Lukashenko still avoids committing Belarusian troops",
        "Minsk has resisted a permanent Russian air base for years",
      ],
    },
    {
      id: "single-currency-agreement-2023",
      title: "Will Russia and Belarus sign an agreement introducing a single currency by 31 December 2023?",
      description:
        "The article stresses that the published list of union programs makes no mention of a single currency: anything " +
        "touching the foundations of state sovereignty has been removed for now. A single currency has been discussed " +
        `since the Union State Treaty of 1999. Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if, by the end of 31 December 2023 (UTC), the two governments (or central banks) sign an agreement that commits " +
        "them to introducing a common currency on a stated timetable. Agreements on payment systems, settlement in roubles " +
        "or monetary-policy coordination alone resolve No.",
      tags: ["monetary-policy", "sovereignty"],
      type: "binary",
      openTime: utc(2021, 9, 24, 9),
      closeTime: endOfDay(2023, 12, 31),
      resolveBy: endOfDay(2023, 12, 31),
      resolution: {
        outcome: "no",
        resolveTime: endOfDay(2023, 12, 31),
        evidence:
          "No agreement introducing a single currency was signed by the end of 2023; officials of both countries continued " +
          "to describe a common currency as not on the agenda.",
      },
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.9, 0.1],
      volatility: 0.3,
      cues: [
        "the union programs leave a single currency out entirely",
        "Minsk's dependence on Russian credit grows after the 2022 sanctions",
        "officials talk about settlement in national currencies, not a common one",
        "Lukashenko repeats that sovereignty is not for sale",
      ],
    },
    {
      id: "nuclear-weapons-in-belarus-2023",
      title: "Will Russian nuclear weapons be stationed in Belarus by 31 December 2023, according to official statements?",
      description:
        "Russian military infrastructure in Belarus is, in the article's words, the best guarantee of geopolitical loyalty " +
        "Moscow could get. Since the constitutional referendum of February 2022 removed the country's nuclear-free clause, " +
        `stationing Russian nuclear weapons in Belarus has been openly discussed. Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if, by the end of 31 December 2023 (UTC), the president or defence minister of Russia or of Belarus states " +
        "officially that Russian nuclear warheads have been delivered to or are stored on Belarusian territory. Dual-capable " +
        "delivery systems without warheads resolve No.",
      tags: ["military", "russian-infrastructure", "nuclear"],
      type: "binary",
      openTime: utc(2022, 4, 1, 9),
      closeTime: endOfDay(2023, 12, 31),
      resolveBy: endOfDay(2023, 12, 31),
      resolution: {
        outcome: "yes",
        resolveTime: utc(2023, 6, 16, 14),
        evidence:
          "On 16 June 2023 Vladimir Putin said publicly that the first Russian nuclear warheads had been delivered to Belarus; " +
          "Belarusian officials confirmed the deployment the same month (Kremlin transcript, St Petersburg forum).",
      },
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.75, 0.25],
      volatility: 0.45,
      cues: [
        "Iskander systems able to carry nuclear warheads are transferred to Belarus",
        "Putin announces a storage facility will be finished by July",
        "Lukashenko says Belarus is ready to host Russian nuclear weapons",
        "Western officials doubt any warheads have moved",
      ],
    },
    {
      id: "union-resolve-exercises-2022",
      title: "Will Russian ground forces take part in a joint exercise on Belarusian territory by 31 March 2022?",
      description:
        "The Moscow Times ran the article next to news of massive Russia–Belarus military drills. For the article, " +
        "Russian military presence in Belarus is the guarantee of loyalty Moscow wants most; joint exercises are the " +
        `form it takes while Minsk resists permanent infrastructure. Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if, between 15 October 2021 and the end of 31 March 2022 (UTC), a joint exercise of the armed forces of " +
        "Russia and Belarus begins on Belarusian territory with Russian ground units taking part, as announced by either " +
        "defence ministry. Command-staff exercises without Russian troops in Belarus resolve No.",
      tags: ["military", "russian-infrastructure"],
      type: "binary",
      openTime: utc(2021, 10, 15, 9),
      closeTime: endOfDay(2022, 3, 31),
      resolveBy: endOfDay(2022, 3, 31),
      resolution: {
        outcome: "yes",
        resolveTime: utc(2022, 2, 10, 8),
        evidence:
          "The joint exercise Union Resolve 2022 began on Belarusian territory on 10 February 2022, with Russian units " +
          "transferred from the Eastern Military District (Russian and Belarusian defence ministries).",
      },
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.45, 0.55],
      volatility: 0.4,
      cues: [
        "Zapad-2021 has just ended, so another large drill soon seems unlikely",
        "Lukashenko announces joint drills on the southern and western borders",
        "Russian trains with armour are reported heading west through Russia",
        "the defence ministries announce Union Resolve for February",
      ],
    },
    {
      id: "s400-delivered-2022",
      title: "Will Belarus receive S-400 air-defence systems from Russia by 31 December 2022?",
      description:
        "Next to the article The Moscow Times reported that Lukashenko eyes a $1 billion Russian arms deal, with " +
        "air-defence systems among the items on his list. Deliveries would deepen military integration without any " +
        `formal transfer of sovereignty. Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if, by the end of 31 December 2022 (UTC), the Belarusian or Russian defence ministry or president states " +
        "that at least one S-400 system has been delivered to, or put on combat duty in, Belarus (whether bought or " +
        "transferred). Russian S-400 units only exercising in Belarus resolve No.",
      tags: ["military", "arms-deal"],
      type: "binary",
      openTime: utc(2021, 9, 27, 9),
      closeTime: endOfDay(2022, 12, 31),
      resolveBy: endOfDay(2022, 12, 31),
      resolution: {
        outcome: "yes",
        resolveTime: utc(2022, 12, 19, 12),
        evidence:
          "Illustrative resolution: in December 2022 Belarusian officials said S-400 systems received from Russia had " +
          "been put on combat duty. Confirm against a primary source before citing.",
      },
      isIllustrative: true,
      hideCrowdUntilForecast: false,
      prior: [0.6, 0.4],
      volatility: 0.4,
      cues: [
        "Lukashenko lists S-400s among the weapons he wants to buy by 2025",
        "Russia's own needs in air defence grow after February 2022",
        "Belarus asks for the systems to be transferred rather than bought",
        "the Belarusian defence ministry hints at deliveries before the year ends",
      ],
    },
    {
      id: "lukashenko-in-office-2022",
      title: "Will Alexander Lukashenko cease to be President of Belarus before 1 January 2023?",
      description:
        "The article says the transition of power has already begun in Minsk, creating a window of opportunity for the " +
        `Kremlin. Will it lead to Lukashenko leaving office in 2022? Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if, before the end of 31 December 2022 (UTC), Alexander Lukashenko resigns, dies, is removed or otherwise " +
        "stops holding the office of President of Belarus, as reported by two major news agencies.",
      tags: ["transfer-of-power", "belarus-politics"],
      type: "binary",
      openTime: utc(2021, 9, 28, 9),
      closeTime: endOfDay(2022, 12, 31),
      resolveBy: endOfDay(2022, 12, 31),
      resolution: {
        outcome: "no",
        resolveTime: endOfDay(2022, 12, 31),
        evidence: "Alexander Lukashenko held the office of President of Belarus throughout 2022.",
      },
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.88, 0.12],
      volatility: 0.3,
      cues: [
        "the new constitution could let him move to the People's Assembly",
        "the referendum passes with Lukashenko firmly in charge",
        "the war in Ukraine makes the Kremlin prefer stability in Minsk",
        "no sign of a handover before the year ends",
      ],
    },
    {
      id: "eu-sectoral-sanctions-lifted-2022",
      title: "Will the EU lift any of its sectoral economic sanctions on Belarus by 31 December 2022?",
      description:
        "The article wonders whether events could force the EU to reconsider its relationship with Minsk, as the " +
        "Ukrainian crisis did in 2014, when the EU later eased its Belarus sanctions. In June 2021 the EU imposed " +
        `sectoral sanctions (potash, petroleum products, tobacco, finance). Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if, by the end of 31 December 2022 (UTC), the Council of the EU lifts or suspends any of the sectoral " +
        "economic restrictions on Belarus adopted in June 2021 or later. Renewals, delistings of individuals and " +
        "humanitarian exemptions resolve No.",
      tags: ["eu", "sanctions"],
      type: "binary",
      openTime: utc(2021, 10, 5, 9),
      closeTime: endOfDay(2022, 12, 31),
      resolveBy: endOfDay(2022, 12, 31),
      resolution: {
        outcome: "no",
        resolveTime: endOfDay(2022, 12, 31),
        evidence:
          "No sectoral sanction on Belarus was lifted in 2022; after Russia's invasion of Ukraine from Belarusian territory " +
          "the EU extended them in March 2022 (Council press releases of 2 and 9 March 2022).",
      },
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.88, 0.12],
      volatility: 0.3,
      cues: [
        "the EU could trade sanctions relief for an end to the border crisis",
        "Minsk lets Russian forces use its territory against Ukraine",
        "the EU extends sanctions to more Belarusian sectors",
        "no member state is pushing for relief",
      ],
    },
    {
      id: "migration-program-implemented-2022",
      title: "Will the Union State's common migration-policy measures be fully implemented by 30 June 2022?",
      description:
        "Migration policy is one of the areas of the integration package approved in November 2021. The article warns " +
        "that the union programs look like " +
        `framework documents still needing additional laws and agreements, with provisory timelines. Source: ${ARTICLE}.`,
      resolutionCriteria:
        "Yes if, by the end of 30 June 2022 (UTC), the Standing Committee of the Union State publishes an implementation " +
        "report stating that every Union State migration-policy measure scheduled for the first half of 2022 has been " +
        "completed.",
      tags: ["union-programs", "migration"],
      type: "binary",
      openTime: utc(2021, 11, 10, 9),
      closeTime: endOfDay(2022, 6, 30),
      resolveBy: endOfDay(2022, 6, 30),
      resolution: {
        outcome: "annulled",
        resolveTime: utc(2022, 7, 8, 10),
        evidence:
          "Annulled (illustrative): the criterion depended on an official implementation report on these measures, and no " +
          "such report was published, so the outcome could not be established fairly either way.",
      },
      isIllustrative: true,
      hideCrowdUntilForecast: false,
      prior: [0.75, 0.25],
      volatility: 0.3,
      cues: [
        "the program text sets no measurable milestones",
        "migration rules are partly harmonised already under the 1999 treaty",
        "the Standing Committee rarely publishes progress reports",
      ],
    },

    // ---- Questions about the future, with deadlines relative to the day the demo is seeded. ----
    {
      id: "union-state-integration",
      title: `Union State integration by ${deadlineLabel(integrationEnd)}`,
      description:
        "The article reads the 28 union programs as a compromise: Moscow plays the long game, while Lukashenko delays any " +
        "handover of sovereignty for as long as he can. Which of four mutually exclusive scenarios best describes " +
        `Russia–Belarus integration at the deadline? Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Judged on ${deadlineLabel(integrationEnd)} (UTC). 'Rupture' if Belarus has formally suspended or left the Union ` +
        "State Treaty; else 'Political union' if a Union State constitutional act or supranational body with binding powers " +
        "over both states has entered into force; else 'Deeper economic integration only' if, since this question opened, " +
        "a treaty creating a single gas, oil, electricity market or common tax or customs administration has entered into " +
        "force; else 'Status quo'.",
      tags: ["union-state", "scenarios", "sovereignty"],
      type: "multiple_choice",
      options: [
        "Status quo: union programs implemented slowly",
        "Deeper economic integration only",
        "Political union",
        "Rupture",
      ],
      openTime: daysAgo(200),
      closeTime: integrationEnd,
      resolveBy: integrationEnd,
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.58, 0.3, 0.08, 0.04],
      volatility: 0.3,
      cues: [
        "procrastination is Lukashenko's tried and tested tactic",
        "the union programs avoid anything touching sovereignty",
        "Minsk's isolation from the West leaves it few alternatives to Moscow",
        "the energy programs' deadlines keep slipping",
        "Moscow prefers strategic patience to forcing the issue",
      ],
    },
    {
      id: "lukashenko-leaves-office",
      title: `Will Alexander Lukashenko cease to be President of Belarus before ${deadlineLabel(lukashenkoEnd)}?`,
      description:
        "The article says a transition of power has already begun in Minsk and that it creates a window of opportunity for " +
        "the Kremlin to increase its political influence. The 2022 constitution gave the All-Belarusian People's Assembly " +
        `constitutional powers, a possible vehicle for succession. Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Yes if, before the end of ${deadlineLabel(lukashenkoEnd)} (UTC), Alexander Lukashenko resigns, dies, is removed, ` +
        "or otherwise stops holding the office of President of Belarus, as reported by two major news agencies. Taking " +
        "on an additional post (e.g. chair of the People's Assembly) while remaining president resolves No.",
      tags: ["transfer-of-power", "belarus-politics"],
      type: "binary",
      openTime: daysAgo(150),
      closeTime: lukashenkoEnd,
      resolveBy: lukashenkoEnd,
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: true,
      prior: [0.93, 0.07],
      volatility: 0.25,
      cues: [
        "no successor has been publicly groomed",
        "the People's Assembly gives Lukashenko a post to move to",
        "health rumours resurface after a missed public appearance",
        "base rates for long-ruling leaders leaving within months are low",
      ],
      absent: ["ana"],
    },
    {
      id: "belarus-presidency-scenarios",
      title: `Who will hold the presidency of Belarus on ${deadlineLabel(presidencyEnd)}?`,
      description:
        "A scenario set on the transfer of power in Minsk that the article sees as already begun: Lukashenko stays, a " +
        `successor from the current establishment takes over, or someone from outside it does. Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Judged on ${deadlineLabel(presidencyEnd)} (UTC) by who holds (or is acting in) the office of President of ` +
        "Belarus: 'Alexander Lukashenko'; 'A successor from the current establishment' (anyone who held a state post under " +
        "Lukashenko in the previous five years); otherwise 'Someone from outside the current establishment'.",
      tags: ["transfer-of-power", "belarus-politics", "scenarios"],
      type: "multiple_choice",
      options: [
        "Alexander Lukashenko",
        "A successor from the current establishment",
        "Someone from outside the current establishment",
      ],
      openTime: daysAgo(120),
      closeTime: presidencyEnd,
      resolveBy: presidencyEnd,
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: true,
      prior: [0.86, 0.11, 0.03],
      volatility: 0.25,
      cues: [
        "the security services remain loyal",
        "the Kremlin would want a say in any succession",
        "the opposition in exile has little leverage inside the country",
        "the People's Assembly could appoint a transitional figure",
      ],
    },
    {
      id: "supranational-body",
      title: `Will Russia and Belarus create a supranational body with binding powers before ${deadlineLabel(supranationalEnd)}?`,
      description:
        "The union programs make no mention of supranational bodies, and political integration was ruled out entirely, " +
        `in the article's reading at Minsk's insistence. Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Yes if, before the end of ${deadlineLabel(supranationalEnd)} (UTC), a treaty or Union State act enters into force ` +
        "that creates a body whose decisions bind both states without national ratification in at least one of taxes, " +
        "customs, monetary policy or energy regulation. Consultative or coordinating bodies resolve No.",
      tags: ["union-state", "sovereignty"],
      type: "binary",
      openTime: daysAgo(180),
      closeTime: supranationalEnd,
      resolveBy: supranationalEnd,
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.9, 0.1],
      volatility: 0.3,
      cues: [
        "a joint tax committee is discussed again",
        "Minsk rejects anything 'supranational' in public",
        "the Union State parliament remains a talking shop",
      ],
    },
    {
      id: "russian-military-base",
      title: `Will Russia open a permanent military base in Belarus before ${deadlineLabel(baseEnd)}?`,
      description:
        "Russian military infrastructure in Belarus is what the article calls the best long-term guarantee of Minsk's " +
        "loyalty for Moscow. Russian units have rotated through Belarus since 2022, and joint training centres exist, but " +
        `Minsk has long resisted a permanent Russian base. Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Yes if, before the end of ${deadlineLabel(baseEnd)} (UTC), the two governments sign or announce an agreement ` +
        "establishing a permanent Russian military base (air, land or air-defence) in Belarus under Russian command. " +
        "Rotational deployments, joint training centres and the regional grouping resolve No.",
      tags: ["military", "russian-infrastructure"],
      type: "binary",
      openTime: daysAgo(160),
      closeTime: baseEnd,
      resolveBy: baseEnd,
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.8, 0.2],
      volatility: 0.35,
      cues: [
        "Lukashenko says Belarus 'does not need' a Russian base",
        "Russian air-defence units stay after the latest exercises",
        "a basing agreement would need ratification in Minsk",
        "the regional grouping already gives Moscow much of what a base would",
      ],
    },
    {
      id: "eu-potash-sanctions-lifted",
      title: `Will the EU lift its restrictions on imports of Belarusian potash before ${deadlineLabel(potashClose)}?`,
      description:
        "The article asks whether events could force the EU to reconsider its relationship with Minsk, as in 2014. EU " +
        `restrictions on Belarusian potash fertiliser imports are the clearest test of any rethink. Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Yes if, before the end of ${deadlineLabel(potashClose)} (UTC), the Council of the EU adopts a decision removing ` +
        "or suspending the prohibition on importing Belarusian potassium chloride (potash) products. Exemptions for " +
        "specific transit cases resolve No.",
      tags: ["eu", "sanctions"],
      type: "binary",
      openTime: daysAgo(100),
      closeTime: potashClose,
      resolveBy: potashClose,
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.94, 0.06],
      volatility: 0.25,
      cues: [
        "EU sanctions renewals have been unanimous so far",
        "fertiliser prices put some pressure on the potash ban",
        "no member state has tabled a proposal to lift it",
      ],
    },
    {
      id: "gas-market-rules-in-force",
      title: `Will common rules for a single Russia–Belarus gas market be in force before ${deadlineLabel(gasClose)}?`,
      description:
        "The single gas market is one of the two most contentious union programs: Moscow has constantly put off moving to " +
        `a single oil and gas market, and the deadline for the addenda of 1 December 2023 has passed. Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Yes if, before the end of ${deadlineLabel(gasClose)} (UTC), an intergovernmental agreement on a single gas market ` +
        "with common tariff and access rules has entered into force (ratified by both sides), as reported by either " +
        "government. Signature without entry into force resolves No.",
      tags: ["energy", "gas", "union-programs"],
      type: "binary",
      openTime: daysAgo(140),
      closeTime: gasClose,
      resolveBy: endOfDayFrom(now, 30),
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.85, 0.15],
      volatility: 0.3,
      cues: [
        "the gas price for Belarus is agreed year by year instead",
        "Gazprom wants its transit rules kept",
        "ratification in both parliaments would take months",
      ],
    },
    {
      id: "single-currency-agreement",
      title: `Will Russia and Belarus sign an agreement introducing a single currency before ${deadlineLabel(currencyEnd)}?`,
      description:
        "The article notes that the union programs make no mention of a single currency; like supranational bodies, it " +
        `touches the foundations of state sovereignty. Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Yes if, before the end of ${deadlineLabel(currencyEnd)} (UTC), the two governments or central banks sign an ` +
        "agreement committing them to a common currency on a stated timetable. Rouble settlement or payment-system " +
        "agreements resolve No.",
      tags: ["monetary-policy", "sovereignty"],
      type: "binary",
      openTime: daysAgo(90),
      closeTime: currencyEnd,
      resolveBy: currencyEnd,
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: true,
      prior: [0.95, 0.05],
      volatility: 0.25,
      cues: [
        "the National Bank of Belarus calls a common currency 'a distant prospect'",
        "Russian officials float a digital rouble for cross-border payments",
        "nothing in the union programs points this way",
      ],
      absent: ["ana", "boris"],
    },
    {
      id: "russian-arms-contracts",
      title: `Will Belarus sign contracts for at least $1 billion of Russian weapons by ${deadlineLabel(armsClose)}?`,
      description:
        "Alongside the article, The Moscow Times reported that Lukashenko eyes a $1 billion Russian arms deal. Such a deal " +
        `would tie Belarus's armed forces more closely to Russian supplies. Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Yes if, between the opening of this question and the end of ${deadlineLabel(armsClose)} (UTC), officials of either ` +
        "country announce signed contracts for deliveries of Russian military equipment to Belarus with a stated total " +
        "value of at least US$1 billion (or the rouble equivalent). Announced intentions resolve No.",
      tags: ["military", "arms-deal"],
      type: "binary",
      openTime: daysAgo(190),
      closeTime: armsClose,
      resolveBy: endOfDayFrom(now, 25),
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.7, 0.3],
      volatility: 0.35,
      cues: [
        "Lukashenko said he would buy $1 billion of Russian weapons by 2025",
        "Russian industry is stretched by its own army's orders",
        "deliveries may come on credit rather than under announced contracts",
      ],
    },
    {
      id: "common-tax-treaty",
      title: `Will Russia and Belarus sign a treaty on common principles of taxation by ${deadlineLabel(taxClose)}?`,
      description:
        "Tax and customs regulation is one of Moscow's priorities in the union programs, and Minsk has resisted a single " +
        "tax code. The programs foresee harmonised indirect taxes; a treaty would be the concrete step the article says " +
        `the framework documents still need. Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Yes if, between the opening of this question and the end of ${deadlineLabel(taxClose)} (UTC), the two governments ` +
        "sign an intergovernmental treaty or agreement setting common principles of taxation (indirect or direct taxes). " +
        "Protocols amending older agreements resolve No.",
      tags: ["tax", "union-programs"],
      type: "binary",
      openTime: daysAgo(210),
      closeTime: taxClose,
      resolveBy: endOfDayFrom(now, -6),
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.65, 0.35],
      volatility: 0.35,
      cues: [
        "a draft tax agreement was reportedly approved by both finance ministries",
        "Minsk fears losing control of VAT refunds",
        "the signing ceremony keeps being postponed",
      ],
    },
    {
      id: "supreme-state-council-meeting",
      title: `Will the Supreme State Council of the Union State meet by ${deadlineLabel(councilClose)}?`,
      description:
        "The Supreme State Council, chaired by the two presidents, approved the union programs in November 2021. Its " +
        `meetings are irregular and signal whether integration is moving. Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Yes if, between the opening of this question and the end of ${deadlineLabel(councilClose)} (UTC), a session of ` +
        "the Supreme State Council of the Union State is held (in person or by video link), as reported by either " +
        "presidential press service.",
      tags: ["union-state"],
      type: "binary",
      openTime: daysAgo(170),
      closeTime: councilClose,
      resolveBy: endOfDayFrom(now, -1),
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.5, 0.5],
      volatility: 0.4,
      cues: [
        "a session was expected around the Union State's anniversary",
        "the presidents meet often, but not always as the Supreme State Council",
        "the agenda would be the progress report on the union programs",
      ],
    },
    {
      id: "belarus-monetary-arrangement",
      title: `Belarus's monetary arrangement on ${deadlineLabel(monetaryEnd)}`,
      description:
        "The union program on monetary policy foresees harmonisation, while a single currency is absent from the list. " +
        `Which arrangement will hold at the deadline? Source: ${ARTICLE}.`,
      resolutionCriteria:
        `Judged on ${deadlineLabel(monetaryEnd)} (UTC): 'Single currency agreed or introduced' if an agreement on a common ` +
        "currency has been signed; else 'Coordinated policy under signed common principles' if the central banks have a " +
        "signed agreement on principles and mechanisms of harmonising monetary policy in force; else 'Independent " +
        "Belarusian rouble policy'.",
      tags: ["monetary-policy", "scenarios"],
      type: "multiple_choice",
      options: [
        "Independent Belarusian rouble policy",
        "Coordinated policy under signed common principles",
        "Single currency agreed or introduced",
      ],
      openTime: daysAgo(130),
      closeTime: monetaryEnd,
      resolveBy: monetaryEnd,
      resolution: null,
      isIllustrative: false,
      hideCrowdUntilForecast: false,
      prior: [0.55, 0.4, 0.05],
      volatility: 0.3,
      cues: [
        "the central banks report 'convergence' of key rates",
        "the National Bank keeps its own inflation target",
        "a signed principles agreement would fit the union program",
      ],
    },
  ];
}
