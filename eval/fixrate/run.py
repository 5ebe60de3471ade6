#!/usr/bin/env python3
"""Fix rate of the DeepSynth code fixes on evaluation sets of realistic code (issue 16).

For each set (a folder of .cs files under eval/fixrate/<set>/), the script builds a throw-away ASP.NET Core project
outside the repository that references the analyzer, the code fixes and the compliance SDK the way a user's project
does, and then:

  1. builds it and counts the DSYN001-DSYN005 findings (distinct file, line and rule) and the compile errors;
  2. runs `dotnet format analyzers <project> --diagnostics DSYN001 DSYN002 DSYN003 DSYN004 DSYN005 --severity info`
     (the Fix All of each rule, what a user runs);
  3. builds it again and counts the compile errors and the findings left.

It prints, per set, findings before and after, the share removed, compile errors after, and each finding left.
The fixed project stays under --work (default /tmp/deepsynth-fixrate/<set>) for reading.

    python3 eval/fixrate/run.py               # every set
    python3 eval/fixrate/run.py --set set-a   # one set
    python3 eval/fixrate/run.py --json out.json
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "eval", "fixrate")
RULES = ["DSYN001", "DSYN002", "DSYN003", "DSYN004", "DSYN005"]

# Versions from Directory.Packages.props (the project lives outside the repository, so it names them itself).
PACKAGES = {
    "OpenAI": "2.15.0",
    "Microsoft.Extensions.AI": "10.11.0",
    "Microsoft.Extensions.AI.OpenAI": "10.11.0",
    "Microsoft.SemanticKernel": "1.82.0",
    "Azure.AI.OpenAI": "2.9.0-beta.1",
}

PROJECT = """<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>$(NoWarn);NU1603;NU1608;SKEXP0001;SKEXP0010;OPENAI001</NoWarn>
  </PropertyGroup>
  <ItemGroup>
{packages}
  </ItemGroup>
  <ItemGroup>
    <!-- The analyzer and the code fixes as the package ships them (analyzers/dotnet/cs), copied once per run. -->
    <Analyzer Include="{analyzers}/DeepSynth.Analyzers.dll" />
    <Analyzer Include="{analyzers}/DeepSynth.CodeFixes.dll" />
    <ProjectReference Include="{src}/DeepSynth.Compliance/DeepSynth.Compliance.csproj" />
  </ItemGroup>
</Project>
"""

DIAGNOSTIC = re.compile(r"^(?P<path>[^(\n]+?)\((?P<line>\d+),(?P<col>\d+)\): (?P<severity>warning|error|info) (?P<id>[A-Z]+\d+): (?P<message>.*?)(?: \[[^\]]+\])?$")


def run(command, cwd, timeout):
    started = time.time()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    return result.returncode, result.stdout + result.stderr, time.time() - started


def build(project_dir, timeout):
    # Release and BuildProjectReferences=false: the repository's projects were built once (see prebuild), so a Debug
    # build or test run in the repository at the same time does not race with this one.
    code, output, seconds = run(["dotnet", "build", "-c", "Release", "--no-incremental", "-m:1", "-nologo", "-clp:NoSummary",
                                 "-p:RunAnalyzers=true", "-p:BuildProjectReferences=false"],
                                project_dir, timeout)
    findings, errors = set(), set()
    for line in output.splitlines():
        match = DIAGNOSTIC.match(line.strip())
        if not match:
            continue
        path = os.path.relpath(match["path"], project_dir) if os.path.isabs(match["path"]) else match["path"]
        if path.startswith(".."):
            continue  # the referenced repository projects
        key = (path, int(match["line"]), match["id"])
        if match["id"] in RULES:
            findings.add(key)
        elif match["severity"] == "error":
            errors.add(key + (match["message"],))
    return findings, errors, output, seconds


def prebuild(work, timeout):
    """Builds the analyzer, the code fixes and the SDK (Release) once and copies the analyzer assemblies to the work folder."""
    for project in ["DeepSynth.CodeFixes", "DeepSynth.Compliance"]:
        code, output, _ = run(["dotnet", "build", os.path.join(ROOT, "src", project), "-c", "Release", "-m:1", "-nologo", "-v", "q"], ROOT, timeout)
        if code != 0:
            sys.exit(f"building {project} failed\n{output}")
    analyzers = os.path.join(work, "analyzers")
    os.makedirs(analyzers, exist_ok=True)
    for name in ["DeepSynth.Analyzers.dll", "DeepSynth.CodeFixes.dll"]:
        shutil.copy(os.path.join(ROOT, "src", "DeepSynth.CodeFixes", "bin", "Release", "netstandard2.0", name), analyzers)
    return analyzers


def prepare(set_name, work, analyzers):
    source = os.path.join(HERE, set_name)
    target = os.path.join(work, set_name)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.md", "packages.json"))
    # A set may name more packages than the common ones (packages.json: {"Name": "version"}), e.g. MailKit or EF Core.
    extra_path = os.path.join(source, "packages.json")
    extra = json.load(open(extra_path, encoding="utf-8")) if os.path.exists(extra_path) else {}
    packages = "\n".join(f'    <PackageReference Include="{n}" Version="{v}" />' for n, v in {**PACKAGES, **extra}.items())
    # gRPC services generated from .proto files (the set's packages.json names Grpc.Tools).
    if any(f.endswith(".proto") for _, _, names in os.walk(source) for f in names):
        packages += '\n    <Protobuf Include="**/*.proto" GrpcServices="Server" />'
    with open(os.path.join(target, set_name + ".csproj"), "w", encoding="utf-8") as f:
        f.write(PROJECT.format(packages=packages, src=os.path.join(ROOT, "src"), analyzers=analyzers))
    return target


def evaluate(set_name, work, analyzers, timeout, verbose):
    project_dir = prepare(set_name, work, analyzers)
    project = os.path.join(project_dir, set_name + ".csproj")
    code, output, _ = run(["dotnet", "restore", project, "-nologo"], project_dir, timeout)
    if code != 0:
        sys.exit(f"{set_name}: restore failed\n{output}")

    before, errors_before, output, seconds = build(project_dir, timeout)
    if errors_before:
        sys.exit(f"{set_name}: does not compile before fixing:\n" + "\n".join(map(str, sorted(errors_before))))
    print(f"{set_name}: {len(before)} findings before ({seconds:.0f} s build)", flush=True)

    code, format_output, seconds = run(["dotnet", "format", "analyzers", project, "--diagnostics", *RULES, "--severity", "info", "--no-restore", "-v", "n"],
                                       project_dir, timeout)
    print(f"{set_name}: dotnet format analyzers exited {code} ({seconds:.0f} s)", flush=True)
    if verbose:
        print(format_output)

    after, errors_after, output, _ = build(project_dir, timeout)
    # Lines move when fixes insert statements, so findings are counted, not matched by line.
    removed = len(before) - len(after)
    rate = removed / len(before) if before else 1.0
    return {
        "set": set_name,
        "files": sum(1 for _, _, names in os.walk(os.path.join(HERE, set_name)) for f in names if f.endswith(".cs")),
        "before": len(before),
        "after": len(after),
        "removed": removed,
        "rate": rate,
        # False when the fixed project does not compile: the analyzer then reports only part of the findings left.
        "rate_valid": not errors_after,
        "compile_errors": [f"{p}:{l} {i} {m}" for p, l, i, m in sorted(errors_after)],
        "left": [f"{p}:{l} {i}" for p, l, i in sorted(after)],
        "by_rule": {r: [len([k for k in before if k[2] == r]), len([k for k in after if k[2] == r])] for r in RULES},
        "fixed_project": project_dir,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", action="append", help="set folder under eval/fixrate (default: every set-*)")
    parser.add_argument("--work", default="/tmp/deepsynth-fixrate")
    parser.add_argument("--timeout", type=int, default=1800)
    parser.add_argument("--json")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    sets = args.set or sorted(d for d in os.listdir(HERE) if d.startswith("set-") and os.path.isdir(os.path.join(HERE, d)))
    os.makedirs(args.work, exist_ok=True)
    analyzers = prebuild(args.work, args.timeout)
    results = [evaluate(s, args.work, analyzers, args.timeout, args.verbose) for s in sets]
    for r in results:
        # A fixed project that does not compile reports only part of its findings: its "left" count proves nothing.
        rate = f"{r['rate']:.1%}" if not r["compile_errors"] else "not measured: the fixed project does not compile"
        print(f"\n== {r['set']} ({r['files']} files): {r['before']} findings, {r['removed']} removed ({rate}), "
              f"{r['after']} left, {len(r['compile_errors'])} compile errors")
        for rule, (b, a) in r["by_rule"].items():
            print(f"   {rule}: {b} -> {a}")
        for line in r["left"]:
            print("   left: " + line)
        for line in r["compile_errors"]:
            print("   error: " + line)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=2)
    failed = any(r["compile_errors"] for r in results)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
