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
# CLI=path/to/inspection-tracker picks the binary (default: target/debug). A refused file's
# message and exit code are saved in its place, so they are compared too.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/extract-snapshot.sh OUT_DIR}
cli=${CLI:-target/debug/inspection-tracker}
real=${REAL:-../shared/reports/real}
mkdir -p "$out"
n=0
for f in "$real"/*.pdf tests/fixtures/*.txt tests/fixtures/pdf/* tests/fixtures/docx/*; do
  name=$(basename "$(dirname "$f")")__$(basename "$f")
  # A file the CLI refuses (not an inspection report) is recorded with its message and code.
  "$cli" extract "$f" >"$out/$name.json" 2>&1 || echo "exit $?" >>"$out/$name.json"
  n=$((n + 1))
done
echo "$n files extracted into $out"
