#!/usr/bin/env python3
"""Checks that every test of the exercises track fails *because of a stub*.

Reads the TRX files `dotnet test --logger trx` wrote and requires every test to have failed with
a NotImplementedException (the stub's TODO), not passed, not skipped and not failed otherwise
(a wrong test, a crash). Prints one line per offender and a summary; exit code 1 if any.
Usage: check-exercises-red.py RESULTS_DIR
"""
import glob
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(results_dir: str) -> int:
    files = glob.glob(f"{results_dir}/**/*.trx", recursive=True)
    if not files:
        print(f"check-exercises-red: no .trx file under {results_dir} (did the build fail?)")
        return 1
    total, offenders = 0, []
    for path in files:
        for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
            total += 1
            name, outcome = result.get("testName"), result.get("outcome")
            message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=NS)
            if outcome != "Failed":
                offenders.append(f"{name}: {outcome} (an exercise test must fail until the stub is written)")
            elif "NotImplementedException" not in message:
                first = message.strip().splitlines()[0] if message.strip() else "(no message)"
                offenders.append(f"{name}: failed, but not because of a stub: {first}")
    for line in offenders:
        print("  not red because of a stub:", line)
    print(f"check-exercises-red: {total - len(offenders)} of {total} exercise tests fail because of a stub")
    return 1 if offenders or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "TestResults"))
