#!/usr/bin/env bash
# Make the sample area SEND report's PDF from the document we wrote for it:
# tests/fixtures/send/kestrelford-area-send.html (a made-up area in the layout Ofsted and
# CQC publish, with the two-column priority-action table) ->
# tests/fixtures/send/kestrelford-area-send.pdf, which the app ships as a sample and the
# tests import. Regenerate it after editing the HTML; the PDF's text does not depend on the
# run (only its embedded creation date does).
#
# Needs soffice (Debian: apt-get install -y --no-install-recommends libreoffice-writer-nogui).
set -euo pipefail
cd "$(dirname "$0")/.."
src=tests/fixtures/send/kestrelford-area-send.html
if ! command -v soffice >/dev/null; then
  echo "error: soffice not found; on Debian: apt-get install -y --no-install-recommends libreoffice-writer-nogui" >&2
  exit 1
fi
# A profile of its own, so a running LibreOffice does not swallow the conversion.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless \
  --convert-to pdf:writer_web_pdf_Export --outdir "$(dirname "$src")" "$src" >/dev/null
echo "wrote ${src%.html}.pdf"
