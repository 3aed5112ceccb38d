#!/usr/bin/env bash
# Installs the system programs wakeforge's tools and tests use (Debian/Ubuntu, apt-get).
# Idempotent: a program already on PATH is skipped, so a second run does nothing.
#   tooling/scripts/system-deps.sh            install what is missing
#   tooling/scripts/system-deps.sh --check    only report; exit 1 if something is missing
set -euo pipefail

# program-on-PATH:debian-package  (what each is for: docs/development.md)
REQUIRED=(
  "espeak-ng:espeak-ng"          # synthetic speech for positives and negatives
  "sox:sox"                      # audio conversion, microphone capture in the TUI
  "ffmpeg:ffmpeg"                # decoding of compressed uploads in tests
  "redis-server:redis-server"    # the distributed job queue's tests
  "chromium:chromium"            # the dashboard's end-to-end tests
  "tmux:tmux"                    # the terminal UI's end-to-end test
)

mode=install
case "${1:-}" in
  --check) mode=check ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

missing_packages=()
for entry in "${REQUIRED[@]}"; do
  program=${entry%%:*}
  package=${entry##*:}
  if command -v "$program" >/dev/null 2>&1; then
    echo "system-deps: $program present"
  else
    missing_packages+=("$package")
  fi
done

if [ ${#missing_packages[@]} -eq 0 ]; then
  echo "system-deps: all present"
  exit 0
fi

echo "system-deps: missing: ${missing_packages[*]}"
if [ "$mode" = check ]; then
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<MSG
system-deps: apt-get is not available on this machine.
Install these programs with your system's package manager, then run this script again:
  ${missing_packages[*]}
(macOS with Homebrew: brew install espeak-ng sox ffmpeg redis tmux, and Chromium or Google Chrome;
set WAKEFORGE_CHROMIUM to the browser's executable if it is not on PATH as "chromium".)
MSG
  exit 1
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "system-deps: not root and no sudo; as root run: apt-get install -y ${missing_packages[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing_packages[@]}"
echo "system-deps: installed ${missing_packages[*]}"
