#!/usr/bin/env bash
# Build the wheel, install it (not editable) into a fresh virtual environment and use it
# from a temporary folder outside the repository, as a user who ran `pip install` would:
#   - the facade on the shipped graph, and `kg query run timeline`;
#   - `kg build` outside any workspace exits 2, names `kg init`, and changes no shipped file;
#   - `kg init w && cd w && kg add ARTICLE && kg build && kg query run events`;
#   - `kg serve` on 127.0.0.1 answering one saved query, then stopped.
# The dependencies' wheels are kept in a wheelhouse (default ~/.cache/pakru-kg/wheelhouse,
# or $KG_WHEELHOUSE) so that later runs install offline in seconds.
# Usage: bash scripts/check_wheel.sh   (PYTHON=... picks the interpreter; default .venv/bin/python)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-$repo/.venv/bin/python}
wheelhouse=${KG_WHEELHOUSE:-$HOME/.cache/pakru-kg/wheelhouse}
work=$(mktemp -d "${TMPDIR:-/tmp}/kg-wheel.XXXXXX")
server=
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    [ -n "${KG_KEEP_WORK:-}" ] && echo "check_wheel: kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
say() { echo "check_wheel: $*" >&2; }
fail() { echo "check_wheel: FAILED: $*" >&2; exit 1; }
start=$(date +%s)

say "building the wheel"
# from a copy of the files git would commit (tracked, or new and not ignored), so that no
# stale build/ output of an earlier in-tree build can slip into the wheel
mkdir -p "$work/src"
if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$repo" && git ls-files -z -co --exclude-standard | xargs -0 -I{} find {} -maxdepth 0 -type f -print0 \
        | tar --null -T - -cf -) | tar -xf - -C "$work/src"
else
    cp -a "$repo/." "$work/src/" && rm -rf "$work/src/build" "$work/src/.venv"
fi
"$python" -m pip wheel --no-deps --disable-pip-version-check -q -w "$work/dist" "$work/src"
wheel=$(ls "$work"/dist/pakru_kg-*.whl)
say "built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"

say "installing it into a fresh virtual environment"
mkdir -p "$wheelhouse"
"$python" -m venv "$work/venv"
pip=("$work/venv/bin/python" -m pip --disable-pip-version-check -q)
# dependencies from the wheelhouse; fill it (from pip's cache or PyPI) the first time
if ! "${pip[@]}" install --no-index --find-links "$wheelhouse" "$wheel" 2>/dev/null; then
    say "filling the wheelhouse $wheelhouse (first run)"
    "$python" -m pip wheel --disable-pip-version-check -q -w "$wheelhouse" "$wheel"
    rm -f "$wheelhouse"/pakru_kg-*.whl
    "${pip[@]}" install --no-index --find-links "$wheelhouse" "$wheel"
fi

run="$work/run"
mkdir -p "$run"
cp "$repo/tests/data/articles/energy_partnership.txt" "$work/article.txt"
cd "$run"
unset KG_HOME PYTHONPATH
export PATH="$work/venv/bin:$PATH"
py="$work/venv/bin/python"

where=$("$py" -c "import kg, kg.workspace as w; print(kg.__file__); print(w.source_root())")
case "$where" in "$work/venv/"*None) ;; *) fail "kg is not the installed wheel: $where" ;; esac
say "kg imports from the installed wheel"

out=$("$py" -c "import kg; print(kg.KnowledgeGraph.open().run('timeline'))")
echo "$out" | head -4
grep -q "1948-05-01" <<<"$out" || fail "the facade did not print the timeline of the shipped graph"
say "the facade prints the timeline of the shipped graph"

out=$(kg query run timeline)
grep -q "Establishment of relations: Pakistan, Russia" <<<"$out" || fail "kg query run timeline: $out"
say "kg query run timeline answers from the shipped graph"

shipped=$("$py" -c "import kg.workspace as w; print(w.shipped('kg.trig').parent)")
before=$(cd "$shipped" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
set +e
err=$(kg build 2>&1 >/dev/null)
code=$?
set -e
[ "$code" -eq 2 ] || fail "kg build outside a workspace exited $code, not 2: $err"
grep -q "kg init" <<<"$err" || fail "kg build outside a workspace does not name kg init: $err"
after=$(cd "$shipped" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
[ "$before" = "$after" ] || fail "kg build outside a workspace changed the shipped files"
[ -z "$(ls -A "$run")" ] || fail "kg build outside a workspace wrote into $run: $(ls -A "$run")"
say "kg build outside a workspace exits 2 naming kg init; shipped files untouched"

kg init w >/dev/null
cd w
kg add "$work/article.txt" -q >/dev/null
kg build -q >/dev/null
out=$(kg query run events)
echo "$out" | head -4
grep -q "doc:a_0781ec2f1f405035" <<<"$out" || fail "kg query run events in the new workspace: $out"
say "kg init, kg add, kg build and kg query run events work in a new workspace"

kg serve --host 127.0.0.1 --port 0 --workers 1 --no-access-log >"$work/serve.log" 2>&1 &
server=$!
url=
for _ in $(seq 1 600); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1 || true)
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || fail "kg serve stopped: $(cat "$work/serve.log")"
    sleep 0.1
done
[ -n "$url" ] || fail "kg serve did not start: $(cat "$work/serve.log")"
answer=$("$py" - "$url" <<'PY'
import sys, time, urllib.request
url = sys.argv[1] + "/queries/events?format=csv"
for attempt in range(100):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            print(r.status, r.read().decode())
            break
    except OSError:
        time.sleep(0.1)
PY
)
grep -q "^200" <<<"$answer" || fail "kg serve did not answer: $answer"
grep -q "a_0781ec2f1f405035" <<<"$answer" || fail "kg serve answered without the workspace's article: $answer"
kill -TERM "$server"
wait "$server" || true
server=
say "kg serve answered /queries/events on $url and stopped"
say "all checks passed in $(( $(date +%s) - start ))s"
