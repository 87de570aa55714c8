#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to its project's
# PublicAPI.Unshipped.txt, and drops entries for symbols that no longer exist (RS0017). Run it after a deliberate API
# change, review the diff of the PublicAPI files, and commit them with the change. Generated code (the COSEM
# classes) is covered too, which `dotnet format analyzers` does not do.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet build Cosem.Sdk.sln -p:TreatWarningsAsErrors=false --no-incremental >"$log" 2>&1 || true
python3 - "$log" <<'PY'
import re, sys, collections, os
added, removed = collections.defaultdict(set), collections.defaultdict(set)
for line in open(sys.argv[1], encoding='utf-8'):
    m = re.search(r"(RS0016|RS0017): Symbol '(.*)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.*\.csproj)\]", line)
    if not m:
        continue
    (added if m.group(1) == 'RS0016' else removed)[os.path.dirname(m.group(3))].add(m.group(2))
for project in set(added) | set(removed):
    path = os.path.join(project, 'PublicAPI.Unshipped.txt')
    lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')] if os.path.exists(path) else ['#nullable enable']
    body = sorted((set(lines[1:]) | added[project]) - removed[project] - {''}, key=str.lower)
    open(path, 'w', encoding='utf-8').write('\n'.join(['#nullable enable'] + body) + '\n')
    print(f"{path}: +{len(added[project])} -{len(removed[project])}")
PY
rm -f "$log"
