#!/usr/bin/env bash
# Save the CLI's `extract` JSON for every real report (../shared/reports/real/*.pdf) and
# every reference report (tests/fixtures: text, PDF and Word) into a folder, so that two
# runs (before and after a change to extraction or to the types it fills) can be compared
# byte for byte:
#
#   scripts/extract-snapshot.sh /tmp/extract-before        # with the old binary
#   scripts/extract-snapshot.sh /tmp/extract-after         # with the new one
#   diff -r /tmp/extract-before /tmp/extract-after && echo identical
#
# CLI=path/to/inspection-tracker picks the binary (default: target/debug). Exits non-zero
# if a file fails to extract, so a missing output is never taken for an identical one.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/extract-snapshot.sh OUT_DIR}
cli=${CLI:-target/debug/inspection-tracker}
real=${REAL:-../shared/reports/real}
mkdir -p "$out"
n=0
for f in "$real"/*.pdf tests/fixtures/*.txt tests/fixtures/pdf/* tests/fixtures/docx/*; do
  name=$(basename "$(dirname "$f")")__$(basename "$f")
  "$cli" extract "$f" >"$out/$name.json"
  n=$((n + 1))
done
echo "$n files extracted into $out"
