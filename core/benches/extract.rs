//! Report extraction speed on the five reference reports, and on the 40 real area SEND
//! reports in `../shared/reports/send/` (all of them per iteration).
//!
//! Targets: extracting a text report under 1 ms; reading and extracting a PDF no slower
//! than poppler's `pdftotext` alone on the same file (timed here as a child process,
//! which is how a user would run it; skipped when it is not installed).
//!
//! `cargo bench -p inspection_tracker --bench extract`

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use inspection_tracker::extract::extract;
use inspection_tracker::read::read_bytes;

const PDFTOTEXT: &str = "/usr/bin/pdftotext";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// The reference stems ("000_e52ea3f525227045" …), sorted.
fn stems() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().to_string();
            n.strip_suffix(".txt").map(str::to_string)
        })
        .collect();
    v.sort();
    v
}

/// Short labels for the report ("000", "001" …).
fn label(stem: &str) -> &str {
    stem.split('_').next().unwrap_or(stem)
}

fn text_extraction(c: &mut Criterion) {
    let mut g = c.benchmark_group("extract_text");
    for stem in stems() {
        let text = std::fs::read_to_string(fixtures().join(format!("{stem}.txt"))).unwrap();
        g.bench_with_input(BenchmarkId::from_parameter(label(&stem)), &text, |b, t| {
            b.iter(|| extract(black_box(t)))
        });
    }
    g.finish();
}

fn pdf_read_and_extract(c: &mut Criterion) {
    let mut g = c.benchmark_group("read_extract_pdf");
    g.measurement_time(Duration::from_secs(4));
    for stem in stems() {
        let bytes = std::fs::read(fixtures().join(format!("pdf/{stem}.pdf"))).unwrap();
        g.bench_with_input(
            BenchmarkId::from_parameter(label(&stem)),
            &bytes,
            |b, pdf| {
                b.iter(|| {
                    let doc = read_bytes(black_box(pdf), Some("report.pdf")).unwrap();
                    extract(&doc.text)
                })
            },
        );
    }
    g.finish();
}

/// poppler's text extraction alone, writing to stdout (as `pdftotext FILE -`).
fn pdftotext(c: &mut Criterion) {
    if !Path::new(PDFTOTEXT).exists() {
        eprintln!("note: {PDFTOTEXT} is not installed; skipping the comparison");
        return;
    }
    let mut g = c.benchmark_group("pdftotext");
    g.measurement_time(Duration::from_secs(4));
    for stem in stems() {
        let path = fixtures().join(format!("pdf/{stem}.pdf"));
        g.bench_with_input(BenchmarkId::from_parameter(label(&stem)), &path, |b, p| {
            b.iter(|| {
                let out = Command::new(PDFTOTEXT).arg(p).arg("-").output().unwrap();
                assert!(out.status.success());
                out.stdout.len()
            })
        });
    }
    g.finish();
}

/// The 40 real area SEND PDFs in `../shared/reports/send/` (not ours to commit; skipped
/// when absent), sorted.
fn area_send_pdfs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/reports/send");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    v.sort();
    v
}

/// Read + extract every area SEND PDF, one after another (one iteration = all of them),
/// against `pdftotext` alone on the same files, each as a child process writing to stdout.
/// Files are read from disk in both, as a user's import does.
fn area_send(c: &mut Criterion) {
    let pdfs = area_send_pdfs();
    if pdfs.is_empty() {
        eprintln!("note: ../shared/reports/send is absent; skipping the area SEND benchmark");
        return;
    }
    let mut g = c.benchmark_group("area_send_40");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("read_extract", |b| {
        b.iter(|| {
            pdfs.iter()
                .map(|p| {
                    let doc = inspection_tracker::read::read_file(black_box(p)).unwrap();
                    extract(&doc.text).recommendations.len()
                })
                .sum::<usize>()
        })
    });
    if Path::new(PDFTOTEXT).exists() {
        g.bench_function("pdftotext", |b| {
            b.iter(|| {
                pdfs.iter()
                    .map(|p| {
                        let out = Command::new(PDFTOTEXT).arg(p).arg("-").output().unwrap();
                        assert!(out.status.success());
                        out.stdout.len()
                    })
                    .sum::<usize>()
            })
        });
    } else {
        eprintln!("note: {PDFTOTEXT} is not installed; skipping the comparison");
    }
    g.finish();
}

criterion_group! {
    name = benches;
    // No plots: they need system fonts, and the medians are what the targets are about.
    config = Criterion::default().without_plots();
    targets = text_extraction, pdf_read_and_extract, pdftotext, area_send
}
criterion_main!(benches);
