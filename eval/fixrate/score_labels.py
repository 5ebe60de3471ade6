#!/usr/bin/env python3
"""Recall and precision of the analyzer (not the fixes) on a fix-rate set whose flows were labelled by reading the code.

The labels (eval/fixrate/labels-<set>.json) were written by a helper that did not run the analyzer. The findings are the
DSYN001-DSYN005 warnings of a build of the unfixed set, as `run.py` prints them, or as saved from its build:

    python3 eval/fixrate/score_labels.py set-g findings.txt      # lines "File.cs(12,5): warning DSYN001: ..."
    python3 eval/fixrate/score_labels.py set-g --build           # builds a fresh copy of the set (run.py's project) first

Matching is eval/real/score.py's: same rule, same file, a line within +-2 of a labelled location (the publish point
and its alternatives for DSYN001/002/003/005, input_at for DSYN004); each finding matches at most one expectation;
two flows with the same DSYN004 locations count once; a rule under a flow's "optional" is not scored.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "real"))
import score as real_score  # noqa: E402  (the corpus scorer's matching, shared)
RULES = ["DSYN001", "DSYN002", "DSYN003", "DSYN004", "DSYN005"]
TOLERANCE = 2


def read_findings(lines, set_dir):
    found = set()
    for line in lines:
        line = line.strip()
        match = re.match(r"^(?P<path>[^(]+)\((?P<line>\d+),\d+\): (?:warning|info|error) (?P<id>DSYN00[1-5]):", line)
        if not match:
            continue
        path = match["path"]
        if os.path.isabs(path):
            path = os.path.relpath(path, set_dir)
        found.add((path.replace("\\", "/"), int(match["line"]), match["id"]))
    return found


def expectations(labels):
    expected = []
    seen_inputs = set()
    for flow in labels["flows"]:
        optional = set(flow.get("optional", []))
        publish = [flow["publish"]] + flow.get("alternatives", [])
        for rule in flow["expect"]:
            if rule in optional:
                continue
            if rule == "DSYN004":
                places = flow.get("input_at", [])
                key = tuple(sorted((p["file"], p["line"]) for p in places))
                if key in seen_inputs:
                    continue
                seen_inputs.add(key)
            else:
                places = publish
            expected.append((flow["id"], rule, [(p["file"], p["line"]) for p in places]))
    optional = {(flow["id"], rule) for flow in labels["flows"] for rule in flow.get("optional", [])}
    return expected, optional, labels["flows"]


def matches(finding, places):
    path, line, _ = finding
    return any(path == file and abs(line - at) <= TOLERANCE for file, at in places)


def score(labels, findings):
    expected, _, flows = expectations(labels)
    # Optional rules: a finding there is neither a hit nor a false report.
    optional_places = []
    for flow in flows:
        for rule in flow.get("optional", []):
            places = flow.get("input_at", []) if rule == "DSYN004" else [flow["publish"]] + flow.get("alternatives", [])
            optional_places.append((rule, [(p["file"], p["line"]) for p in places]))
    # eval/real/score.py's maximum matching (rule, file, line within the tolerance), on (rule, file, line) results.
    findings = sorted(findings)
    hit, matched = real_score.match([{"rule": rule, "locations": places} for _, rule, places in expected],
                                    [(rule, path, line) for path, line, rule in findings], TOLERANCE)
    per_rule = {r: {"tp": 0, "fp": 0, "fn": 0} for r in RULES}
    for i, (_, rule, _) in enumerate(expected):
        per_rule[rule]["tp" if i in hit else "fn"] += 1
    false = []
    for j, f in enumerate(findings):
        if j in matched or any(f[2] == rule and matches(f, places) for rule, places in optional_places):
            continue
        per_rule[f[2]]["fp"] += 1
        negative = next((n for n in labels.get("negatives", []) if n["file"] == f[0] and f[2] in n["rules"] and (n["line"] == 0 or abs(n["line"] - f[1]) <= TOLERANCE)), None)
        false.append((f, negative["reason"] if negative else None))
    missed = [(expected[i][0], expected[i][1]) for i in range(len(expected)) if i not in hit]
    found_flows = {expected[i][0] for i in hit if expected[i][1] != "DSYN004"}
    return per_rule, false, missed, found_flows, len(flows)


def build(set_name):
    sys.path.insert(0, HERE)
    import run  # the same throw-away project as the fix-rate run
    work = "/tmp/deepsynth-fixrate-labels"
    os.makedirs(work, exist_ok=True)
    analyzers = run.prebuild(work, 1800)
    project_dir = run.prepare(set_name, work, analyzers)
    subprocess.run(["dotnet", "restore", "-nologo"], cwd=project_dir, check=True, capture_output=True)
    findings, errors, output, _ = run.build(project_dir, 1800)
    if errors:
        sys.exit(f"{set_name} does not compile: {sorted(errors)[:3]}")
    return {(p.replace("\\", "/"), l, i) for p, l, i in findings}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set")
    parser.add_argument("findings", nargs="?", help="a file of build output lines; omit with --build")
    parser.add_argument("--build", action="store_true")
    args = parser.parse_args()
    labels = json.load(open(os.path.join(HERE, f"labels-{args.set}.json"), encoding="utf-8"))
    if args.build:
        findings = build(args.set)
    else:
        findings = read_findings(open(args.findings, encoding="utf-8"), os.path.join(HERE, args.set))
    per_rule, false, missed, found_flows, flows = score(labels, findings)
    print(f"{args.set}: {len(found_flows)} of {flows} flows found (a publish rule matched)")
    print("| rule | TP | FP | FN | recall | precision |\n|---|---|---|---|---|---|")
    totals = {"tp": 0, "fp": 0, "fn": 0}
    for rule, c in per_rule.items():
        for k in totals:
            totals[k] += c[k]
        print(f"| {rule} | {c['tp']} | {c['fp']} | {c['fn']} | {c['tp'] / max(1, c['tp'] + c['fn']):.2f} | {c['tp'] / max(1, c['tp'] + c['fp']):.2f} |")
    t = totals
    print(f"| all | {t['tp']} | {t['fp']} | {t['fn']} | {t['tp'] / max(1, t['tp'] + t['fn']):.2f} | {t['tp'] / max(1, t['tp'] + t['fp']):.2f} |")
    for (path, line, rule), negative in false:
        print(f"   false: {path}:{line} {rule}" + (f" (labelled negative: {negative})" if negative else ""))
    for flow, rule in missed:
        print(f"   missed: {flow} {rule}")


if __name__ == "__main__":
    main()
