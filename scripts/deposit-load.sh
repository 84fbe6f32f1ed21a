#!/usr/bin/env bash
# A bounded burst of deposits through the HTTP API, then a check of every account against what the callers saw.
#
#   scripts/deposit-load.sh --api http://127.0.0.1:8000 --accounts 6 --workers 12 --seconds 30 [--kill-silo 2 --at 10]
#
# Signs up a fresh user, opens A accounts (so that every silo holds some), and runs W workers, spread over them,
# that each send deposits one after another for S seconds, each with a unique description and an Idempotency-Key.
# A deposit answered 5xx (or not at all) is retried with the same key, after its Retry-After, up to --retries times.
# With --kill-silo K the script runs `scripts/local-cluster.sh kill-silo K` T seconds into the load. Afterwards it
# reads every account and its whole history and checks that the balance is the sum of the history, that every
# acknowledged deposit is in it exactly once, and that nothing is in it that was not sent. Needs curl and jq.
# Exit status 0 when every check passes.
set -Eeuo pipefail

api=http://127.0.0.1:8000 accounts=6 workers=12 seconds=30 retries=10 kill_silo="" kill_at=10
while (($#)); do
  case $1 in
    --api) api=$2; shift 2 ;;
    --accounts) accounts=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --retries) retries=$2; shift 2 ;;
    --kill-silo) kill_silo=$2; shift 2 ;;
    --at) kill_at=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "deposit-load: unknown option '$1'" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null || { echo "deposit-load: needs jq" >&2; exit 2; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The user and the accounts.
user=load$(date +%s)$RANDOM
password="load test password"
curl -fsS -H 'Content-Type: application/json' \
  -d "{\"full_name\":\"Load Test\",\"username\":\"$user\",\"email\":\"$user@example.com\",\"password\":\"$password\"}" \
  "$api/users/signup" >/dev/null
token=$(curl -fsS --data-urlencode grant_type=password --data-urlencode "username=$user" --data-urlencode "password=$password" \
  "$api/token" | jq -r .access_token)
auth=(-H "Authorization: Bearer $token")
ids=()
for ((a = 1; a <= accounts; a++)); do
  ids+=("$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Load $a\",\"opening_balance\":0,\"can_go_negative\":false}" "$api/accounts/new" | jq -r .AccountId)")
done
echo "deposit-load: user $user, $accounts accounts, $workers workers for $seconds s"

now_ms() { date +%s%3N; }

# One worker: deposits into one account until the deadline; each line of its log is
# "account description cents final-status attempts started-ms finished-ms".
worker() {
  local w=$1 deadline=$2 account=$3 n=0 description cents amount status attempts wait started
  local headers=$work/headers-$w
  while ((SECONDS < deadline)); do
    started=$(now_ms)
    n=$((n + 1))
    description="w$w-$n"
    cents=$((1 + (n * 7 + w) % 500))
    amount=$(printf '%d.%02d' $((cents / 100)) $((cents % 100)))
    attempts=0
    while :; do
      attempts=$((attempts + 1))
      status=$(curl -sS -o /dev/null -D "$headers" -w '%{http_code}' --max-time 30 "${auth[@]}" \
        -H 'Content-Type: application/json' -H "Idempotency-Key: $account-$description" \
        -d "{\"account_id\":\"$account\",\"envelope_id\":0,\"description\":\"$description\",\"amount\":$amount}" \
        "$api/accounts/deposit" 2>/dev/null) || status=000
      [[ $status == 5* || $status == 000 ]] || break
      ((attempts <= retries)) || break
      wait=$(tr -d '\r' <"$headers" 2>/dev/null | awk -F': ' 'tolower($1) == "retry-after" { print $2 }')
      sleep "${wait:-1}"
    done
    echo "$account $description $cents $status $attempts $started $(now_ms)" >>"$work/worker-$w.log"
  done
}

start=$SECONDS
start_ms=$(now_ms)
for ((w = 1; w <= workers; w++)); do worker "$w" $((start + seconds)) "${ids[$(((w - 1) % accounts))]}" & done
kill_ms=""
if [[ -n $kill_silo ]]; then
  sleep "$kill_at"
  kill_ms=$(now_ms)
  "$repo/scripts/local-cluster.sh" kill-silo "$kill_silo"
fi
wait
echo "deposit-load: load finished after $((SECONDS - start)) s"

# What the callers saw.
cat "$work"/worker-*.log >"$work/sent"
sent=$(wc -l <"$work/sent")
acked=$(awk '$4 == 200' "$work/sent" | wc -l)
retried=$(awk '$4 == 200 && $5 > 1' "$work/sent" | wc -l)
answers=$(awk '{ for (i = 1; i < $5; i++) print "retried"; print $4 }' "$work/sent" | sort | uniq -c | awk '{ print $2 " x" $1 }' | paste -sd, -)
echo "deposit-load: $sent deposits sent, $acked acknowledged ($retried of them after a retry); answers: $answers"
# How long callers waited: the slowest deposit and, after a kill, how soon every account answered again (the first
# acknowledged deposit started after the kill, per account) and the slowest deposit in flight at the kill.
awk -v kill="$kill_ms" '
  { d = $7 - $6; if (d > slowest) slowest = d }
  kill != "" && $6 >= kill && $4 == 200 && (!($1 in back) || $7 < back[$1]) { back[$1] = $7 }
  kill != "" && $6 < kill && $7 >= kill && $7 - $6 > inflight { inflight = $7 - $6 }
  END {
    printf "deposit-load: slowest deposit %.1f s from first attempt to answer\n", slowest / 1000
    if (kill == "") exit
    for (a in back) { served++; if (back[a] - kill > recovered) recovered = back[a] - kill }
    printf "deposit-load: after the kill %d account(s) answered a new deposit, all within %.1f s; the slowest deposit in flight at the kill took %.1f s\n", served, recovered / 1000, inflight / 1000
  }' "$work/sent"

# What the service recorded, account by account: the balance and the whole history, page by page.
problems=0
check() {
  if eval "$2"; then echo "  ok    $1"; else echo "  FAIL  $1"; problems=$((problems + 1)); fi
}
cents() { printf '%d.%02d' $(($1 / 100)) $(($1 % 100)); }
for account in "${ids[@]}"; do
  balance=$(curl -fsS "${auth[@]}" "$api/accounts/$account" | jq '.balance * 100 | round')
  : >"$work/history"
  for ((page = 0; ; page++)); do
    curl -fsS "${auth[@]}" "$api/accounts/$account/transactions/$page/1000" >"$work/page"
    jq -r '.[] | "\(.tx_id) \(.description) \(.amount * 100 | round)"' "$work/page" >>"$work/history"
    (($(jq length "$work/page") == 1000)) || break
  done
  awk -v a="$account" '$1 == a' "$work/sent" >"$work/mine"
  history_sum=$(awk '{ s += $3 } END { print s + 0 }' "$work/history")
  acked_sum=$(awk '$4 == 200 { s += $3 } END { print s + 0 }' "$work/mine")
  awk 'NR > 1 { print $2 }' "$work/history" | sort >"$work/recorded"
  awk '$4 == 200 { print $2 }' "$work/mine" | sort >"$work/acknowledged"
  awk '{ print $2 }' "$work/mine" | sort >"$work/attempted"
  duplicates=$(uniq -d "$work/recorded" | wc -l)
  missing=$(comm -23 "$work/acknowledged" "$work/recorded" | wc -l)
  unsent=$(comm -13 "$work/attempted" "$work/recorded" | wc -l)
  comm -13 "$work/acknowledged" "$work/recorded" >"$work/unacknowledged"
  unacked=$(wc -l <"$work/unacknowledged")
  unacked_sum=$(awk 'NR == FNR { u[$1]; next } $2 in u { s += $3 } END { print s + 0 }' "$work/unacknowledged" "$work/mine")
  contiguous=$(awk '$1 != NR - 1 { bad = 1 } END { print bad ? "no" : "yes" }' "$work/history")
  echo "account $account: balance $(cents "$balance"), $(($(wc -l <"$work/history") - 1)) deposits recorded, $(wc -l <"$work/acknowledged") acknowledged ($(cents "$acked_sum"))"
  check "balance equals the sum of the history" '((balance == history_sum))'
  check "transaction ids are contiguous" '[[ $contiguous == yes ]]'
  check "every acknowledged deposit is recorded ($missing missing)" '((missing == 0))'
  check "no deposit is recorded twice ($duplicates twice)" '((duplicates == 0))'
  check "nothing is recorded that was not sent ($unsent)" '((unsent == 0))'
  check "balance equals the acknowledged deposits plus $unacked recorded without an acknowledgement" '((balance == acked_sum + unacked_sum))'
done
((problems == 0)) && echo "deposit-load: all checks passed" || { echo "deposit-load: $problems check(s) failed"; exit 1; }
