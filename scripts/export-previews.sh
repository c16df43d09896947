#!/usr/bin/env bash
# Make a demo plan from the reference reports, export the board paper, the statement of
# action and the workbook, convert each to PDF with LibreOffice (headless) and render its
# first page to a PNG in docs/exports/, so the exports can be looked at without Word.
#
#   scripts/export-previews.sh            # writes docs/exports/{board-paper,statement,xlsx}.png
#   OUT=/tmp/previews scripts/export-previews.sh
#
# Needs soffice (Debian: libreoffice-writer-nogui libreoffice-calc-nogui) and pdftoppm
# (poppler-utils). Also proves LibreOffice opens each file: a conversion failure fails the
# script.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${OUT:-docs/exports}
AS_OF=${AS_OF:-2012-01-20}

for tool in soffice pdftoppm; do
  if ! command -v "$tool" >/dev/null; then
    echo "error: $tool not found; on Debian: apt-get install -y --no-install-recommends \\" >&2
    echo "  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils" >&2
    exit 1
  fi
done

cargo build --quiet -p inspection_tracker --bin inspection-tracker
target_dir=$(cargo metadata --format-version 1 --no-deps |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
cli="$target_dir/debug/inspection-tracker"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/plan.db"
it() { "$cli" --db "$db" "$@"; }

it import tests/fixtures/000_*.txt tests/fixtures/001_*.txt tests/fixtures/003_*.txt \
  tests/fixtures/004_*.txt >/dev/null

# Some progress, so the paper has something to say: the ids of the first few actions.
mapfile -t ids < <(it list --json --as-of "$AS_OF" |
  grep -o '"id": *"[0-9a-f-]\{36\}"' | grep -o '[0-9a-f-]\{36\}' | head -n 12)
update() { it action update "$@" >/dev/null; }
update "${ids[0]}" --status completed --as-of 2011-11-10 --note "Strategy meetings now include health; audited in November."
update "${ids[1]}" --status completed --as-of 2011-12-05 --owner "Head of Safeguarding" \
  --note "Thresholds document reissued to all partners."
update "${ids[2]}" --status in_progress --progress 60 --owner "Designated Nurse" --as-of 2012-01-12 \
  --measure "All health visitors trained by March 2012" \
  --note "Training under way: 40 of 65 staff trained; remaining sessions booked for February."
update "${ids[3]}" --status blocked --owner "Service Manager, Children in Care" --as-of 2012-01-09 \
  --note "Waiting for the new case management system; escalated to the improvement board."
update "${ids[4]}" --status in_progress --progress 30 --owner "Principal Social Worker" --as-of 2012-01-16 \
  --note "Audit tool agreed; first audits in February."
update "${ids[5]}" --status completed --as-of 2012-01-06 --owner "LSCB Business Manager" \
  --note "Multi-agency procedures updated and published."
update "${ids[6]}" --status in_progress --progress 50 --owner "Head of Early Help" --as-of 2012-01-18 \
  --note "Pilot running in two localities."

mkdir -p "$OUT"
export_one() { # format file
  it export --format "$1" --out "$work/$2" --as-of "$AS_OF" >/dev/null
  soffice --headless --convert-to pdf --outdir "$work" "$work/$2" >/dev/null 2>&1
  local pdf="$work/${2%.*}.pdf"
  [ -s "$pdf" ] || { echo "error: LibreOffice could not convert $2" >&2; exit 1; }
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" "$OUT/$1"
  echo "$OUT/$1.png"
}
export_one board-paper board-paper.docx
export_one statement statement.docx
export_one xlsx plan.xlsx
