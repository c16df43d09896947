#!/usr/bin/env bash
# Make a demo plan from the reference reports, export the board paper, the statement of
# action and the workbook, convert each to PDF with LibreOffice (headless) and render its
# first page to a PNG in docs/exports/, so the exports can be looked at without Word.
#
#   scripts/export-previews.sh            # writes docs/exports/{board-paper,statement,xlsx}.png
#   OUT=/tmp/previews scripts/export-previews.sh
#
# Needs soffice (Debian: libreoffice-writer-nogui libreoffice-calc-nogui), pdftoppm
# (poppler-utils) and sqlite3. Also proves LibreOffice opens each file: a conversion failure fails the
# script.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${OUT:-docs/exports}
AS_OF=${AS_OF:-2012-01-20}

for tool in soffice pdftoppm sqlite3; do
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

# The 2011 reports only: a paper as at January 2012 cannot know a 2024 report.
it import tests/fixtures/000_*.txt tests/fixtures/003_*.txt tests/fixtures/004_*.txt >/dev/null

# The demo plan's life, in two stages a paper apart. Changes are dated by when they are
# recorded, so each stage's timestamps are moved back to its day (with the append-only
# triggers lifted for that moment only, as the tests do): the paper's "change since the
# previous paper" and its re-scheduled exceptions then read as they would have.
backdate() { # since-timestamp at-timestamp
  sqlite3 "$db" "
    DROP TRIGGER history_no_update; DROP TRIGGER action_updates_no_update;
    UPDATE history SET at = '$2' WHERE at > '$1';
    UPDATE reports SET imported_at = '$2' WHERE imported_at > '$1';
    UPDATE actions SET created_at = '$2' WHERE created_at > '$1';
    UPDATE action_updates SET created_at = '$2' WHERE created_at > '$1';
    UPDATE evidence SET added_at = '$2' WHERE added_at > '$1';
    CREATE TRIGGER history_no_update BEFORE UPDATE ON history
    BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    CREATE TRIGGER action_updates_no_update BEFORE UPDATE ON action_updates
    BEGIN SELECT RAISE(ABORT, 'action updates are append-only'); END;"
}
it settings set user_name "Alex Morgan" >/dev/null
backdate 0 2011-11-25T09:00:00.000Z

# The ids of the first few actions, soonest due first.
mapfile -t ids < <(it list --json --as-of "$AS_OF" |
  grep -o '"id": *"[0-9a-f-]\{36\}"' | grep -o '[0-9a-f-]\{36\}' | head -n 12)
update() { it action update "$@" >/dev/null; }

# Stage 1, to 1 December 2011: owners named, the immediate actions written as actions.
update "${ids[0]}" --status in_progress --progress 60 --owner "Head of Safeguarding" --as-of 2011-11-28 \
  --what "Add the designated nurse to every strategy meeting and audit attendance monthly" \
  --measure "Health attends 95% of strategy meetings; audit shows decisions reflect health information"
update "${ids[1]}" --owner "Head of Safeguarding" --as-of 2011-11-28
update "${ids[3]}" --status in_progress --progress 20 --owner "Service Manager, Children in Care" --as-of 2011-11-30 \
  --what "Record every looked after child's review on the new case management system" \
  --measure "Every child's review is on the system within 20 working days"
update "${ids[4]}" --owner "Principal Social Worker" --as-of 2011-11-30
backdate 2011-11-25T09:00:00.000Z 2011-12-01T09:00:00.000Z
it export --format board-paper --out "$work/previous.docx" --as-of 2011-12-01 >/dev/null 2>&1

# Stage 2, to 20 January 2012: completions, a blocked action, a date moved after it slipped.
update "${ids[0]}" --status completed --progress 100 --as-of 2011-12-10 \
  --note "Health at every strategy meeting since November; audited in December."
it evidence add "${ids[0]}" tests/fixtures/000_e52ea3f525227045.txt \
  --summary "December audit: health attended 19 of 20 strategy meetings" >/dev/null
update "${ids[0]}" --sign-off
update "${ids[1]}" --status completed --progress 100 --as-of 2011-12-05 \
  --what "Reissue the thresholds document to all partners and brief every team" \
  --note "Thresholds document reissued to all partners."
update "${ids[2]}" --status in_progress --progress 60 --owner "Designated Nurse" --as-of 2012-01-12 \
  --what "Train every health visitor in recognising neglect" \
  --measure "All health visitors trained by March 2012; referrals from health visitors show neglect identified earlier" \
  --note "Training under way: 40 of 65 staff trained; remaining sessions booked for February."
update "${ids[3]}" --status blocked --as-of 2012-01-09 \
  --due 2012-03-31 --reason "The new case management system goes live in March, not December" \
  --mitigation "Reviews recorded on paper and scanned in the meantime; escalated to the improvement board" \
  --next-step "Load the paper records when the system goes live (IT lead, April 2012)" \
  --note "Waiting for the new case management system; escalated to the improvement board."
update "${ids[4]}" --status in_progress --progress 30 --as-of 2012-01-16 \
  --what "Audit 40 case files a quarter against the new practice standards" \
  --measure "Audits show 80% of plans are specific and timely by June 2012" \
  --note "Audit tool agreed; first audits in February."
update "${ids[5]}" --status completed --progress 100 --as-of 2012-01-06 --owner "LSCB Business Manager" \
  --what "Update and publish the multi-agency procedures" \
  --note "Multi-agency procedures updated and published."
update "${ids[6]}" --status in_progress --progress 50 --owner "Head of Early Help" --as-of 2012-01-18 \
  --what "Pilot the early help assessment in two localities, then roll it out" \
  --note "Pilot running in two localities."
# The contact, referral and assessment letter's first two, which open the statement.
first_of() { it list --json --search "$1" | grep -o '"id": *"[0-9a-f-]\{36\}"' | grep -o '[0-9a-f-]\{36\}' | head -n 1; }
cra1=$(first_of "significant weaknesses decision making")
cra2=$(first_of "repeat referrals remain high")
update "$cra1" --status in_progress --progress 70 --owner "Head of Referral and Assessment" --as-of 2012-01-13 \
  --what "Review every case the inspectors identified and audit 20 referrals a month through senior manager scrutiny" \
  --measure "Monthly audits find decisions on referrals timely and proportionate in 90% of cases by April 2012" \
  --note "All identified cases reviewed; monthly referral audits running since November."
it evidence add "$cra1" tests/fixtures/003_58c395879ae4d1eb.txt \
  --summary "December referral audit: 17 of 20 decisions timely and proportionate" >/dev/null
update "$cra2" --status in_progress --progress 40 --owner "Service Manager, Duty and Assessment" --as-of 2012-01-16 \
  --what "Check every closure against a closure checklist signed by a team manager" \
  --measure "Re-referrals within 12 months fall below 20% by July 2012" \
  --note "Closure checklist in use since January; first re-referral figures due in March."
backdate 2011-12-01T09:00:00.000Z 2012-01-18T16:00:00.000Z

mkdir -p "$OUT"
export_one() { # format file
  it export --format "$1" --out "$work/$2" --as-of "$AS_OF" "${@:3}" >/dev/null 2>&1
  soffice --headless --convert-to pdf --outdir "$work" "$work/$2" >/dev/null 2>&1
  local pdf="$work/${2%.*}.pdf"
  [ -s "$pdf" ] || { echo "error: LibreOffice could not convert $2" >&2; exit 1; }
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" "$OUT/$1"
  echo "$OUT/$1.png"
  # Every page, for looking at (not committed): KEEP=dir keeps them.
  if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP"
    cp "$pdf" "$KEEP/"
    pdftoppm -png -r 60 "$pdf" "$KEEP/$1"
  fi
}
export_one board-paper board-paper.docx \
  --board-asked "note the progress; agree the new date for recording children's reviews; and ask the improvement board to confirm the case management system's go-live date"
export_one statement statement.docx
export_one xlsx plan.xlsx
