// The browser tests' data: what a council's plan holds three months after two inspections
// (the Rutland and Derby 2011 safeguarding and looked after children reports, their real
// recommendations, ~40 actions in every state, owners, updates, evidence), and a short
// report to import. Only data: bridge.mjs puts it into a real database through the app's
// own commands (the real core answers the page), so nothing here decides a rule.
import { readFileSync } from "node:fs";

export const AS_OF = "2012-01-20";

const REFERENCE = new URL("../../tests/fixtures/", import.meta.url);
/** How many recommendations the core finds in a reference report (its expected extraction). */
const recommendationsIn = (fixture) => JSON.parse(readFileSync(new URL(fixture.replace(/\.txt$/, ".expected.json"), REFERENCE), "utf8")).recommendations.length;

const RUTLAND = { alias: "rep-rutland-2011", fixture: "000_e52ea3f525227045.txt", name: "rutland-slac-2011.txt" };
const DERBY = { alias: "rep-derby-2011", fixture: "004_68b5994d671394d9.txt", name: "derby-slac-2011.txt" };
/** The joint area review of 2006 that the 2011 inspection followed (the report states no date). */
const RUTLAND_2006 = { alias: "rep-rutland-2006", fixture: "002_6aeded920cdbecf5.txt", name: "rutland-jar-2006.txt", inspectionDate: "2006-11-24" };

const OWNERS = ["Jo Adams", "Priya Shah", "Mark Evans", "Designated Nurse (CCG)", "Head of Safeguarding", null];
const STATES = [
  ["completed", 100],
  ["in_progress", 60],
  ["not_started", 0],
  ["in_progress", 30],
  ["blocked", 10],
];
/** A second action under some recommendations ("report:number"), as a plan usually has. */
const EXTRA_ACTIONS = {
  "rep-derby-2011:1": "Report monthly CP visit audit results to the DSCB performance sub-group",
  "rep-derby-2011:2": "Commission return interviews from the missing children's service",
  "rep-rutland-2011:3": "Agree a CAMHS waiting-time target with Leicestershire Partnership NHS Trust",
};

/**
 * The plan a test starts from, as bridge.mjs seeds it. Actions are called act-001 … in the
 * order they were made (Rutland's, then Derby's, each recommendation's own action first);
 * the n-th is in state STATES[n % 5] with owner OWNERS[n % 6], and every third has an
 * update from 10 Jan 2012, the next one from 6 Dec 2011. `bulk` makes that many actions
 * under one report instead; `empty` a database with nothing imported.
 */
export function sampleData({ bulk = 0, empty = false } = {}) {
  const reports = empty || bulk ? [] : [RUTLAND, DERBY];
  const actions = [];
  for (const r of reports) {
    for (let rec = 1; rec <= recommendationsIn(r.fixture); rec++) {
      actions.push({ report: r.alias, rec });
      const extra = EXTRA_ACTIONS[`${r.alias}:${rec}`];
      if (extra) actions.push({ report: r.alias, rec, title: extra });
    }
  }
  const updates = [];
  actions.forEach((a, n) => {
    a.alias = `act-${String(n + 1).padStart(3, "0")}`;
    [a.status, a.progress] = STATES[n % STATES.length];
    a.owner = OWNERS[n % OWNERS.length];
    if (n % 3 === 0)
      updates.push({
        action: a.alias,
        writtenOn: "2012-01-10",
        at: "2012-01-10T09:00:00Z",
        author: "Jo Adams",
        note: "Audit tool agreed with team managers; first sample of 20 cases reviewed.",
      });
    if (n % 3 === 1)
      updates.push({
        action: a.alias,
        writtenOn: "2011-12-06",
        at: "2011-12-06T09:00:00Z",
        author: "Priya Shah",
        note: "Draft procedure circulated to partners for comment.",
      });
  });
  return {
    /** The app's clock when the test starts (null: the computer's). */
    clock: `${AS_OF}T10:15:00Z`,
    /** When the reports were imported (and the plan's states set). */
    importedAt: "2011-12-01T10:00:00Z",
    /** The person's name in Settings (null: left as the system's account, "sam"). */
    user: "Sam Patel",
    reports,
    actions,
    /** Actions left as drafts (import leaves every action one until it is written). */
    drafts: [],
    updates,
    evidence: !reports.length
      ? []
      : [
          {
            alias: "ev-1",
            action: "act-001",
            name: "CP-visit-audit-Dec-2011.xlsx",
            content: "Case, Visited on time, Core group met\n",
            by: "Jo Adams",
            at: "2012-01-05T14:30:00Z",
          },
        ],
    /** Actions removed (in the bin). */
    deleted: [],
    /** Settings other than the name, by key. */
    settings: {},
    /** When backups were made (besides the one the app makes when it first opens). */
    backups: ["2012-01-12T17:01:00Z", "2012-01-19T17:02:00Z"],
    bulk: bulk ? { count: bulk, fixture: RUTLAND.fixture, marked: "care leavers pathway", markEvery: 97, owners: OWNERS } : null,
    /** Whether the database file is damaged when the test starts (its backups are not). */
    damaged: false,
  };
}

/**
 * `data` with the plan of Rutland's 2006 joint area review before the 2011 reports: all
 * its actions done but the first three (act-old-1 … 3, in progress), which await a
 * decision now that a later inspection has overtaken the plan.
 */
export function withEarlierPlan(data) {
  data.reports.unshift(RUTLAND_2006);
  for (let rec = 1; rec <= recommendationsIn(RUTLAND_2006.fixture); rec++) {
    const open = rec <= 3;
    data.actions.push({
      alias: `act-old-${rec}`,
      report: RUTLAND_2006.alias,
      rec,
      status: open ? "in_progress" : "completed",
      progress: open ? 40 : 100,
      owner: "Jo Adams",
    });
  }
  return data;
}

// --- a report to import ----------------------------------------------------------------

/** A short report in the layout of a 2011 Ofsted report, with non-ASCII characters (en
 * dashes, curly quotes, £, a non-breaking hyphen) before and inside recommendations, so
 * byte offsets differ from string indices. */
export const REPORT_TEXT = `Inspection of safeguarding and looked after children services

Rutland

Inspection dates: 3 – 14 October 2011

Reporting inspector Ian Young HMI

Published: 18 November 2011

Safeguarding services

Overall effectiveness

Grade 3 (Adequate)

1. The council’s safeguarding services are adequate. Spending of £1.2m on early help has “begun to show impact”.

Areas for improvement

2. In order to improve the quality of provision and services for safeguarding children and young people in Rutland, the county council should take the following action.

Immediately:

- ensure that partners, including health services, are routinely engaged in, and contribute to, assessments of children and their families
- ensure that only those cases with the most significant identified need proceed to core assessment.

Within three months:

- together with Leicestershire Partnership NHS Trust, ensure that children and their families have easy access to, and benefit from, timely support from CAMHS; improve the quality of assessments, so that information is gathered effectively and analysed thoroughly
- reduce the levels of re‑referrals to the duty and assessment team by increasing and improving use of the CAF.

Services for looked after children

Areas for improvement

3. In order to improve the quality of provision and services for looked after children and young people in Rutland, the council should take the following action.

Within six months:

- improve the consistency of PEPs – personal education plans – for every child in care.

Record of main findings:

Safeguarding services\t
Overall effectiveness\tAdequate
Capacity for improvement\tAdequate
Services for looked after children\t
Overall effectiveness\tGood
`;

/** REPORT_TEXT, or without its dates (`dateless`) or the authority's name (`anonymous`). */
export function reportText({ dateless = false, anonymous = false } = {}) {
  let text = REPORT_TEXT;
  if (dateless) text = text.replace("Inspection dates: 3 – 14 October 2011\n\n", "").replace("Published: 18 November 2011\n\n", "");
  if (anonymous) text = text.replace("\nRutland\n", "\n").replaceAll(" in Rutland", "");
  return text;
}

/** A PDF of one blank page: what a scan without text recognition reads as. */
export function blankPdf() {
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"];
  let out = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  const entries = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  return `${out}xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}
