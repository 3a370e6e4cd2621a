#!/bin/sh
# CLI tests: exit codes, messages naming the argument, table and JSON
# output. Prints TAP. Database tests use $SW_TEST_DATABASE.
set -u
BIN=${BUILD:-build/asan}/spoorwijzer
n=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

# expect_exit CODE DESC ARGS...: runs the CLI, checks the exit status.
expect_exit() {
	code=$1 desc=$2
	shift 2
	out=$("$BIN" "$@" 2>&1)
	rc=$?
	if [ "$rc" -eq "$code" ]; then ok "$desc"; else notok "$desc" "exit $rc, want $code" "$out"; fi
}

# expect_err PATTERN DESC ARGS...: exit 2 and stderr matching PATTERN.
expect_err() {
	pat=$1 desc=$2
	shift 2
	err=$("$BIN" "$@" 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" -eq 2 ] && echo "$err" | grep -q -- "$pat"; then ok "$desc"; else notok "$desc" "exit $rc" "$err"; fi
}

# expect_json FILTER VALUE DESC ARGS...: jq -r FILTER on the JSON output.
expect_json() {
	filter=$1 want=$2 desc=$3
	shift 3
	got=$("$BIN" "$@" --json | jq -r "$filter" 2>&1)
	if [ "$got" = "$want" ]; then ok "$desc"; else notok "$desc" "got '$got', want '$want'"; fi
}

T="timeline --date 2025-03-01"
expect_exit 0 "timeline with one open period" $T --sick 2025-01-06
expect_json '.deadlines | length' 11 "json has eleven deadlines" $T --sick 2025-01-06
expect_json '.deadlines[] | select(.code=="einde_wachttijd") | .due' 2027-01-03 "einde wachttijd week 104" $T --sick 2025-01-06
expect_json '.deadlines[] | select(.code=="einde_wachttijd") | .due_effective' 2027-01-04 "due_effective skips Sunday" $T --sick 2025-01-06
expect_json '.deadlines[] | select(.code=="probleemanalyse") | .status' "te laat" "overdue probleemanalyse" $T --sick 2025-01-06
expect_json '.deadlines[] | select(.code=="einde_wachttijd") | .due' 2027-03-14 "extension moves the end" $T --sick 2025-01-06 --extension-weeks 10
expect_json '.deadlines[] | select(.code=="einde_wachttijd") | .due' 2027-01-30 "27-day gap joins the periods" $T --sick 2025-02-16 --sick 2025-01-06:2025-01-19
expect_json '.case_start' 2025-02-17 "28-day gap starts a new case" $T --sick 2025-01-06:2025-01-19 --sick 2025-02-17
expect_json '.deadlines[] | select(.code=="probleemanalyse") | .status' gedaan "event marks a step done" $T --sick 2025-01-06 --event probleemanalyse:2025-02-10
expect_json '.deadlines[] | select(.code=="probleemanalyse") | .agreed_due' 2025-03-10 "art. 5 deviation" $T --sick 2025-01-06 --deviation probleemanalyse:2025-03-10
expect_json '.deadlines[] | select(.code=="wia_aanvraag") | .responsible[0]' werknemer "responsible party" $T --sick 2025-01-06
expect_err "--sick 2025-13-01" "bad month named" $T --sick 2025-13-01
expect_err "--sick 2025-02-30" "impossible date named" $T --sick 2025-02-30
expect_err "--sick 2025-01-10:2025-01-01: last sick day" "TO before FROM" $T --sick 2025-01-10:2025-01-01
expect_err "overlaps" "overlapping periods" $T --sick 2025-01-01:2025-01-20 --sick 2025-01-10
expect_err "open sick period must be the last" "open period not last" $T --sick 2025-01-01 --sick 2025-03-01:2025-03-05
expect_err "--extension-weeks" "extension out of range" $T --sick 2025-01-06 --extension-weeks 53
expect_err "--extension-weeks: 'x'" "extension not a number" $T --sick 2025-01-06 --extension-weeks x
expect_err "--sick: at least one" "no period" $T
expect_err "--date" "bad --date" timeline --date tomorrow --sick 2025-01-06
expect_err "unknown event kind" "unknown event" $T --sick 2025-01-06 --event feest:2025-01-10
expect_err "week 3 to week 68" "IVA window" $T --sick 2025-01-06 --event vervroegde_iva_aanvraag:2025-01-08
expect_err "unknown option" "unknown option" $T --sick 2025-01-06 --frobnicate 1
expect_err "percentage" "bad percentage" $T --sick 2025-01-06@0
expect_err "unknown command" "unknown command" frobnicate
expect_exit 0 "help" --help

# ---- database commands, against $SW_TEST_DATABASE (a fresh schema) ----
DB=${SW_TEST_DATABASE:-sqlite:/tmp/spoorwijzer-cli-test.db}
case "$DB" in
sqlite:*) rm -f "${DB#sqlite:}" "${DB#sqlite:}-wal" "${DB#sqlite:}-shm" ;;
postgres*) psql -q "$DB" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null 2>&1 ;;
esac
TODAY=2026-11-23

expect_exit 0 "db migrate" db migrate --database "$DB"
expect_exit 0 "db migrate again applies nothing" db migrate --database "$DB"
expect_exit 0 "db seed" db seed --database "$DB" --date $TODAY
out=$("$BIN" db seed --database "$DB" --date $TODAY 2>&1)
if echo "$out" | grep -q "already present"; then ok "db seed twice changes nothing"; else notok "db seed twice" "$out"; fi
expect_json '[.cases[].signals[] | select(.code=="probleemanalyse" and .signal=="te laat")] | length' 1 \
	"signals: overdue probleemanalyse of the week-7 case" signals --database "$DB" --date $TODAY
expect_json '[.cases[].signals[] | select(.code=="probleemanalyse") | .parties[].role] | join(",")' bedrijfsarts \
	"signals: addressed to the bedrijfsarts" signals --database "$DB" --date $TODAY
expect_json '[.cases[].monitoring[] | select(.reminder=="opvolging" and .status=="binnenkort") | .kind] | join(",")' niet_verschenen \
	"signals: the no-show follow-up in two days" signals --database "$DB" --date $TODAY
expect_json '[.cases[].monitoring[] | select(.reminder=="vragenlijst")] | length' 0 \
	"signals: T0 answered by all three, T1 not yet open" signals --database "$DB" --date $TODAY
expect_json '[.cases[].monitoring[] | select(.reminder=="vragenlijst" and .moment=="T1" and .status=="open") | .perspective] | join(",")' \
	werknemer,werkgever,arbeidsdeskundige "signals: T1 open for the three perspectives" signals --database "$DB" --date 2027-10-20
expect_json '[.cases[].monitoring[] | select(.perspective=="werkgever") | .parties[].role] | join(",")' werkgever,netwerkwerkgever \
	"signals: the werkgever perspective goes to werkgever and netwerkwerkgever" signals --database "$DB" --date 2027-10-20
expect_json '[.cases[].monitoring[] | select(.reminder=="opvolging") | .status] | join(",")' te_laat \
	"signals: the follow-up overdue" signals --database "$DB" --date 2027-10-20
expect_json '[.cases[].monitoring[] | select(.reminder=="vragenlijst") | .status] | unique | join(",")' te_laat \
	"signals: T1 overdue after the grace days" signals --database "$DB" --date 2027-11-03
out=$("$BIN" signals --database "$DB" --date 2027-10-20)
if echo "$out" | grep -q "open       vragenlijst T1 werknemer"; then ok "signals table lists questionnaires"; else notok "signals table questionnaires" "$out"; fi
out=$("$BIN" signals --database "$DB" --date $TODAY)
if echo "$out" | grep -q "signalen in"; then ok "signals table"; else notok "signals table" "$out"; fi
expect_err "--database: required" "signals needs --database" signals
expect_err "--database" "bad database URL" db migrate --database mysql://localhost/x
expect_err "--date" "signals bad date" signals --database "$DB" --date 2026-02-30
expect_err "unknown" "db unknown subcommand" db frobnicate --database "$DB"
expect_exit 1 "unreachable sqlite path is a system failure" db migrate --database sqlite:/nonexistent/dir/x.db

# ---- alerts to network employers (the seeded Kees consented) ----
A="network alerts --database $DB --date $TODAY"
PLANNER='.organisations[].offers[] | select(.title=="Planner technische dienst") | .candidates[]'
expect_json "[$PLANNER | .label] | length" 1 "alerts: Kees newly matches the planner offer" $A --dry-run
# Kees (case 5) is named by his pseudonym for the offer, never by his case id.
expect_json "[$PLANNER | .candidate_id | length] | join(\",\")" 16 \
	"alerts: the candidate named by a pseudonym of 16 characters" $A --dry-run
expect_json '[.organisations[].offers[].candidates[] | del(.hours_min, .hours_max, .range_km, .capacities, .score) | .. | scalars | tostring | select(. == "5")] | length' 0 \
	"alerts: the case id appears nowhere in a teaser" $A --dry-run
out=$("$BIN" $A --dry-run --json)
if echo "$out" | grep -q '"case_id"'; then notok "alerts: no case_id key" "$out"; else ok "alerts: no case_id key"; fi
tok=$(echo "$out" | jq -r "[$PLANNER | .candidate_id][0]")
expect_json "[$PLANNER | .candidate_id] | join(\",\")" "$tok" "alerts: the same pseudonym when listed again" $A --dry-run
out=$("$BIN" $A --dry-run)
if echo "$out" | grep -q -- "(kandidaatnummer $tok, "; then ok "alerts: the text names the pseudonym"; else notok "alerts: the text names the pseudonym" "$out"; fi
expect_json '.recorded' false "alerts: --dry-run records nothing" $A --dry-run
expect_json '[.organisations[].offers[].candidates[].label] | .[0]' "kandidaat, 55-59, administratief, 24 uur, regio 48" \
	"alerts: the anonymous teaser" $A --dry-run
out=$("$BIN" $A --dry-run --json)
if echo "$out" | grep -Eqi 'kees|mulder|gemeentewerken|hernia|rug|4816'; then
	notok "alerts: never name, employer, diagnosis or address" "$out"
else ok "alerts: never name, employer, diagnosis or address"; fi
out=$("$BIN" $A --dry-run)
if echo "$out" | grep -q "Planner technische dienst (detachering): 1 nieuwe kandidaat$"; then ok "alerts: text"; else notok "alerts: text" "$out"; fi
expect_json '.organisations | length' 0 "alerts: --since leaves out what did not change" $A --dry-run --since 2027-01-01
expect_json '[.organisations[].offers[].candidates[]] | length' 1 "alerts: a real run lists and records" $A
expect_json '.organisations | length' 0 "alerts: the next run lists only new ones" $A
out=$("$BIN" $A)
if echo "$out" | grep -q "0 nieuwe kandidaten voor 0 organisaties"; then ok "alerts: nothing new as text"; else notok "alerts: nothing new as text" "$out"; fi
expect_err "--since: '2026-02-30'" "alerts: bad --since named" $A --since 2026-02-30
expect_err "--database: required" "alerts need --database" network alerts
expect_err "unknown option" "alerts: unknown option" $A --to everyone
expect_err "expected 'alerts'" "network: unknown subcommand" network send

# ---- the employee register from an HR export (organisation 1: the demo employer) ----
CSVDIR=$(mktemp -d /tmp/spoorwijzer-csv.XXXXXX)
P="persons import --database $DB --organisation 1"
printf '\357\273\277personeelsnummer;naam;afdeling;leidinggevende;datum_in_dienst;contracturen;normuren\r\n8001;"Vos; Eva";Inkoop;8002;2021-02-01;30,5;38\r\n8002;Ruud Brink;Inkoop;;2010-01-01;38;38\r\n' >"$CSVDIR/ok.csv"
printf 'personeelsnummer,naam,geboortedatum,datum_in_dienst,contracturen,normuren\n8101,Een,1980-02-30,2020-01-01,8,40\n8102,Twee,,2020-01-01,41,40\n8101,Drie,,2020-01-01,8,40\n' >"$CSVDIR/bad.csv"
printf 'personeelsnummer,naam,datum_in_dienst,contracturen\n1,A,2020-01-01,8\n' >"$CSVDIR/nocol.csv"
out=$("$BIN" $P "$CSVDIR/ok.csv" --dry-run 2>&1)
if [ $? -eq 0 ] && [ "$out" = "dry run: 2 lines: 2 persons added, 0 updated; nothing was stored" ]; then ok "persons import: dry run"; else notok "persons import: dry run" "$out"; fi
out=$("$BIN" $P "$CSVDIR/ok.csv" --dry-run 2>&1)
if echo "$out" | grep -q "2 persons added"; then ok "persons import: the dry run stored nothing"; else notok "persons import: dry run stored" "$out"; fi
out=$("$BIN" $P "$CSVDIR/ok.csv" 2>&1)
if [ $? -eq 0 ] && [ "$out" = "2 lines: 2 persons added, 0 updated" ]; then ok "persons import: a real run"; else notok "persons import: a real run" "$out"; fi
out=$("$BIN" $P "$CSVDIR/ok.csv" --dry-run 2>&1)
if echo "$out" | grep -q "0 persons added, 2 updated"; then ok "persons import: a re-import updates"; else notok "persons import: re-import" "$out"; fi
expect_err "bad.csv: line 2, geboortedatum: not a date" "persons import: a bad date named by line and column" $P "$CSVDIR/bad.csv"
expect_err "bad.csv: line 3, contracturen: more than the normuren" "persons import: hours above the norm" $P "$CSVDIR/bad.csv"
expect_err "bad.csv: line 4, personeelsnummer: personnel number 8101 is also on line 2" "persons import: a duplicate number" $P "$CSVDIR/bad.csv"
expect_err "3 lines refused; nothing was stored" "persons import: all or nothing" $P "$CSVDIR/bad.csv"
expect_err "nocol.csv: line 1: missing column normuren" "persons import: a missing column" $P "$CSVDIR/nocol.csv"
expect_err "none.csv" "persons import: a missing file named" $P "$CSVDIR/none.csv"
expect_err "--organisation: no organisation 999" "persons import: unknown organisation" persons import --database "$DB" --organisation 999 "$CSVDIR/ok.csv"
expect_err "--organisation: 'x'" "persons import: bad organisation id" persons import --database "$DB" --organisation x "$CSVDIR/ok.csv"
expect_err "--organisation: required" "persons import: --organisation required" persons import --database "$DB" "$CSVDIR/ok.csv"
expect_err "missing FILE" "persons import: FILE required" $P
expect_err "expected 'import'" "persons: unknown subcommand" persons export --database "$DB"
rm -rf "$CSVDIR"

# ---- the medical key ----
KEYDIR=$(mktemp -d /tmp/spoorwijzer-key.XXXXXX)
expect_exit 0 "key generate" key generate "$KEYDIR/medical.key"
mode=$(stat -c %a "$KEYDIR/medical.key")
if [ "$mode" = 600 ]; then ok "key file has mode 0600"; else notok "key file mode" "mode $mode"; fi
if grep -Eq '^[0-9a-f]{64}$' "$KEYDIR/medical.key"; then ok "key is 64 hex characters"; else notok "key text" "$(wc -c <"$KEYDIR/medical.key") bytes"; fi
cp "$KEYDIR/medical.key" "$KEYDIR/before"
expect_err "exists; not overwritten" "key generate refuses to overwrite" key generate "$KEYDIR/medical.key"
if cmp -s "$KEYDIR/medical.key" "$KEYDIR/before"; then ok "the existing key is unchanged"; else notok "key overwritten"; fi
expect_err "key: usage" "key without FILE" key generate
expect_exit 0 "db seed with the medical key adds the demo note" db seed --database "$DB" --date $TODAY --medical-key "$KEYDIR/medical.key"
cp "$KEYDIR/medical.key" "$KEYDIR/open.key"
chmod 644 "$KEYDIR/open.key"
expect_err "accessible to others" "serve refuses a key others can read" serve --database "$DB" --listen 127.0.0.1:0 --medical-key "$KEYDIR/open.key"
printf 'geen sleutel\n' >"$KEYDIR/bad.key"
chmod 600 "$KEYDIR/bad.key"
expect_err "is not a key" "serve refuses a malformed key" serve --database "$DB" --listen 127.0.0.1:0 --medical-key "$KEYDIR/bad.key"
expect_err "medical-key: $KEYDIR/none.key" "serve names a missing key file" serve --database "$DB" --listen 127.0.0.1:0 --medical-key "$KEYDIR/none.key"
err=$(SPOORWIJZER_MEDICAL_KEY_FILE="$KEYDIR/open.key" "$BIN" serve --database "$DB" --listen 127.0.0.1:0 2>&1 >/dev/null)
if [ $? -eq 2 ] && echo "$err" | grep -q "accessible to others"; then ok "the key file from the environment"; else notok "key file from env" "$err"; fi
rm -rf "$KEYDIR"

echo "1..$n"
