//! The board paper's chart, drawn in Rust to a PNG: actions by RAG rating beside the
//! burn-up of actions completed against actions due.
//!
//! Text is drawn with a small embedded font (DejaVu Sans cut down to Latin-1; see
//! `font/LICENSE`), so the chart looks the same on every machine and needs no system
//! fonts.

use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate};
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::data::BurnUp;
use super::render_error;
use crate::labels;
use crate::model::Rag;
use crate::plan::summary::{Counts, NextInspectionView};
use crate::Result;

/// Pixel size of the chart. Drawn large and shown at the page's width, so it stays sharp
/// when printed.
pub const WIDTH: u32 = 1600;
pub const HEIGHT: u32 = 640;
/// The strip under the charts that holds the burn-up's key (kept off the plot, where it
/// would hide the lines).
const KEY_HEIGHT: u32 = 56;

const FONT: &str = "sans-serif";
static FONT_BYTES: &[u8] = include_bytes!("font/DejaVuSans-subset.ttf");

fn register_font() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        // The font is compiled in and known good; were it not, text would be blank, not an
        // error, so there is nothing useful to report here.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, FONT_BYTES);
    });
}

/// What the chart shows.
pub struct ChartInput<'a> {
    pub counts: &'a Counts,
    pub burn_up: &'a BurnUp,
    pub as_of: NaiveDate,
    pub next_inspection: Option<&'a NextInspectionView>,
}

/// The chart as PNG bytes.
pub fn render_png(input: &ChartInput<'_>) -> Result<Vec<u8>> {
    register_font();
    let mut rgb = vec![255u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| render_error("chart", e))?;
        let (charts, strip) = root.split_vertically(HEIGHT - KEY_HEIGHT);
        let (left, right) = charts.split_horizontally(WIDTH * 2 / 5);
        let (_, key) = strip.split_horizontally(WIDTH * 2 / 5);
        draw_rag_bars(&left, input.counts).map_err(|e| render_error("chart", e))?;
        draw_burn_up(&right, input).map_err(|e| render_error("chart", e))?;
        draw_key(&key, input).map_err(|e| render_error("chart", e))?;
        root.present().map_err(|e| render_error("chart", e))?;
    }
    encode_png(&rgb, WIDTH, HEIGHT)
}

fn encode_png(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // A flat-colour chart compresses well even at the fastest setting.
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder
        .write_header()
        .map_err(|e| render_error("chart", e))?;
    writer
        .write_image_data(rgb)
        .map_err(|e| render_error("chart", e))?;
    writer.finish().map_err(|e| render_error("chart", e))?;
    Ok(out)
}

fn rag_colour(r: Rag) -> RGBColor {
    let (red, green, blue) = labels::rag_rgb(r);
    RGBColor(red, green, blue)
}

const INK: RGBColor = RGBColor(0x0B, 0x0C, 0x0C);
const GREY: RGBColor = RGBColor(0x50, 0x5A, 0x5F);
const WINDOW: RGBColor = RGBColor(0xE8, 0xE0, 0xF0);
const DUE: RGBColor = GREY;

type Area<'a> = DrawingArea<BitMapBackend<'a>, plotters::coord::Shift>;
type DrawResult = std::result::Result<
    (),
    DrawingAreaErrorKind<<BitMapBackend<'static> as DrawingBackend>::ErrorType>,
>;

fn draw_rag_bars(area: &Area<'_>, counts: &Counts) -> DrawResult {
    let values = [
        (Rag::Red, counts.red),
        (Rag::Amber, counts.amber),
        (Rag::Green, counts.green),
        (Rag::Blue, counts.blue),
    ];
    let max = values.iter().map(|v| v.1).max().unwrap_or(0).max(1) as u32;
    let top = max + (max / 8).max(1);
    let mut chart = ChartBuilder::on(area)
        .caption("Actions by RAG rating", (FONT, 34).into_font().color(&INK))
        .margin(24)
        .x_label_area_size(48)
        .y_label_area_size(64)
        .build_cartesian_2d((0u32..4u32).into_segmented(), 0u32..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
        .light_line_style(TRANSPARENT)
        .y_labels(6)
        .y_label_formatter(&|v| format!("{v}"))
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => values
                .get(*i as usize)
                .map(|(r, _)| labels::rag(*r).to_string())
                .unwrap_or_default(),
            _ => String::new(),
        })
        .label_style((FONT, 24).into_font().color(&INK))
        .axis_style(GREY)
        .draw()?;
    chart.draw_series(values.iter().enumerate().map(|(i, (rag, n))| {
        let i = i as u32;
        let mut bar = Rectangle::new(
            [
                (SegmentValue::Exact(i), 0),
                (SegmentValue::Exact(i + 1), *n as u32),
            ],
            rag_colour(*rag).filled(),
        );
        bar.set_margin(0, 0, 18, 18);
        bar
    }))?;
    chart.draw_series(values.iter().enumerate().map(|(i, (_, n))| {
        Text::new(
            format!("{n}"),
            (SegmentValue::CenterOf(i as u32), *n as u32),
            (FONT, 26)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Center, VPos::Bottom)),
        )
    }))?;
    Ok(())
}

/// A cumulative series as a staircase from `start` to `end` (value 0 before the first
/// step), in day numbers from `origin`.
fn staircase(points: &[(NaiveDate, u32)], origin: NaiveDate, end: NaiveDate) -> Vec<(i32, u32)> {
    let x = |d: NaiveDate| (d - origin).num_days() as i32;
    let mut out = vec![(0, 0)];
    let mut level = 0;
    for &(d, n) in points.iter().filter(|(d, _)| *d <= end) {
        out.push((x(d), level));
        out.push((x(d), n));
        level = n;
    }
    out.push((x(end), level));
    out
}

fn draw_burn_up(area: &Area<'_>, input: &ChartInput<'_>) -> DrawResult {
    let burn = input.burn_up;
    let as_of = input.as_of;
    let mut first = as_of;
    let mut last = as_of;
    for d in burn.due.iter().chain(&burn.completed).map(|p| p.0) {
        first = first.min(d);
        last = last.max(d);
    }
    if let Some(n) = input.next_inspection {
        last = last.max(n.latest);
    }
    // A little room either side so the first and last steps are not on the frame.
    let span = (last - first).num_days().max(28) as u64;
    let origin = first
        .checked_sub_days(Days::new(span / 40 + 1))
        .unwrap_or(first);
    let end = last
        .checked_add_days(Days::new(span / 40 + 1))
        .unwrap_or(last);
    let x_end = (end - origin).num_days() as i32;
    let total = burn.due.last().map(|p| p.1).unwrap_or(0).max(1);
    let top = total + (total / 8).max(1);
    // A real date axis: ticks on the first of the month, every month, quarter or year
    // (by the span), so equal distances are equal times.
    let axis = axis_ticks(origin, end);
    let tick_days: Vec<i32> = axis
        .ticks
        .iter()
        .map(|d| (*d - origin).num_days() as i32)
        .collect();
    let unit = axis.unit;
    let to_date = move |x: &i32| {
        origin
            .checked_add_days(Days::new((*x).max(0) as u64))
            .unwrap_or(origin)
    };

    let mut chart = ChartBuilder::on(area)
        .caption(
            "Burn-up: actions completed against actions due",
            (FONT, 34).into_font().color(&INK),
        )
        .margin(24)
        .x_label_area_size(48)
        .y_label_area_size(64)
        .build_cartesian_2d((0i32..x_end).with_key_points(tick_days), 0u32..top)?;
    chart
        .configure_mesh()
        .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
        .light_line_style(TRANSPARENT)
        .y_labels(6)
        .x_label_formatter(&|x| tick_label(to_date(x), unit))
        .label_style((FONT, 22).into_font().color(&INK))
        .axis_style(GREY)
        .draw()?;

    let day = |d: NaiveDate| (d - origin).num_days() as i32;
    if let Some(n) = input.next_inspection {
        chart.draw_series(std::iter::once(Rectangle::new(
            [
                (day(n.earliest), 0),
                (day(n.latest).max(day(n.earliest) + 1), top),
            ],
            WINDOW.filled(),
        )))?;
    }
    chart.draw_series(LineSeries::new(
        staircase(&burn.due, origin, end),
        DUE.stroke_width(4),
    ))?;
    chart.draw_series(LineSeries::new(
        staircase(&burn.completed, origin, as_of),
        rag_colour(Rag::Blue).stroke_width(5),
    ))?;
    chart.draw_series(std::iter::once(PathElement::new(
        [(day(as_of), 0), (day(as_of), top)],
        INK.stroke_width(2),
    )))?;
    Ok(())
}

/// How far apart the date axis's ticks are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    Month,
    Quarter,
    HalfYear,
    Year,
    /// Every `n` years, for very long spans.
    Years(u32),
}

impl TickUnit {
    /// The step in months.
    pub fn months(self) -> u32 {
        match self {
            TickUnit::Month => 1,
            TickUnit::Quarter => 3,
            TickUnit::HalfYear => 6,
            TickUnit::Year => 12,
            TickUnit::Years(n) => 12 * n,
        }
    }
}

/// The date axis: its ticks (each the first of a month, a whole number of steps apart) and
/// the step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Axis {
    pub ticks: Vec<NaiveDate>,
    pub unit: TickUnit,
}

fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

fn from_month_index(i: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i.div_euclid(12), i.rem_euclid(12) as u32 + 1, 1)
}

/// Ticks for a date axis from `first` to `last`: monthly up to eight months, quarterly up
/// to two and a half years, half-yearly up to five, yearly up to twelve, every few years
/// beyond. Quarters start in January, April, July and October; half-years in January and
/// July; years on 1 January.
pub fn axis_ticks(first: NaiveDate, last: NaiveDate) -> Axis {
    let months = month_index(last) - month_index(first);
    let unit = match months {
        ..=8 => TickUnit::Month,
        9..=30 => TickUnit::Quarter,
        // Three to five years: yearly ticks would be only three or four.
        31..=60 => TickUnit::HalfYear,
        61..=144 => TickUnit::Year,
        m => TickUnit::Years(((m / 12) as u32).div_ceil(10)),
    };
    let step = unit.months() as i32;
    // The first whole step on or after `first`.
    let mut i = month_index(first);
    if first.day() != 1 {
        i += 1;
    }
    i += (step - i.rem_euclid(step)) % step;
    let mut ticks = Vec::new();
    while let Some(d) = from_month_index(i) {
        if d > last {
            break;
        }
        ticks.push(d);
        i += step;
    }
    Axis { ticks, unit }
}

/// "Jan 2025" for months and quarters, "2025" for years.
pub fn tick_label(d: NaiveDate, unit: TickUnit) -> String {
    match unit {
        TickUnit::Month | TickUnit::Quarter | TickUnit::HalfYear => d.format("%b %Y").to_string(),
        TickUnit::Year | TickUnit::Years(_) => d.format("%Y").to_string(),
    }
}

/// The chart in words, for its alt text: what it shows and the figures it shows.
pub fn alt_text(input: &ChartInput<'_>) -> String {
    let c = input.counts;
    let due = input.burn_up.due.last().map_or(0, |p| p.1);
    let done = input
        .burn_up
        .completed
        .iter()
        .rfind(|p| p.0 <= input.as_of)
        .map_or(0, |p| p.1);
    let mut s = format!(
        "Two charts. Left: actions by RAG rating: {} red, {} amber, {} green, {} blue. \
         Right: burn-up over time: {} of {} actions completed by {}, against the actions due \
         by each date.",
        c.red,
        c.amber,
        c.green,
        c.blue,
        done,
        due,
        labels::long_date(input.as_of)
    );
    if let Some(n) = input.next_inspection {
        s.push_str(&format!(
            " The next inspection window, {} to {}, is shaded.",
            labels::long_date(n.earliest),
            labels::long_date(n.latest)
        ));
    }
    s
}

/// How a key entry is drawn.
enum Swatch {
    Band(RGBColor),
    Line(RGBColor, u32),
    Upright(RGBColor),
}

/// The burn-up's key, in a row under it.
fn draw_key(area: &Area<'_>, input: &ChartInput<'_>) -> DrawResult {
    let mut entries = vec![
        (Swatch::Line(DUE, 4), "Due".to_string()),
        (
            Swatch::Line(rag_colour(Rag::Blue), 5),
            "Completed".to_string(),
        ),
        (
            Swatch::Upright(INK),
            format!("As at {}", labels::short_date(input.as_of)),
        ),
    ];
    if input.next_inspection.is_some() {
        entries.push((Swatch::Band(WINDOW), "Next inspection window".into()));
    }
    let font = (FONT, 22).into_font().color(&INK);
    let y = (KEY_HEIGHT / 2) as i32;
    // Line up with the plot's left edge (margin plus the y-axis labels).
    let mut x = 88;
    for (swatch, text) in entries {
        match swatch {
            Swatch::Band(c) => {
                area.draw(&Rectangle::new([(x, y - 10), (x + 28, y + 10)], c.filled()))?
            }
            Swatch::Line(c, w) => {
                area.draw(&PathElement::new([(x, y), (x + 28, y)], c.stroke_width(w)))?
            }
            Swatch::Upright(c) => area.draw(&PathElement::new(
                [(x + 14, y - 12), (x + 14, y + 12)],
                c.stroke_width(2),
            ))?,
        }
        x += 36;
        area.draw(&Text::new(
            text.clone(),
            (x, y),
            font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let (w, _) = area.estimate_text_size(&text, &font)?;
        x += w as i32 + 36;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    #[test]
    fn staircase_steps_up_at_each_date_and_runs_to_the_end() {
        let s = staircase(&[(d(1, 3), 1), (d(1, 5), 3)], d(1, 1), d(1, 10));
        assert_eq!(s, vec![(0, 0), (2, 0), (2, 1), (4, 1), (4, 3), (9, 3)]);
    }

    /// Ticks are first-of-month dates a whole, equal number of months apart, spanning the
    /// range with at most one step spare at either end.
    fn assert_regular(first: NaiveDate, last: NaiveDate, want: TickUnit) {
        let axis = axis_ticks(first, last);
        assert_eq!(axis.unit, want, "{first} to {last}");
        assert!(axis.ticks.len() >= 3, "{:?}", axis.ticks);
        let step = want.months() as i32;
        for pair in axis.ticks.windows(2) {
            assert_eq!(pair[0].day(), 1);
            assert_eq!(
                month_index(pair[1]) - month_index(pair[0]),
                step,
                "{:?}",
                axis.ticks
            );
            // Equal steps are equal times, to within a month's length.
            let days = (pair[1] - pair[0]).num_days();
            let expect = f64::from(step as u32) * 30.44;
            assert!(
                (days as f64 - expect).abs() <= 3.0,
                "{days} days for {step} months"
            );
        }
        let head = month_index(axis.ticks[0]) - month_index(first);
        let tail = month_index(last) - month_index(*axis.ticks.last().unwrap());
        assert!(
            head <= step && tail < step,
            "{:?} for {first}..{last}",
            axis.ticks
        );
    }

    #[test]
    fn axis_ticks_are_regular_for_three_months_eighteen_months_and_six_years() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_regular(d(2025, 1, 14), d(2025, 4, 20), TickUnit::Month);
        assert_regular(d(2011, 10, 14), d(2013, 4, 30), TickUnit::Quarter);
        assert_regular(d(2019, 3, 2), d(2025, 3, 1), TickUnit::Year);
        // Quarters fall in January, April, July, October; years on 1 January.
        let q = axis_ticks(d(2011, 10, 14), d(2013, 4, 30));
        assert!(q.ticks.iter().all(|t| t.month() % 3 == 1), "{:?}", q.ticks);
        assert_eq!(tick_label(q.ticks[0], q.unit), "Jan 2012");
        let y = axis_ticks(d(2019, 3, 2), d(2025, 3, 1));
        assert_eq!(y.ticks[0], d(2020, 1, 1));
        assert_eq!(tick_label(y.ticks[0], y.unit), "2020");
        // Three and a half years: every six months, January and July.
        assert_regular(d(2011, 5, 1), d(2014, 11, 20), TickUnit::HalfYear);
        // A very long span steps in whole years, still regularly.
        assert_regular(d(2000, 1, 1), d(2026, 6, 1), TickUnit::Years(3));
    }

    #[test]
    fn renders_a_png_even_with_nothing_to_show() {
        let counts = Counts::default();
        let burn = BurnUp::default();
        let png = render_png(&ChartInput {
            counts: &counts,
            burn_up: &burn,
            as_of: d(3, 1),
            next_inspection: None,
        })
        .unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    }
}
