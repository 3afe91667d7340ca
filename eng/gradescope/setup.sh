#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds a programming assignment's image from the zip
# `katas export gradescope` wrote (unpacked in /autograder/source; base image Ubuntu 22.04). It
# installs exactly what grading needs, so that run_autograder grades every submission offline:
#   1. apt: bubblewrap (the grader's sandbox), curl, ca-certificates, jq, libicu (.NET), and the
#      user the grader runs as (KATAS_GS_USER, default "katas");
#   2. a libstdc++ with GLIBCXX_3.4.32 (GCC 13+), which TorchSharp 0.107's libtorch needs and Ubuntu
#      22.04's own (GCC 12) lacks: from the Ubuntu Toolchain PPA (ppa:ubuntu-toolchain-r/test);
#   3. the .NET SDK the course's global.json asks for (10.0.1xx), with Microsoft's dotnet-install.sh;
#   4. MNIST's four files, from the instructor's mirror (--data-mirror), the zip (--bundle-data) or
#      data/datasets.json's public mirrors, into /autograder/source/data/mnist: run_autograder's
#      dataset mirror (the grader checks every file's SHA-256 when it reads it);
#   5. the grader, built once; then the course's own stubs graded once, the way run_autograder grades
#      a submission: that restores every NuGet package (libtorch included) into KATAS_NUGET_PACKAGES
#      and proves the whole chain works before any student submits.
# Each step is skipped where what it installs is already there (bwrap on PATH, a libstdc++ with the
# symbol, a dotnet with a 10.0 SDK), and these variables override it (for tests, and for an image
# that already has the tools):
#   KATAS_GS_ROOT          /autograder            Gradescope's folder
#   KATAS_GS_SKIP_APT      1: install nothing with apt (fail if something is missing)
#   KATAS_GS_USER          katas                  the user submissions are graded as ("" = root)
#   KATAS_NUGET_PACKAGES   $KATAS_GS_ROOT/nuget-packages
#   KATAS_DATA_DIR         $KATAS_GS_ROOT/katas-data (the warm-up's dataset cache)
#   KATAS_GS_WARMUP_CHAPTERS  chapters (numbers, space-separated) graded by step 5; default: all
# The export's own settings (data mirror, bundled data, limits) are in katas-gradescope.env.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=/dev/null
source "$here/katas-gradescope.env"
root=${KATAS_GS_ROOT:-/autograder}
course=$here/course
user=${KATAS_GS_USER-katas}
packages=${KATAS_NUGET_PACKAGES:-$root/nuget-packages}
data=${KATAS_DATA_DIR:-$root/katas-data}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DEBIAN_FRONTEND=noninteractive
step() { printf '\n==> setup: %s\n' "$*"; }
fail() { echo "setup: FAILED: $*" >&2; exit 1; }
[ -d "$course/exercises" ] || fail "$course has no exercises/: is this the zip \`katas export gradescope\` wrote?"

export PATH="$PATH:/usr/sbin:/sbin"   # ldconfig, useradd
apt_updated=0
apt_install() {
  [ "${KATAS_GS_SKIP_APT:-0}" = 1 ] && fail "needs $* (KATAS_GS_SKIP_APT=1: not installing)"
  [ $apt_updated = 1 ] || { apt-get update -q; apt_updated=1; }
  apt-get install -y -q --no-install-recommends "$@"
}

step "system packages"
missing=()
command -v bwrap >/dev/null || missing+=(bubblewrap)
command -v curl >/dev/null || missing+=(curl)
[ -d /etc/ssl/certs ] && [ -n "$(ls -A /etc/ssl/certs 2>/dev/null)" ] || missing+=(ca-certificates)
command -v jq >/dev/null || missing+=(jq)
command -v setpriv >/dev/null || missing+=(util-linux)
ldconfig -p 2>/dev/null | grep 'libicu' >/dev/null || missing+=(libicu70)   # not -q: under pipefail an early exit fails ldconfig
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; else echo "present: bwrap, curl, certificates, jq, setpriv, libicu"; fi

step "libstdc++ with GLIBCXX_3.4.32 (TorchSharp 0.107's libtorch)"
has_glibcxx() {
  local lib
  for lib in $(ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF}') /usr/lib/x86_64-linux-gnu/libstdc++.so.6; do
    [ -e "$lib" ] && grep -qa 'GLIBCXX_3\.4\.32' "$(readlink -f "$lib")" && { echo "present: $(readlink -f "$lib")"; return 0; }
  done
  return 1
}
if ! has_glibcxx; then
  command -v add-apt-repository >/dev/null || apt_install software-properties-common gpg-agent
  add-apt-repository -y ppa:ubuntu-toolchain-r/test
  apt_updated=0
  apt_install libstdc++6
  has_glibcxx || fail "the Ubuntu Toolchain PPA's libstdc++6 has no GLIBCXX_3.4.32 (apt-cache policy libstdc++6 says which version came)"
fi

step ".NET SDK (as the course's global.json asks: $(tr -d '\n ' < "$course/global.json"))"
sdk_ok() { command -v dotnet >/dev/null && (cd "$course" && dotnet --version >/dev/null 2>&1); }
if sdk_ok; then
  echo "present: dotnet $(cd "$course" && dotnet --version) at $(command -v dotnet)"
else
  install=/usr/share/dotnet
  curl -fsSL --retry 3 https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --jsonfile "$course/global.json" --install-dir "$install" --no-path
  ln -sf "$install/dotnet" /usr/local/bin/dotnet
  sdk_ok || fail "dotnet-install.sh ran, but $(command -v dotnet || echo dotnet) finds no SDK for $course/global.json"
fi

step "the grading user"
if [ -n "$user" ] && [ "$(id -u)" = 0 ]; then
  if id "$user" >/dev/null 2>&1; then echo "present: $user ($(id -u "$user"))"; else useradd --create-home --shell /usr/sbin/nologin "$user"; echo "created: $user"; fi
else
  echo "none: submissions are graded as $(id -un)"
fi

step "MNIST, into $here/data/mnist (run_autograder's dataset mirror: no download while grading)"
mnist=$here/data/mnist
files=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)
if [ "${KATAS_GS_BUNDLED_DATA:-0}" = 1 ]; then
  echo "bundled in the zip: $(ls "$mnist" | tr '\n' ' ')"
else
  mirrors=${KATAS_GS_DATA_MIRROR:-$(jq -r '.datasets.mnist.mirrors | join(";")' "$course/data/datasets.json")}
  mkdir -p "$mnist"
  for f in "${files[@]}"; do
    [ -s "$mnist/$f" ] && continue
    IFS=';' read -ra from <<< "$mirrors"
    for m in "${from[@]}"; do
      m=${m%/}
      if [[ "$m" == /* ]]; then cp "$m/$f" "$mnist/$f.part" 2>/dev/null && mv "$mnist/$f.part" "$mnist/$f" && break
      else curl -fsSL --retry 3 "$m/$f" -o "$mnist/$f.part" && mv "$mnist/$f.part" "$mnist/$f" && break; fi
    done
    [ -s "$mnist/$f" ] || fail "could not get $f from $mirrors"
  done
  echo "fetched from $mirrors (the grader checks each file's SHA-256 when it reads it)"
fi

step "the grader, and the course's own stubs graded once (packages, the whole chain)"
mkdir -p "$packages" "$data"
export NUGET_PACKAGES=$packages KATAS_DATA_DIR=$data KATAS_DATA_MIRROR=$mnist
# NuGet's vulnerability audit asks nuget.org; it is the course's CI's job, and an autograder whose
# image build fails on a network hiccup helps nobody (MSBuild reads this variable as a property).
export NuGetAudit=false
echo "NUGET_PACKAGES=$NUGET_PACKAGES KATAS_DATA_DIR=$KATAS_DATA_DIR KATAS_DATA_MIRROR=$KATAS_DATA_MIRROR"
dotnet build "$course/grader" -nologo -v:q
katas=$course/artifacts/bin/Katas.Grader/debug/katas.dll
[ -f "$katas" ] || fail "the grader did not build ($katas is missing)"
args=(grade --repo "$course" --trusted-tests "$course" --format "json=/tmp/katas-warmup.json")
for n in ${KATAS_GS_WARMUP_CHAPTERS:-}; do args+=(--chapter "$n"); done
# The course's own code is trusted: no sandbox needed (an image build may not allow one).
dotnet "$katas" "${args[@]}" --unsandboxed
jq -e '.score.maxPoints > 0 and .score.points == 0' /tmp/katas-warmup.json >/dev/null \
  || fail "the course's own stubs should score 0 of a positive maximum: $(jq -c .score /tmp/katas-warmup.json)"
# The grading user reads the packages, datasets and course; only root writes them.
chmod -R a+rX "$packages" "$data" "$here" 2>/dev/null || true
echo
echo "setup: ready. The course's stubs: $(jq -r '"\(.score.points)/\(.score.maxPoints) points"' /tmp/katas-warmup.json)."
