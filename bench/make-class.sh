#!/usr/bin/env bash
# A synthetic class for timing `katas grade-many` (docs/grader.md, "How long").
# Usage: bench/make-class.sh DIR [STUDENTS]     (run from the master repository; default 30 students)
#
# DIR/course is `katas export student` (the template an instructor hands out); DIR/submissions
# holds one copy of it per student, as a class hands them in:
#   - every student adds a line of their own to every stub file, so every chapter recompiles
#     (a real class never hands in the template's own bytes);
#   - students 1, 4, 7, ... finished the whole course (the solutions' files laid over the stubs);
#   - students 2, 5, 8, ... finished chapters 1-4;
#   - the others started nothing;
#   - every tenth student (10, 20, 30) has a build error in chapter 3;
#   - the last student hands in a .zip of their folder.
# Then: time dotnet run --project grader -- grade-many DIR/submissions --trusted-tests DIR/course
set -euo pipefail
dir=${1:?usage: make-class.sh DIR [STUDENTS]}
students=${2:-30}
repo=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$dir"; mkdir -p "$dir/submissions"
dir=$(cd "$dir" && pwd)

dotnet run --project "$repo/grader" -- export student "$dir/course" > "$dir/export.log"

for n in $(seq -w 1 "$students"); do
  s="$dir/submissions/student-$n"
  mkdir -p "$s"
  (cd "$dir/course" && git ls-files -z | xargs -0 cp --parents -t "$s")
  i=$((10#$n))
  case $(( i % 3 )) in
    1) finished=$(ls "$repo/solutions") ;;
    2) finished=$(ls "$repo/solutions" | head -4) ;;
    *) finished= ;;
  esac
  for chapter in $finished; do cp -r "$repo/solutions/$chapter/." "$s/exercises/$chapter/"; done
  # A line of their own in every learner file (outside Tests/).
  find "$s/exercises" -name '*.cs' -not -path '*/Tests/*' -print0 |
    while IFS= read -r -d '' f; do printf '\n// student %s\n' "$n" >> "$f"; done
  if (( i % 10 == 0 )); then
    f=$(find "$s/exercises" -path '*/03-*' -name '*.cs' -not -path '*/Tests/*' | sort | head -1)
    printf 'this is not C#\n' >> "$f"
  fi
done

last="student-$(printf "%0${#students}d" "$students")"
(cd "$dir/submissions" && python3 -m zipfile -c "$last.zip" "$last" && rm -rf "$last")
echo "make-class: $students submissions in $dir/submissions (course template: $dir/course)"
