#!/usr/bin/env bash
# Makes this Linux machine able to load TorchSharp 0.107's native library.
#
# libLibTorchSharp.so is built against libstdc++ from GCC 13 (symbol version GLIBCXX_3.4.32).
# Debian 12 ships GCC 12's libstdc++, so TorchSharp fails to load there with
# "version `GLIBCXX_3.4.32' not found". On Debian 12 only, this script adds Debian 13 (trixie)
# as an extra apt source pinned at priority 100 (so nothing else is ever taken from it unless
# asked for by name) and installs trixie's libstdc++6. Everywhere else it does nothing.
#
# Idempotent: a second run finds the symbol and exits at once. Needs root (or sudo) only when
# it has something to install.  Usage:  bash eng/bootstrap-linux.sh [--check]
#   --check   only report whether the fix is needed; exit 1 if it is.
set -euo pipefail

need_symbol="GLIBCXX_3.4.32"
check_only=0
[ "${1:-}" = "--check" ] && check_only=1

say() { printf 'bootstrap: %s\n' "$*"; }

if [ "$(uname -s)" != "Linux" ]; then
  say "not Linux: nothing to do."; exit 0
fi

libstdcxx() {
  # The libstdc++ the dynamic loader will pick for a 64-bit process.
  ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64|libstdc\+\+\.so\.6 .*AArch64/ {print $NF; exit}'
}

has_symbol() {
  local lib; lib=$(libstdcxx)
  [ -n "$lib" ] && [ -r "$lib" ] || return 1
  # grep -a on the binary avoids depending on binutils' `strings`.
  grep -aq "$need_symbol" "$lib"
}

if has_symbol; then
  say "libstdc++ provides $need_symbol: nothing to do."; exit 0
fi

. /etc/os-release 2>/dev/null || true
if [ "${ID:-}" != "debian" ] || [ "${VERSION_ID:-}" != "12" ]; then
  say "libstdc++ lacks $need_symbol, but this is ${PRETTY_NAME:-an unknown OS}, not Debian 12."
  say "Install libstdc++ from GCC 13 or newer with your package manager (Ubuntu 24.04+, Debian 13+ and Fedora 39+ have it)."
  exit 1
fi

if [ "$check_only" = 1 ]; then
  say "Debian 12 with GCC 12's libstdc++: run 'sudo bash eng/bootstrap-linux.sh' to install libstdc++6 from Debian 13."
  exit 1
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    say "root is needed to install libstdc++6 from Debian 13: run this script as root."; exit 1
  fi
fi

say "Debian 12 lacks $need_symbol: adding Debian 13 (trixie) pinned at priority 100 and installing libstdc++6 from it."

# Copy the machine's own bookworm stanza (same URIs, components and keyring), suite renamed.
src=/etc/apt/sources.list.d/debian.sources
uris="http://deb.debian.org/debian"; components="main"; keyring="/usr/share/keyrings/debian-archive-keyring.gpg"
if [ -r "$src" ]; then
  stanza=$(awk 'BEGIN{RS=""} /Suites:[^\n]*bookworm( |$|\n)/ && !/security/ {print; exit}' "$src")
  u=$(printf '%s\n' "$stanza" | sed -n 's/^URIs: *//p')
  c=$(printf '%s\n' "$stanza" | sed -n 's/^Components: *//p')
  k=$(printf '%s\n' "$stanza" | sed -n 's/^Signed-By: *//p')
  [ -n "$u" ] && uris=$u; [ -n "$c" ] && components=$c; [ -n "$k" ] && keyring=$k
fi
printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: %s\nSigned-By: %s\n' \
  "$uris" "$components" "$keyring" | $SUDO tee /etc/apt/sources.list.d/trixie.sources >/dev/null
printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' | $SUDO tee /etc/apt/preferences.d/trixie-pin >/dev/null

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq -t trixie libstdc++6 >/dev/null

if has_symbol; then
  say "done: libstdc++ now provides $need_symbol."
else
  say "installed libstdc++6 from trixie, but $need_symbol is still missing: please report this."; exit 1
fi
