#!/usr/bin/env bash
# Plays, here, what Gradescope does with `katas export gradescope`'s zip, in a clean root made with
# bubblewrap (a fresh /autograder, no network, nothing of this machine's home or /work; the host's
# /usr is bound read-only, which brings its .NET SDK and its libstdc++: setup.sh finds them there and
# skips installing them, which the real Ubuntu 22.04 image needs and this machine cannot reach):
#   1. the zip (with a hidden test for chapter 1 and a dataset mirror) unpacked into
#      /autograder/source; setup.sh run as root (apt skipped: KATAS_GS_SKIP_APT=1);
#   2. run_autograder (copied to /autograder/run_autograder, as Gradescope does) grades, as an
#      unprivileged user, chapter 1 of
#      a. a finished submission (the solutions' files), uploaded as a zip of the repository's folder:
#         every point, the hidden test included and shown after the due date;
#      b. the untouched template: 0;
#      c. an upload without exercises/: results.json with score 0 and the reason;
#      d. a grading stopped by the deadline: results.json with score 0 and the reason.
# Needs root (bubblewrap makes the root's mounts) and this machine's NuGet packages (read-only).
# Usage: eng/ci/check-gradescope.sh OUT_DIR
source "$(dirname "$0")/common.sh"
for tool in bwrap jq unzip; do
  command -v "$tool" >/dev/null || { echo "check-gradescope: needs $tool" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "check-gradescope: needs root (bubblewrap mounts the Gradescope root as root does)" >&2; exit 1; }
out=${1:?usage: check-gradescope.sh OUT_DIR}
out=$(mkdir -p "$out" && cd "$out" && pwd)
rm -rf "${out:?}"/*
started=$(date +%s)
cases=0
ok() { cases=$((cases + 1)); echo "  ok: $* ($(( $(date +%s) - started )) s)"; }
fail() { echo "check-gradescope: FAILED: $*" >&2; exit 1; }
chapter=01-SimpleClassifier
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
mirror=${KATAS_DATA_MIRROR:-$repo/../shared/data/mnist}
[ -d "$packages" ] || fail "no NuGet packages folder at $packages (restore the course once first)"
[ -f "$mirror/t10k-labels-idx1-ubyte.gz" ] || fail "no MNIST mirror folder at $mirror (set KATAS_DATA_MIRROR)"

echo "1. the zip, unpacked into a fresh /autograder; setup.sh"
hidden=$out/hidden-tests/$chapter; mkdir -p "$hidden"
cat > "$hidden/HiddenClustersTests.cs" <<'CS'
namespace Katas.SimpleClassifier.Tests;

// An instructor's hidden test: graded on Gradescope, shown to students after the due date.
public class HiddenClustersTests
{
    [Fact, Points(2)]
    public void Make_draws_the_same_points_for_the_same_seed()
    {
        var (a, _) = Clusters.Make(perClass: 10, seed: 7);
        var (b, _) = Clusters.Make(perClass: 10, seed: 7);
        a.allclose(b).ShouldBeTrue("the same seed, the same points");
    }
}
CS
katas export gradescope "$out/autograder.zip" --extra-tests "$out/hidden-tests" --data-mirror /mirror/mnist > "$out/export.log" 2>&1 \
  || { cat "$out/export.log"; fail "katas export gradescope"; }
ag=$out/root/autograder
mkdir -p "$ag/source" "$ag/submission" "$ag/results"
unzip -q "$out/autograder.zip" -d "$ag/source"
for f in setup.sh run_autograder katas-gradescope.env course/exercises/$chapter/Tests/ClustersTests.cs hidden-tests/$chapter/HiddenClustersTests.cs; do
  [ -f "$ag/source/$f" ] || fail "the zip has no $f"
done
[ -x "$ag/source/run_autograder" ] && [ -x "$ag/source/setup.sh" ] || fail "the zip's scripts are not executable"
[ ! -e "$ag/source/course/solutions" ] && [ ! -e "$ag/source/course/.git" ] || fail "the zip's course has solutions/ or .git"
ok "$(du -k "$out/autograder.zip" | cut -f1) KB zip: setup.sh, run_autograder (executable), the course without solutions, the hidden test"

# The Gradescope root: this machine's /usr (its .NET SDK and libstdc++) and /etc read-only, a fresh
# /autograder, /tmp and /root, the NuGet packages read-only, the dataset mirror, no network.
gradescope() {  # ENV=VALUE... -- COMMAND...
  local env=()
  while [ "$1" != -- ]; do env+=(--setenv "${1%%=*}" "${1#*=}"); shift; done; shift
  local system=()
  for top in /bin /sbin /lib /lib32 /lib64; do
    if [ -L "$top" ]; then system+=(--symlink "$(readlink "$top")" "$top"); elif [ -d "$top" ]; then system+=(--ro-bind "$top" "$top"); fi
  done
  # Not a user namespace: the root is real root here, as in Gradescope's container, so that
  # run_autograder can drop to an unprivileged user (setpriv) whose own sandbox then nests.
  bwrap --unshare-pid --unshare-ipc --unshare-uts --unshare-net --unshare-cgroup-try --die-with-parent --new-session \
    --ro-bind /usr /usr --ro-bind /etc /etc "${system[@]}" --proc /proc --dev /dev \
    --perms 1777 --tmpfs /tmp --tmpfs /root --tmpfs /home --tmpfs /run --tmpfs /work \
    --bind "$ag" /autograder --ro-bind "$packages" /nuget --ro-bind "$mirror" /mirror/mnist \
    --clearenv --setenv PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --setenv HOME /root --setenv LANG C.UTF-8 \
    --setenv KATAS_NUGET_PACKAGES /nuget "${env[@]}" --chdir /autograder -- "$@"
}
t=$(date +%s)
gradescope KATAS_GS_SKIP_APT=1 KATAS_GS_USER= KATAS_GS_WARMUP_CHAPTERS=1 -- bash /autograder/source/setup.sh > "$out/setup.log" 2>&1 \
  || { tail -n 40 "$out/setup.log"; fail "setup.sh"; }
grep -q '^setup: ready' "$out/setup.log" || fail "setup.sh did not say it is ready"
ls "$ag/source/data/mnist"/*.gz >/dev/null 2>&1 || fail "setup.sh did not fetch MNIST from the mirror"
ok "setup.sh in $(( $(date +%s) - t )) s: tools found, MNIST fetched from the mirror, the grader built, the course's stubs graded"
cp "$ag/source/run_autograder" "$ag/run_autograder"

max=$(( $(jq '[.tests["'$chapter'"][]] | add' "$repo/grader/tests-manifest.json") + 2 ))
grade() {  # NAME [ENV=VALUE...]: runs run_autograder on what is in /autograder/submission; results in $out/NAME.json
  local name=$1; shift
  rm -f "$ag/results/results.json"
  local t; t=$(date +%s)
  gradescope KATAS_GS_USER=nobody KATAS_GS_CHAPTERS=1 "$@" -- /autograder/run_autograder > "$out/$name.log" 2>&1 \
    || { tail -n 30 "$out/$name.log" >&2; fail "$name: run_autograder exited $?"; }
  [ -s "$ag/results/results.json" ] || { tail -n 30 "$out/$name.log" >&2; fail "$name: no results.json"; }
  cp "$ag/results/results.json" "$out/$name.json"
  jq -e '(.score | type == "number") and (.tests | type == "array")' "$out/$name.json" >/dev/null || fail "$name: results.json is not Gradescope's shape"
  echo "$(( $(date +%s) - t ))"
}
submit() {  # FOLDER: what the student uploaded
  rm -rf "$ag/submission"; mkdir -p "$ag/submission"
  cp -R "$1"/. "$ag/submission/"
}

echo "2a. a finished submission, uploaded as a zip of the repository's folder"
finished=$out/finished/alice-course-main
mkdir -p "$finished" && cp -R "$ag/source/course"/. "$finished/"
rm -rf "$finished/artifacts"
cp "$repo/solutions/$chapter"/*.cs "$finished/exercises/$chapter/"
submit "$out/finished"
seconds=$(grade finished) || exit 1
jq -e --argjson m "$max" '.score == $m and ([.tests[].max_score] | add) == $m' "$out/finished.json" >/dev/null \
  || fail "finished: $(jq -c '{score, max: ([.tests[].max_score] | add)}' "$out/finished.json"), expected $max/$max"
jq -e '[.tests[] | select(.tags | index("hidden"))] | length == 1 and .[0].visibility == "after_due_date" and .[0].status == "passed"' "$out/finished.json" >/dev/null \
  || fail "finished: the hidden test is not there, passed and shown after the due date: $(jq -c '[.tests[] | {name, visibility, tags}] | .[-1]' "$out/finished.json")"
grep -q 'grading --unsandboxed' "$out/finished.log" && sandbox="not sandboxed here" || sandbox="sandboxed"
ok "finished: $(jq .score "$out/finished.json")/$max in $seconds s ($sandbox), the hidden test after_due_date"

echo "2b. the untouched template"
untouched=$out/untouched; mkdir -p "$untouched" && cp -R "$ag/source/course"/. "$untouched/" && rm -rf "$untouched/artifacts"
submit "$untouched"
seconds=$(grade untouched) || exit 1
jq -e --argjson m "$max" '.score == 0 and ([.tests[].max_score] | add) == $m' "$out/untouched.json" >/dev/null \
  || fail "untouched: $(jq -c '{score, max: ([.tests[].max_score] | add)}' "$out/untouched.json"), expected 0/$max"
ok "untouched: 0/$max in $seconds s"

echo "2c. an upload without exercises/"
mkdir -p "$out/stray" && echo "my homework" > "$out/stray/answer.txt"
submit "$out/stray"
grade stray >/dev/null || exit 1
jq -e '.score == 0 and (.tests | length) == 0 and (.output | contains("no exercises/ folder"))' "$out/stray.json" >/dev/null \
  || fail "stray: $(jq -c . "$out/stray.json")"
ok "no exercises/: score 0, \"$(jq -r '.output | split("\n")[0]' "$out/stray.json")\""

echo "2d. the deadline"
submit "$untouched"
grade deadline KATAS_GS_DEADLINE=3 >/dev/null || exit 1
jq -e '.score == 0 and (.output | contains("longer than the autograder'"'"'s deadline"))' "$out/deadline.json" >/dev/null \
  || fail "deadline: $(jq -c . "$out/deadline.json" | head -c 600)"
ok "stopped at the deadline: score 0, \"$(jq -r '.output | split("\n")[0]' "$out/deadline.json")\""

echo "gradescope path: ok ($cases cases, $(( $(date +%s) - started )) s)"
