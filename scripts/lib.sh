# Shared by scripts/run and scripts/test: set up the Python environment and system packages.
# Works on a fresh Debian 12 machine with Python 3.11 and root (or sudo) for apt.

UV_VERSION="0.13.9"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_apt_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ensure_python_env() {
  local py="${PYTHON:-python3.11}"
  command -v "$py" >/dev/null 2>&1 || py=python3
  if ! command -v uv >/dev/null 2>&1 && [ ! -x "$HOME/.local/bin/uv" ]; then
    echo "==> installing uv ${UV_VERSION}"
    "$py" -m pip install --quiet --user "uv==${UV_VERSION}" 2>/dev/null \
      || "$py" -m pip install --quiet "uv==${UV_VERSION}"
  fi
  export PATH="$HOME/.local/bin:$PATH"
  echo "==> syncing the virtual environment (.venv) from uv.lock"
  uv sync --frozen --python "$py" --quiet
}

# WeasyPrint (notices, receipts, letters as PDF) needs Pango.
PDF_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
