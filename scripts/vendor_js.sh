#!/usr/bin/env bash
# Fetch the JavaScript and map data the pages' charts use from npm, at pinned versions,
# check each package tarball's SHA-256, and copy the files the server ships into
# kg/server/static/vendor/ (with their licences).  Nothing is loaded from a CDN at run time.
#
#   vega 6.4.0              build/vega.min.js: the Vega runtime (BSD-3-Clause)
#   vega-interpreter 2.3.2  the expression interpreter, so charts run under a
#                           Content-Security-Policy without 'unsafe-eval' (BSD-3-Clause).
#                           npm ships it only as an ES module importing 'vega-util'; the
#                           copy here is the same code made a classic script that takes
#                           those three names from the global `vega` (which re-exports them)
#                           and sets vega.expressionInterpreter.
#   world-atlas 2.0.2       countries-110m.json: Natural Earth 1:110m countries as
#                           TopoJSON (public domain data; package ISC)
#
# Usage: bash scripts/vendor_js.sh          fetch, check and copy
#        bash scripts/vendor_js.sh --check  only check the committed files against SHA256SUMS
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=kg/server/static/vendor
PACKAGES=(
  "vega@6.4.0 3521fb6ff68a94a40323954f0ba4484ba4014b157bfd37f89a3b063082320c42"
  "vega-interpreter@2.3.2 b83489633c1320e9d6f839781f0c84c661a5ca2666fe38cb83f7c52a531fffec"
  "world-atlas@2.0.2 032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
)

if [ "${1:-}" = "--check" ]; then
  (cd "$OUT" && sha256sum --quiet -c SHA256SUMS) && echo "vendor_js: $OUT matches SHA256SUMS"
  exit
fi
command -v npm >/dev/null || { echo "vendor_js: npm is missing (apt-get install nodejs npm)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for entry in "${PACKAGES[@]}"; do
  spec=${entry% *}; want=${entry#* }
  name=${spec%@*}
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
  tarball=$(ls "$work"/"$name"-*.tgz)
  got=$(sha256sum "$tarball" | cut -d' ' -f1)
  if [ "$got" != "$want" ]; then
    echo "vendor_js: $spec has SHA-256 $got, expected $want; not copied" >&2
    exit 1
  fi
  mkdir -p "$work/$name" && tar xzf "$tarball" -C "$work/$name"
  echo "vendor_js: $spec ok ($got)" >&2
done
mkdir -p "$OUT"
cp "$work/vega/package/build/vega.min.js" "$OUT/vega.min.js"
cp "$work/vega/package/LICENSE" "$OUT/vega.LICENSE"
cp "$work/vega-interpreter/package/LICENSE" "$OUT/vega-interpreter.LICENSE"
cp "$work/world-atlas/package/countries-110m.json" "$OUT/countries-110m.json"
cp "$work/world-atlas/package/LICENSE" "$OUT/world-atlas.LICENSE"
src="$work/vega-interpreter/package/build/vega-interpreter.js"
grep -q "^import { ascending, isString, DisallowedObjectProperties } from 'vega-util';$" "$src"
grep -q "^export { expression as expressionInterpreter };$" "$src"
{
  echo "// vega-interpreter 2.3.2 (BSD-3-Clause, see vega-interpreter.LICENSE), made a classic script by"
  echo "// scripts/vendor_js.sh: the import of vega-util comes from the global vega, the export goes onto it."
  echo "(function (vega) {"
  echo "const { ascending, isString, DisallowedObjectProperties } = vega;"
  grep -v "^import { ascending, isString, DisallowedObjectProperties } from 'vega-util';$" "$src" \
    | grep -v "^export { expression as expressionInterpreter };$"
  echo "vega.expressionInterpreter = expression;"
  echo "})(window.vega);"
} > "$OUT/vega-interpreter.js"
(cd "$OUT" && sha256sum vega.min.js vega-interpreter.js countries-110m.json > SHA256SUMS)
echo "vendor_js: copied into $OUT:" >&2
cat "$OUT/SHA256SUMS" >&2
