//! `extract FILE`: read a report and print what the extractor finds, as JSON in the shape
//! of the hand-made `*.expected.json` files plus each recommendation's due date. Parses
//! only: nothing is written, no database is opened.

use std::path::PathBuf;

use chrono::NaiveDate;
use inspection_tracker::extract::{extract, refusal};
use inspection_tracker::model::{BaseDateRule, OpenEndedRule};
use inspection_tracker::schedule::{base_date, due_date};
use inspection_tracker::{Error, Report, ReportKind, Result, StatedNextInspection};
use serde::Serialize;

use crate::{args, print_json, Cli};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The report: PDF, Word (.docx), HTML or text
    pub file: PathBuf,

    /// Count due dates from this date instead of the last day of the inspection
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub base_date: Option<NaiveDate>,
}

/// The printed document; field order is the expected.json files' order.
#[derive(Serialize)]
struct Output<'a> {
    file: String,
    kind: &'static str,
    local_authority: Option<&'a str>,
    inspection_start: Option<NaiveDate>,
    inspection_end: Option<NaiveDate>,
    published: Option<NaiveDate>,
    lead_inspector: Option<&'a str>,
    // The area SEND fields are printed for area SEND reports only (`Some`, holding null
    // where the report says nothing), so other reports keep their shape.
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_inspection_start: Option<Option<NaiveDate>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_inspection_end: Option<Option<NaiveDate>>,
    judgements: Vec<JudgementOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_inspection: Option<Option<StatedNextInspection>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    priority_action_plan_required: Option<bool>,
    recommendations: Vec<RecommendationOut<'a>>,
}

#[derive(Serialize)]
struct JudgementOut<'a> {
    /// `null` for reports whose judgements have no sections (ILACS, SIF).
    section: Option<&'a str>,
    area: &'a str,
    grade: &'a str,
}

#[derive(Serialize)]
struct RecommendationOut<'a> {
    section: &'a str,
    timeframe: Option<&'a str>,
    timeframe_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    responsible_body: Option<Option<&'a str>>,
    text: &'a str,
    paragraph: Option<u32>,
    due_date: Option<NaiveDate>,
}

/// JSON is the output whether or not `--json` is given: this command exists to show the
/// extraction exactly as the tests compare it.
pub fn run(_cli: &Cli, args: &Args) -> Result<()> {
    let in_words = |e| Error::Invalid(format!("{}: {e}", args.file.display()));
    let doc = inspection_tracker::read::read_file(&args.file).map_err(in_words)?;
    let report = extract(&doc.text);
    refusal::check(&doc, &report).map_err(in_words)?;
    let file = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    print_json(&output(file, &report, args.base_date))
}

fn output(file: String, r: &Report, base_flag: Option<NaiveDate>) -> Output<'_> {
    // The flag, else the last day of the inspection; never the publication date.
    let base = base_date(
        BaseDateRule::LastDayOfInspection,
        r.inspection_end,
        None,
        base_flag,
    );
    let send = r.kind == ReportKind::AreaSend;
    Output {
        file,
        kind: r.kind.as_str(),
        local_authority: r.local_authority.as_deref(),
        inspection_start: r.inspection_start,
        inspection_end: r.inspection_end,
        published: r.published,
        lead_inspector: r.lead_inspector.as_deref(),
        previous_inspection_start: send.then_some(r.previous_inspection_start),
        previous_inspection_end: send.then_some(r.previous_inspection_end),
        next_inspection: send.then_some(r.next_inspection),
        priority_action_plan_required: send.then_some(r.priority_action_plan_required),
        judgements: r
            .judgements
            .iter()
            .map(|j| JudgementOut {
                section: Some(j.section.as_str()).filter(|s| !s.is_empty()),
                area: &j.area,
                grade: &j.grade,
            })
            .collect(),
        recommendations: r
            .recommendations
            .iter()
            .map(|rec| {
                // Only timeframes fixed in months have a due date here; "longer term" or
                // no heading gets a configured default in the app, not in this output.
                let due = match (base, rec.timeframe_months()) {
                    (Some(base), Some(_)) => {
                        Some(due_date(base, rec.period, OpenEndedRule::default(), None).date)
                    }
                    _ => None,
                };
                RecommendationOut {
                    section: &rec.section,
                    timeframe: rec.timeframe.as_deref(),
                    timeframe_months: rec.timeframe_months(),
                    responsible_body: send.then_some(rec.responsible_body.as_deref()),
                    text: &rec.text,
                    paragraph: rec.paragraph,
                    due_date: due,
                }
            })
            .collect(),
    }
}
