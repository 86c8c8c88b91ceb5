#!/usr/bin/env bash
# Install time and installed size of cleanprep, in fresh virtual environments.
#
#   bash benchmarks/bench_install.sh SOURCE [EXTRAS]
#
# SOURCE is a checkout (this one: .); EXTRAS e.g. "all" or "lingua,ray". With extras, torch==2.13.0
# is installed first (argostranslate -> stanza -> torch; unpinned, pip fetches a CUDA build). Prints
# the seconds of the timed pip commands, the MB of the venv's site-packages (du -sm), and whether
# torch, stanza or spacy came in.
set -euo pipefail
src=$(cd "$1" && pwd); extras=${2:-}
venv=$(mktemp -d)/venv
python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip >/dev/null
start=$(date +%s.%N)
if [ -n "$extras" ]; then
    "$venv/bin/pip" install -q "torch==2.13.0"
    "$venv/bin/pip" install -q "$src[$extras]"
else
    "$venv/bin/pip" install -q "$src"
fi
end=$(date +%s.%N)
size=$(du -sm "$venv"/lib/python3*/site-packages | cut -f1)
heavy=$("$venv/bin/pip" list 2>/dev/null | grep -iE "^(torch|stanza|spacy) " | cut -d" " -f1 | tr '\n' ' ')
printf '%s%s: %.1f s, %s MB site-packages, torch/stanza/spacy: %s\n' "$src" "${extras:+[$extras]}" \
    "$(echo "$end - $start" | bc)" "$size" "${heavy:-none}"
rm -rf "$(dirname "$venv")"
