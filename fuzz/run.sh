#!/usr/bin/env bash
# Fuzz every entry point: RUNS executions each (default 1,000,000), corpora kept in fuzz/corpus/.
# Needs: pip install atheris.  Crashes are written to fuzz/crashes/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-1000000}"
for target in ${TARGETS:-from_json parse_text parse_markdown parse_html parse to_html to_markdown_render}; do
  mkdir -p "fuzz/corpus/$target" "fuzz/crashes/$target"
  echo "== $target ($RUNS runs)"
  PYTHONPATH=src python fuzz/fuzz.py "$target" -runs="$RUNS" -max_len=4096 -timeout=10 \
    -artifact_prefix="fuzz/crashes/$target/" "fuzz/corpus/$target" 2>&1 | grep -E "^(#[0-9]+ +DONE|Done|==|.*(crash|Error|Exception))" || true
done
