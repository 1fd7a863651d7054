#!/usr/bin/env bash
# How long a refused login takes, by reason: unknown user, wrong password, locked account, disabled
# account (HTTP Basic on a light API call, interleaved, median of N). All four must answer the same 401
# in about the same time (docs/access.md, "Login"). Run against the demo data of a local start:
#   PORT=18105 ./mvnw spring-boot:run   then   scripts/login-timing.sh http://localhost:18105 40
# It locks the demo account "xuanluong" (5 wrong passwords) and disables "hungmy" (as admin).
set -euo pipefail
base=${1:-http://localhost:8080}
n=${2:-40}
api="$base/api/v1/units?q=x"
jar=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$jar" "$work"' EXIT
time_of() { curl -s -o /dev/null -w "%{time_total}\n" -u "$1:$2" "$api"; }
median() { sort -n | awk '{a[NR]=$1} END {printf "%.0f ms (n=%d)", a[int((NR+1)/2)]*1000, NR}'; }
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }

# the administrator disables hungmy through the pages
token=$(curl -s -c "$jar" -b "$jar" "$base/login" | csrf)
curl -s -o /dev/null -c "$jar" -b "$jar" -d "username=admin&password=NtmDemo@2026&_csrf=$token" "$base/login"
page=$(curl -s -c "$jar" -b "$jar" "$base/admin/users?q=hungmy")
id=$(echo "$page" | grep -o '/admin/users/[0-9][0-9]*' | head -1 | sed 's#.*/##')
token=$(echo "$page" | csrf)
curl -s -o /dev/null -c "$jar" -b "$jar" -d "enabled=false&_csrf=$token" "$base/admin/users/$id/enabled"
# five wrong passwords lock xuanluong
for i in 1 2 3 4 5; do time_of xuanluong "sai-$i" >/dev/null; done
# warm up
for i in $(seq 1 10); do time_of "khongcoai$i" x >/dev/null; done

for i in $(seq 1 "$n"); do
	time_of "khongcoai$i" NtmDemo@2026 >>"$work/unknown"
	time_of xem "sai-$i" >>"$work/wrong"
	time_of xuanluong NtmDemo@2026 >>"$work/locked"
	time_of hungmy NtmDemo@2026 >>"$work/disabled"
	# a right password now and then, so that xem is never locked
	if [ $((i % 4)) = 0 ]; then time_of xem NtmDemo@2026 >/dev/null; fi
done
for reason in unknown wrong locked disabled; do echo "$reason: $(median <"$work/$reason")"; done
echo "answers (status, body checksum):"
for user in khongcoai xem xuanluong hungmy; do
	printf '  %-10s %s %s\n' "$user" "$(curl -s -o /dev/null -w '%{http_code}' -u "$user:NtmDemo@2026x" "$api")" \
		"$(curl -s -u "$user:NtmDemo@2026x" "$api" | md5sum | cut -c1-12)"
done
