#!/usr/bin/env python3
"""Score `deepsynth check` on exported copies of the real-repository corpus against hand-made labels.

The labels (labels/<repo>.json) were written by reading each repository at its pinned commit before any analyzer ran.
This script never downloads anything: export the snapshots first (see README.md). CI does not run it.

A SARIF result matches an expectation when the rule is the same, the file is the same (relative to the exported
repository folder) and the reported line is within --tolerance lines of one of the expectation's accepted locations:
for DSYN001/002/003/005 the publish point (or a listed alternative, e.g. the page-model assignment behind a .cshtml
line); for DSYN004 the generation call or the call in the endpoint that hands the input to it (`input_at`). Rules a flow lists
under `optional` are judgement calls: a matching result is neither a true nor a false positive, a missing one no miss.
Each result matches at most one expectation and each expectation at most one result (maximum matching).
Unmatched results are false positives; unmatched expectations are false negatives.

The held-out part is scored only with an explicit `--part held-out`.
"""
import argparse
import json
import os
import subprocess
import sys
import urllib.parse
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
FLOW_RULES = ["DSYN001", "DSYN002", "DSYN003", "DSYN004", "DSYN005"]
PUBLISH_RULES = ["DSYN001", "DSYN002", "DSYN003", "DSYN005"]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--part", choices=["dev", "held-out"], default="dev",
                   help="which part to score (default dev; held-out only when asked explicitly)")
    p.add_argument("--export-root", default="/work/eval-export", help="folder holding one exported copy per repository")
    p.add_argument("--repo", action="append", default=[], help="score only these repositories (repeatable)")
    p.add_argument("--sarif-dir", default=os.path.join("/tmp", "deepsynth-eval-sarif"), help="where SARIF files and logs go")
    p.add_argument("--reuse-sarif", action="store_true", help="score existing SARIF files instead of running the CLI")
    p.add_argument("--no-restore", action="store_true", help="pass --no-restore to deepsynth check")
    p.add_argument("--no-build", action="store_true", help="do not build the CLI first (it must already be built in Release)")
    p.add_argument("--tolerance", type=int, default=2, help="allowed distance in lines (default 2)")
    p.add_argument("--timeout", type=int, default=900, help="seconds allowed for one check (default 900)")
    p.add_argument("--retarget", action="store_true",
                   help="rewrite <TargetFramework> net5.0/net7.0 (whose targeting packs the NuGet mirror does not serve) to "
                        "net8.0 in the exported project files before checking; source files and their lines are untouched")
    p.add_argument("--relax-restore", action="store_true",
                   help="run the check with NoWarn=NU1603;NU1605;NU1608 in its environment (MSBuild reads it as a property), so a "
                        "package downgrade forced by the mirror's versions (it lacks the pinned ones) does not fail the restore; "
                        "project and source files are untouched")
    p.add_argument("--validate", action="store_true",
                   help="only check that every labelled file and line exists in the exported copies (runs no analyzer)")
    p.add_argument("--json", dest="json_out", help="also write the scores to this JSON file")
    p.add_argument("--verbose", "-v", action="store_true", help="list every false positive and false negative")
    return p.parse_args(argv)


def load_corpus():
    with open(os.path.join(HERE, "repos.json"), encoding="utf-8") as f:
        repos = json.load(f)["repos"]
    labels = {}
    for r in repos:
        with open(os.path.join(HERE, "labels", r["name"] + ".json"), encoding="utf-8") as f:
            labels[r["name"]] = json.load(f)
    return repos, labels


def expectations(label):
    """One expectation per (flow, rule); DSYN004 expectations with the same accepted locations are merged."""
    out, seen_inputs = [], set()
    for flow in label["flows"]:
        optional = set(flow.get("optional", []))
        for rule in flow["expect"] + sorted(optional - set(flow["expect"])):
            if rule == "DSYN004":
                locs = flow.get("input_at") or flow["generation"]
                key = frozenset((l["file"], l["line"]) for l in locs)
                if key in seen_inputs:
                    continue
                seen_inputs.add(key)
            else:
                locs = [flow["publish"]] + flow.get("publish_alternatives", [])
            out.append({"flow": flow["id"], "rule": rule, "optional": rule in optional,
                        "locations": [(l["file"], l["line"]) for l in locs]})
    return out


UNSERVED_TFMS = ("net5.0", "net7.0")


def retarget(export_dir):
    """Point projects at a framework whose targeting pack is served here; returns the project files changed."""
    changed = []
    for folder, dirs, files in os.walk(export_dir):
        dirs[:] = [d for d in dirs if d not in ("bin", "obj", ".git", "node_modules")]
        for name in files:
            if not name.endswith(".csproj"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8-sig") as f:
                text = f.read()
            new = text
            for tfm in UNSERVED_TFMS:
                new = new.replace(f"<TargetFramework>{tfm}</TargetFramework>", "<TargetFramework>net8.0</TargetFramework>")
            if new != text:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
                changed.append(os.path.relpath(path, export_dir))
    return changed


def build_cli():
    cmd = ["dotnet", "build", os.path.join(REPO_ROOT, "src", "DeepSynth.Cli"), "-c", "Release", "-m:1", "-v", "q", "-nologo"]
    print("building the CLI:", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True)


def run_check(repo, export_dir, sarif_path, log_path, args):
    target = os.path.join(export_dir, repo["check_target"])
    cmd = ["dotnet", "run", "--project", os.path.join(REPO_ROOT, "src", "DeepSynth.Cli"), "-c", "Release", "--no-build", "--",
           "check", target, "--format", "sarif", "--output", sarif_path, "--fail-on", "never"]
    if args.no_restore:
        cmd.append("--no-restore")
    print(f"[{repo['name']}] " + " ".join(cmd), file=sys.stderr)
    with open(log_path, "w", encoding="utf-8") as log:
        try:
            env = dict(os.environ)
            if args.relax_restore:
                env["NoWarn"] = "NU1603;NU1605;NU1608"
            done = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, timeout=args.timeout, env=env)
            return done.returncode
        except subprocess.TimeoutExpired:
            log.write(f"\n*** timed out after {args.timeout} s\n")
            return "timeout"


def sarif_results(sarif_path, export_dir):
    """(rule, file relative to export_dir, line) of every DSYN001-005 result, de-duplicated, plus tool notifications."""
    with open(sarif_path, encoding="utf-8-sig") as f:
        doc = json.load(f)
    found, problems = set(), []
    export_dir = os.path.realpath(export_dir)
    for run in doc.get("runs", []):
        bases = {k: v.get("uri", "") for k, v in (run.get("originalUriBaseIds") or {}).items()}
        for inv in run.get("invocations", []):
            for note in inv.get("toolExecutionNotifications", []):
                problems.append(note.get("message", {}).get("text", ""))
        for res in run.get("results", []):
            rule = res.get("ruleId", "")
            if rule not in FLOW_RULES or not res.get("locations"):
                continue
            phys = res["locations"][0].get("physicalLocation", {})
            art = phys.get("artifactLocation", {})
            uri = art.get("uri", "")
            if art.get("uriBaseId") in bases:
                uri = bases[art["uriBaseId"]].rstrip("/") + "/" + uri
            path = urllib.parse.unquote(urllib.parse.urlparse(uri).path) if uri.startswith("file:") else urllib.parse.unquote(uri)
            rel = os.path.relpath(os.path.realpath(path), export_dir).replace(os.sep, "/")
            found.add((rule, rel, phys.get("region", {}).get("startLine", 0)))
    return sorted(found), problems


def validate(part, labels, export_root):
    """Every labelled location names an existing file and a line inside it; returns the problems found."""
    problems = []
    for repo in part:
        root = os.path.join(export_root, repo["name"])
        label = labels[repo["name"]]
        if not os.path.exists(os.path.join(root, label["check_target"])):
            problems.append(f"{repo['name']}: check target {label['check_target']} missing")
        spots = list(label.get("negatives", []))
        for flow in label["flows"]:
            spots += [flow["publish"]] + flow.get("publish_alternatives", []) + flow["generation"] + flow.get("input_at", [])
        for spot in spots:
            path = os.path.join(root, spot["file"])
            if not os.path.isfile(path):
                problems.append(f"{repo['name']}: {spot['file']} missing")
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                count = sum(1 for _ in f)
            if spot["line"] > count:
                problems.append(f"{repo['name']}: {spot['file']}:{spot['line']} is past the end ({count} lines)")
    return problems


def near(loc_line, line, tol):
    return abs(loc_line - line) <= tol


def match(expected, results, tol):
    """Maximum bipartite matching of expectations to results (Kuhn's algorithm; the sets are small)."""
    edges = []
    for e in expected:
        edges.append([j for j, (rule, file, line) in enumerate(results)
                      if rule == e["rule"] and any(f == file and near(l, line, tol) for f, l in e["locations"])])
    owner = {}

    def augment(i, seen):
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        augment(i, set())
    matched_expectations = set(owner.values())
    return matched_expectations, set(owner)


def hits_negative(result, negatives, tol):
    rule, file, line = result
    for n in negatives:
        if n["file"] == file and rule in n["rules"] and (n["line"] == 0 or near(n["line"], line, tol)):
            return n
    return None


def score_repo(repo, label, results, tol):
    expected = expectations(label)
    got_e, got_r = match(expected, results, tol)
    per_rule = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    fns, fps = [], []
    for i, e in enumerate(expected):
        if e["optional"]:
            continue  # a judgement call either way: neither reporting nor missing it is scored
        if i in got_e:
            per_rule[e["rule"]]["tp"] += 1
        else:
            per_rule[e["rule"]]["fn"] += 1
            fns.append(e)
    for j, r in enumerate(results):
        if j not in got_r:
            per_rule[r[0]]["fp"] += 1
            fps.append((r, hits_negative(r, label.get("negatives", []), tol)))
    flows_found = sum(1 for flow in label["flows"]
                      if any(i in got_e for i, e in enumerate(expected)
                             if e["flow"] == flow["id"] and e["rule"] in PUBLISH_RULES and not e["optional"]))
    publish_reports = {(f, l) for rule, f, l in results if rule in PUBLISH_RULES}
    false_reports = {(r[1], r[2]) for r, _ in fps if r[0] in PUBLISH_RULES}
    return {"per_rule": per_rule, "fns": fns, "fps": fps, "flows": len(label["flows"]), "flows_found": flows_found,
            "publish_reports": len(publish_reports), "false_publish_reports": len(false_reports)}


def ratio(a, b):
    return a / b if b else float("nan")


def main(argv):
    args = parse_args(argv)
    repos, labels = load_corpus()
    part = [r for r in repos if r["held_out"] == (args.part == "held-out")]
    if args.repo:
        part = [r for r in part if r["name"] in args.repo]
        missing = set(args.repo) - {r["name"] for r in part}
        if missing:
            sys.exit(f"not in the {args.part} part: {', '.join(sorted(missing))}")
    if not part:
        sys.exit("nothing to score")
    if args.validate:
        problems = validate(part, labels, args.export_root)
        for p in problems:
            print(p)
        print(f"{len(part)} repositories, {len(problems)} label problems")
        sys.exit(1 if problems else 0)
    os.makedirs(args.sarif_dir, exist_ok=True)
    if not args.reuse_sarif and not args.no_build:
        build_cli()

    totals = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    summary = {"part": args.part, "tolerance": args.tolerance, "repos": {}}
    flows = flows_found = reports = false_reports = 0
    for repo in part:
        name = repo["name"]
        export_dir = os.path.join(args.export_root, name)
        sarif_path = os.path.join(args.sarif_dir, name + ".sarif")
        log_path = os.path.join(args.sarif_dir, name + ".log")
        status = "reused"
        if not args.reuse_sarif:
            if not os.path.isdir(export_dir):
                sys.exit(f"{export_dir} is missing: export the snapshot first (README.md)")
            if os.path.exists(sarif_path):
                os.remove(sarif_path)
            if args.retarget:
                for changed in retarget(export_dir):
                    print(f"[{name}] retargeted {changed} to net8.0", file=sys.stderr)
            status = run_check(repo, export_dir, sarif_path, log_path, args)
        if os.path.exists(sarif_path):
            results, problems = sarif_results(sarif_path, export_dir)
        else:
            results, problems = [], [f"no SARIF written (exit {status}); see {log_path}"]
        s = score_repo(repo, labels[name], results, args.tolerance)
        for rule, c in s["per_rule"].items():
            for k in c:
                totals[rule][k] += c[k]
        flows += s["flows"]
        flows_found += s["flows_found"]
        reports += s["publish_reports"]
        false_reports += s["false_publish_reports"]
        tp = sum(c["tp"] for c in s["per_rule"].values())
        fp = sum(c["fp"] for c in s["per_rule"].values())
        fn = sum(c["fn"] for c in s["per_rule"].values())
        print(f"{name:32} exit={status!s:8} flows {s['flows_found']}/{s['flows']}  TP {tp:3}  FP {fp:3}  FN {fn:3}  problems {len(problems)}")
        if args.verbose:
            for p in problems[:5]:
                print(f"    problem: {p[:200]}")
            for e in s["fns"]:
                f, l = e["locations"][0]
                print(f"    FN {e['rule']} {f}:{l} ({e['flow']})")
            for (rule, f, l), neg in s["fps"]:
                why = f"  [labelled negative: {neg['reason'][:80]}]" if neg else ""
                print(f"    FP {rule} {f}:{l}{why}")
        summary["repos"][name] = {"exit": status, "problems": problems, "flows": s["flows"], "flows_found": s["flows_found"],
                                  "per_rule": s["per_rule"], "false_positives": [list(r) for r, _ in s["fps"]],
                                  "false_negatives": [{"rule": e["rule"], "flow": e["flow"], "at": e["locations"][0]} for e in s["fns"]]}

    print()
    print(f"{args.part} part: {len(part)} repositories, tolerance +-{args.tolerance} lines")
    print(f"{'rule':8} {'TP':>4} {'FP':>4} {'FN':>4} {'recall':>7} {'precision':>9}")
    all_c = {"tp": 0, "fp": 0, "fn": 0}
    for rule in FLOW_RULES:
        c = totals[rule]
        for k in all_c:
            all_c[k] += c[k]
        print(f"{rule:8} {c['tp']:4} {c['fp']:4} {c['fn']:4} {ratio(c['tp'], c['tp'] + c['fn']):7.2f} {ratio(c['tp'], c['tp'] + c['fp']):9.2f}")
    print(f"{'all':8} {all_c['tp']:4} {all_c['fp']:4} {all_c['fn']:4} {ratio(all_c['tp'], all_c['tp'] + all_c['fn']):7.2f} {ratio(all_c['tp'], all_c['tp'] + all_c['fp']):9.2f}")
    print(f"publishing flows found: {flows_found} of {flows}; distinct publish points reported: {reports}, of them false: {false_reports}")
    summary.update({"totals": totals, "all": all_c, "flows": flows, "flows_found": flows_found,
                    "publish_points_reported": reports, "false_publish_points": false_reports})
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2, default=dict)


if __name__ == "__main__":
    main(sys.argv[1:])
