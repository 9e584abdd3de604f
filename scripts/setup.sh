#!/usr/bin/env bash
# Set up pakru-kg on a fresh Debian machine with Python 3.11+:
#   - Debian packages the tests and the reasoner use (Raptor's rapper, a Java runtime for HermiT,
#     Chromium and its WebDriver for the browser tests of the web pages),
#   - a virtual environment in .venv with the package, its pinned spaCy model and test tools.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v rapper >/dev/null 2>&1 || need_apt+=(raptor2-utils)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)            # browser tests of the `kg serve` pages
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)           # scripts/vendor_js.sh re-fetches the charts' JavaScript
if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    echo "setup: installing Debian packages: ${need_apt[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv with $($PYTHON --version)" >&2
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
echo "setup: installing pakru-kg and its dependencies into .venv" >&2
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
echo "setup: done. Activate with: . .venv/bin/activate" >&2
