#!/usr/bin/env bash
# Makes this Linux machine able to load TorchSharp 0.107's native library, and says what it changes.
#
# libLibTorchSharp.so is built against libstdc++ from GCC 13 (symbol version GLIBCXX_3.4.32).
# Debian 12 ships GCC 12's libstdc++, so TorchSharp fails to load there with
# "version `GLIBCXX_3.4.32' not found". Debian packages no newer libstdc++ built for Debian 12's
# C library: Debian 13's libstdc++6 depends on libc6 >= 2.38 (it calls __isoc23_strtoul, new in
# glibc 2.38), so a private copy of it fails to load against Debian 12's glibc 2.36 as well.
# The fix is therefore a partial upgrade: on Debian 12 only, this script adds Debian 13 (trixie) as
# an apt source pinned at priority 100 (nothing is taken from it unless asked for) and installs
# trixie's libstdc++6 -- which brings libc6, libgcc-s1 and the packages they need from Debian 13
# too. Before changing anything it asks apt to simulate the installation against a private copy of
# the package lists, lists every package that would be installed or upgraded, and asks.
# Everywhere else it does nothing. (No installation at all: open the course in its dev container,
# .devcontainer/devcontainer.json.)
#
# Usage:  bash eng/bootstrap-linux.sh [--check | --plan | --yes]
#   (none)    show the plan, ask, then change the machine (needs root or sudo)
#   --yes     the same without asking (CI)
#   --plan    only show the plan: what would be installed or upgraded; change nothing
#   --check   only report whether the fix is needed; exit 1 if it is
# Idempotent: once the symbol is there, every mode exits at once with "nothing to do".
set -euo pipefail

need_symbol="GLIBCXX_3.4.32"
source_file=/etc/apt/sources.list.d/trixie.sources
pin_file=/etc/apt/preferences.d/trixie-pin
mode=ask
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  --plan) mode=plan ;;
  --yes|-y) mode=yes ;;
  *) echo "usage: bash eng/bootstrap-linux.sh [--check | --plan | --yes]" >&2; exit 2 ;;
esac

say() { printf 'bootstrap: %s\n' "$*"; }

undo_text() {
  cat <<EOF
To undo the apt source and the pin later:
  sudo rm $source_file $pin_file && sudo apt-get update
The packages already upgraded stay at their Debian 13 versions (Debian does not support
downgrading libc6); while the source is in place apt keeps them updated from Debian 13.
EOF
}

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
  say "Install libstdc++ from GCC 13 or newer with your package manager (Ubuntu 24.04+, Debian 13+ and Fedora 39+ have it),"
  say "or open the course in its dev container (.devcontainer/devcontainer.json)."
  exit 1
fi

if [ "$mode" = check ]; then
  say "Debian 12 with GCC 12's libstdc++: 'sudo bash eng/bootstrap-linux.sh' would install libstdc++6 from Debian 13,"
  say "with libc6 and the packages it needs from Debian 13 too (a partial upgrade; '--plan' lists them and changes nothing),"
  say "or open the course in its dev container (.devcontainer/devcontainer.json), which needs no change to this machine."
  exit 1
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    say "root is needed to ask apt and to install libstdc++6 from Debian 13: run this script as root."; exit 1
  fi
fi

# The trixie stanza: a copy of the machine's own bookworm one (same URIs, components and keyring),
# suite renamed.
trixie_stanza() {
  local src=/etc/apt/sources.list.d/debian.sources
  local uris="http://deb.debian.org/debian" components="main" keyring="/usr/share/keyrings/debian-archive-keyring.gpg"
  if [ -r "$src" ]; then
    local stanza u c k
    stanza=$(awk 'BEGIN{RS=""} /Suites:[^\n]*bookworm( |$|\n)/ && !/security/ {print; exit}' "$src")
    u=$(printf '%s\n' "$stanza" | sed -n 's/^URIs: *//p')
    c=$(printf '%s\n' "$stanza" | sed -n 's/^Components: *//p')
    k=$(printf '%s\n' "$stanza" | sed -n 's/^Signed-By: *//p')
    [ -n "$u" ] && uris=$u; [ -n "$c" ] && components=$c; [ -n "$k" ] && keyring=$k
  fi
  printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: %s\nSigned-By: %s\n' "$uris" "$components" "$keyring"
}
pin_stanza() { printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n'; }

# The plan: apt's own simulation, run against a private copy of the configuration and package
# lists (a temporary folder), so that nothing on the machine changes before the answer is yes.
plan=$($SUDO mktemp -d)
trap '$SUDO rm -rf "$plan"' EXIT
$SUDO mkdir -p "$plan/sources.list.d" "$plan/preferences.d" "$plan/lists/partial" "$plan/cache/archives/partial"
$SUDO sh -c "cp -r /etc/apt/sources.list.d/. '$plan/sources.list.d/' 2>/dev/null; cp -r /etc/apt/preferences.d/. '$plan/preferences.d/' 2>/dev/null; cp -r /var/lib/apt/lists/. '$plan/lists/' 2>/dev/null" || true
trixie_stanza | $SUDO tee "$plan/sources.list.d/trixie.sources" >/dev/null
pin_stanza | $SUDO tee "$plan/preferences.d/trixie-pin" >/dev/null
private=(-o "Dir::Etc::SourceParts=$plan/sources.list.d" -o "Dir::Etc::PreferencesParts=$plan/preferences.d"
         -o "Dir::State::Lists=$plan/lists" -o "Dir::Cache=$plan/cache" -o "Debug::NoLocking=1"
         -o "APT::Sandbox::User=root")
say "Debian 12 lacks $need_symbol: asking apt what installing libstdc++6 from Debian 13 would change (nothing changes yet)..."
$SUDO apt-get "${private[@]}" update -qq
simulation=$($SUDO apt-get "${private[@]}" -s install -t trixie libstdc++6)
# "Inst NAME [OLD] (NEW SOURCE [ARCH])" for each package apt would install or upgrade.
changes=$(printf '%s\n' "$simulation" | awk '/^Inst /{
  name=$2; old=""; if ($3 ~ /^\[/) { old=$3; gsub(/[][]/, "", old); new=$4 } else { new=$3 }
  gsub(/^\(/, "", new); printf "  %-28s %s\n", name, (old == "" ? "(new) -> " new : old " -> " new) }')
removals=$(printf '%s\n' "$simulation" | awk '/^Remv /{print "  " $2}')
count=$(printf '%s\n' "$changes" | grep -c . || true)

echo
say "on this Debian 12 machine, apt would install or upgrade these $count packages from Debian 13 (trixie):"
printf '%s\n' "$changes"
if [ -n "$removals" ]; then say "and remove:"; printf '%s\n' "$removals"; fi
cat <<EOF

This is a partial upgrade to Debian 13, not just libstdc++6: Debian 13's libstdc++6 needs
Debian 13's C library (libc6 >= 2.38), so libc6, libgcc-s1 and the packages listed above come
from Debian 13 too. If base-files is among them, /etc/os-release will then say
"Debian GNU/Linux 13 (trixie)". Nothing else is taken from Debian 13 unless you ask for it by
name: the new apt source ($source_file) is pinned at priority 100 ($pin_file).
No change at all: open the course in its dev container instead (.devcontainer/devcontainer.json).
EOF
undo_text
echo

case "$mode" in
  plan) say "--plan: nothing was changed."; exit 0 ;;
  yes) say "--yes: going ahead." ;;
  ask)
    if ! { exec 3</dev/tty; } 2>/dev/null; then
      say "no terminal to ask on: nothing was changed. Run again with --yes to go ahead unattended."; exit 1
    fi
    read -r -u 3 -p "Install these packages from Debian 13? [y/N] " answer || answer=""
    exec 3<&-
    case "$answer" in
      y|Y|yes|YES|Yes) ;;
      *) say "nothing was changed."; exit 1 ;;
    esac ;;
esac

trixie_stanza | $SUDO tee "$source_file" >/dev/null
pin_stanza | $SUDO tee "$pin_file" >/dev/null
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq -t trixie libstdc++6 >/dev/null

if has_symbol; then
  say "done: libstdc++ now provides $need_symbol ($count packages from Debian 13, as listed above)."
else
  say "installed libstdc++6 from trixie, but $need_symbol is still missing: please report this."; exit 1
fi
