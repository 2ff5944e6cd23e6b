#!/usr/bin/env bash
# The README's "Running it for a newsroom", as a newsroom would run it: the package built as a wheel,
# installed with no extras in a new virtualenv, the README's commands run verbatim from a folder
# outside the checkout, then a clean comment, an insult and the public read over real HTTP.
# Twice: the compiled wheel (built from the checkout, reusing its `build/`), and the plain Python
# one (`MAJLIS_PURE_PYTHON=1`, built from a copy of the tracked files). Any failure exits non-zero.
set -euo pipefail
checkout="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$(command -v python3.11 || command -v python3)}"
work="$(mktemp -d "${TMPDIR:-/tmp}/majlis-newsroom.XXXXXX")"
server=""

log() { printf '[newsroom] %s\n' "$*"; }
fail() {
  printf '[newsroom] FAILED: %s\n' "$*" >&2
  if [ -s "$work/run/serve.log" ]; then tail -n 25 "$work/run/serve.log" | sed 's/^/[newsroom]   serve: /' >&2; fi
  exit 1
}
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server"
    for _ in $(seq 1 60); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
  fi
  server=""
}
trap 'stop_server; rm -rf "$work"' EXIT

# The shell block under "## Running it for a newsroom".
readme_commands() {
  awk '/^## Running it for a newsroom/ {section=1; next}
       section && /^```sh/ {block=1; next}
       block && /^```/ {exit}
       block {print}' "$checkout/README.md"
}

free_port() {
  "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# POST a comment; prints the state the server answered.
post() {
  local url="$1" text="$2" answer
  answer="$(curl -sS --max-time 30 -X POST "$url" -H 'content-type: application/json' \
    -d "{\"author_name\": \"Reader\", \"author_email\": \"reader@example.org\", \"text\": \"$text\"}")" \
    || fail "POST $url did not answer"
  "$python" -c 'import json, sys; print(json.loads(sys.argv[1])["state"])' "$answer" 2>/dev/null \
    || fail "POST $url answered: $answer"
}

newsroom() {  # $1: a label, $2: the wheel
  local label="$1" wheel="$2" venv="$work/venv-$1" port base commands line ran_serve=""
  log "$label: installing $(basename "$wheel") with no extras into a new virtualenv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$wheel" || fail "$label: pip install of the wheel failed"
  (cd / && "$venv/bin/python" - <<'EOF') || fail "$label: a module of the installed package does not import"
import importlib, pkgutil
import majlis
names = [m.name for m in pkgutil.walk_packages(majlis.__path__, "majlis.") if not m.name.endswith(".__main__")]
for name in names:
    importlib.import_module(name)
print(f"[newsroom]   imported all {len(names)} modules of majlis")
EOF
  rm -rf "$work/run"
  mkdir -p "$work/run"
  cd "$work/run"  # outside the checkout: nothing may come from its files
  port="$(free_port)"
  base="http://127.0.0.1:$port"
  commands="$(readme_commands)"
  [ -n "$commands" ] || fail "no shell block under '## Running it for a newsroom' in README.md"
  (
    set -euo pipefail
    export PATH="$venv/bin:$PATH"
    unset MAJLIS_DATABASE_URL MAJLIS_SECRET_KEY MAJLIS_SECRET_FILE MAJLIS_REDIS_URL
    export EDITOR_PASSWORD="correct horse battery staple"
    while IFS= read -r line; do
      case "$line" in
        ""|"#"*) continue ;;
        "pip install ."*) log "$label: (installed from the wheel instead of: $line)"; continue ;;
        "majlis serve "*)
          line="${line/--port 8000/--port $port}"
          log "$label: \$ $line &"
          ( eval "exec $line" ) > serve.log 2>&1 &
          echo $! > serve.pid
          continue ;;
      esac
      log "$label: \$ $line"
      eval "$line" > out.txt 2>&1 || { cat out.txt >&2; fail "$label: README command failed: $line"; }
      sed 's/^/[newsroom]   /' out.txt
      case "$line" in
        "majlis site create"*) grep -q "publisher token (shown once): mj_" out.txt || fail "$label: no publisher token" ;;
        "majlis moderator create"*) grep -q "moderator token (shown once): mj_" out.txt || fail "$label: no moderator token" ;;
      esac
    done <<< "$commands"
  ) || fail "$label: the README's commands failed"
  [ -f serve.pid ] || fail "$label: the README's block has no 'majlis serve' line"
  server="$(cat serve.pid)"
  for _ in $(seq 1 240); do
    curl -sf --max-time 2 "$base/readyz" >/dev/null 2>&1 && ran_serve=1 && break
    kill -0 "$server" 2>/dev/null || fail "$label: majlis serve exited"
    sleep 0.5
  done
  [ -n "$ran_serve" ] || fail "$label: majlis serve did not become ready on $base"
  [ -f majlis.secret ] || fail "$label: no majlis.secret beside the SQLite database"

  # The widget's default key is the page's path, sent percent-encoded as one path segment.
  local key="/ar/2026/12/border-security/" encoded comments state
  encoded="$("$python" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$key")"
  comments="$base/api/v1/sites/courier/articles/$encoded/comments"
  state="$(post "$comments" "Good news for the shops on the east bank.")"
  [ "$state" = approved ] || fail "$label: a clean comment was $state, not approved"
  state="$(post "$comments" "You are an idiot.")"
  [ "$state" = rejected ] || fail "$label: an insult was $state, not rejected"
  curl -sSf --max-time 30 "$comments" > page.json || fail "$label: GET $comments failed"
  "$python" - page.json <<'EOF' || fail "$label: the public page is wrong: $(cat page.json)"
import json, sys
page = json.load(open(sys.argv[1]))
texts = [c["text"] for c in page["comments"]]
assert page["total"] == 1 and texts == ["Good news for the shops on the east bank."], texts
assert page["article"]["key"] == "ar/2026/12/border-security", page["article"]
EOF
  log "$label: clean comment approved, insult rejected, public page holds only the clean one"
  stop_server
  cd "$checkout"
}

# An isolated build, as pip does for a newsroom: the build's own requirements (pyproject.toml), not
# whatever the checkout's virtualenv holds; mypyc reuses what it generated in the checkout's build/.
builder=("$python" -m pip wheel --quiet --disable-pip-version-check --no-deps)
log "building the wheel (reusing the compiled build in $checkout/build)"
"${builder[@]}" -w "$work/wheels/compiled" "$checkout" || fail "pip wheel failed"
newsroom compiled "$(ls "$work"/wheels/compiled/majlis-*.whl)"

log "building the plain Python wheel (MAJLIS_PURE_PYTHON=1) from a copy of the tracked files"
mkdir -p "$work/source"
git -C "$checkout" ls-files -z | (cd "$checkout" && xargs -0 cp --parents -t "$work/source")
MAJLIS_PURE_PYTHON=1 "${builder[@]}" -w "$work/wheels/pure" "$work/source" || fail "pip wheel (MAJLIS_PURE_PYTHON=1) failed"
newsroom pure "$(ls "$work"/wheels/pure/majlis-*.whl)"
log "passed in ${SECONDS} s"
