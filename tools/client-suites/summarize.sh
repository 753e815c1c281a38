#!/bin/bash
# Prints one line per test case of a directory of surefire XML reports: "passed|failed|error|skipped Class.method",
# "nostart" for a test whose server did not answer jnats-server-runner's probes in time ("Failed to run [...]").
set -eu
python3 - "$1" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET
for path in sorted(glob.glob(os.path.join(sys.argv[1], "TEST-*.xml"))):
    for case in ET.parse(path).getroot().iter("testcase"):
        status = "passed"
        for kind in ("failure", "error", "skipped"):
            found = case.find(kind)
            if found is not None:
                status = {"failure": "failed"}.get(kind, kind)
                text = (found.get("message") or "") + (found.text or "")
                if "Failed to run [" in text:
                    status = "nostart"
        cls = case.get("classname", "").rsplit(".", 1)[-1]
        print(f"{status} {cls}.{case.get('name')}")
PY
