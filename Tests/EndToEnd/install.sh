#!/usr/bin/env bash
# Installs what the tests need beyond Swift: pdftotext (Debian poppler-utils) for importing PDF packs;
# Chromium and its driver (Debian), Selenium and the axe-core 4 bundled in axe-playwright-python's
# wheel (PyPI) for the accessibility check; jsonschema and openapi-spec-validator (PyPI) for checking
# API responses against the OpenAPI document; schemathesis (PyPI) for fuzzing the API against it. Safe to run again: it installs only what is missing,
# and quietly. Needs root (CI runs as root).
set -euo pipefail
cd "$(dirname "$0")/../.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
if ((${#need_apt[@]})); then
    echo "install.sh: apt-get install ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

python3 -c 'import selenium' 2>/dev/null || {
    echo "install.sh: pip install selenium"
    python3 -m pip install --quiet --root-user-action=ignore selenium
}
# --no-deps: only the bundled axe.min.js is used; Playwright itself is not needed.
python3 -c 'import importlib.resources as r; r.files("axe_playwright_python").joinpath("axe.min.js").read_bytes()' 2>/dev/null || {
    echo "install.sh: pip install --no-deps axe-playwright-python"
    python3 -m pip install --quiet --root-user-action=ignore --no-deps axe-playwright-python
}
python3 -c 'import jsonschema, openapi_spec_validator' 2>/dev/null || {
    echo "install.sh: pip install jsonschema openapi-spec-validator"
    python3 -m pip install --quiet --root-user-action=ignore jsonschema openapi-spec-validator
}
# schemathesis (PyPI) in a virtual environment of its own, beside the build: it pins versions of its own.
[[ -x .build-venv/bin/schemathesis ]] || {
    echo "install.sh: pip install schemathesis (in .build-venv)"
    python3 -m venv .build-venv
    .build-venv/bin/python -m pip install --quiet --disable-pip-version-check schemathesis
}
echo "install.sh: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), selenium $(python3 -c 'import selenium; print(selenium.__version__)'), axe-playwright-python ready"
