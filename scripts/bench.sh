#!/usr/bin/env bash
# Benchmark (not a test): the release build on synthetic districts of 10k, 100k and 1M students,
# per phase and in total, with peak memory; and, as the C-speed reference measured in the same
# run, the sqlite3 shell's bare import of the same files (.import --csv into fresh tables of a new
# database: no schema, no index, one core) and its writing of the same statements (.mode csv of
# the same views), as ratios: the import phase and the whole run against the bare import.
# Usage: scripts/bench.sh [--shape contact-heavy] [STUDENTS ...]   (default: 10000 100000 1000000)
# --shape: the generator's district of other proportions (generate-district.py --shape).
# Districts and databases go to bench/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
shape=standard
if [[ "${1:-}" == "--shape" ]]; then shape=$2; shift 2; fi
suffix=$([[ $shape == standard ]] || echo "-$shape")
sizes=("$@"); ((${#sizes[@]})) || sizes=(10000 100000 1000000)
mkdir -p bench
# swift build prints its errors on stdout: shown only when the build fails.
swift build -c release --product clever-export >bench/build.log || { cat bench/build.log; exit 1; }
binary=.build/release/clever-export
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(swift --version 2>&1 | head -1)"

# Rows a second: the import, build and validate phases and the whole run against the extract's
# data rows (the district's size), the write phase against the Clever rows it wrote.
rates() {
  local phases wall written
  phases=$(sed -n '2p' "$1/run.txt")
  wall=$(cut -d' ' -f1 "$1/time.txt")
  written=$(sqlite3 "$1/staging.db" "select sum(rows) from run_file where run_id = (select max(run_id) from run_file)")
  phase() { grep -o "$1 [0-9.]*" <<<"$phases" | cut -d' ' -f2; }
  per() { awk -v r="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", r / s; else printf "-" }'; }
  echo "  rows/s: import $(per "$data_rows" "$(phase import)"), build $(per "$data_rows" "$(phase build)"), validate $(per "$data_rows" "$(phase validate)"), write $(per "$written" "$(phase write)") ($written Clever rows), total $(per "$data_rows" "$wall") ($data_rows extract rows)"
}

# Each timed step starts with the disk caught up: what the last step wrote (gigabytes at 1M) is
# flushed first, so that neither side waits for the other's writes (a cron job runs on a machine
# that has been idle).
settle() { sync; }

for n in "${sizes[@]}"; do
  district=bench/d$n$suffix
  [[ -f $district/students.csv ]] || python3 scripts/generate-district.py --students "$n" --shape "$shape" --out "$district" >/dev/null
  work=bench/run$n$suffix
  rm -rf "$work"; mkdir -p "$work"
  printf '[source]\ndir = "../d%s"\ndatabase = "staging.db"\n[export]\nas_of = 2026-10-15\n[safety]\nmax_drop_percent = 100\n' "$n$suffix" >"$work/clever-export.toml"
  rows=$(cat "$district"/*.csv | wc -l)
  data_rows=$((rows - $(ls "$district"/*.csv | wc -l)))
  echo
  echo "== $n students ($rows extract lines, $(du -sh "$district" | cut -f1))"
  # First run: a new database, delivering the baseline. Second run: the nightly case, reloading
  # over the previous run and comparing with its delivery (the phases and ratios below).
  for pass in first nightly; do
    settle
    # System time is mostly the kernel filling new page-cache pages with what the run writes; on a
    # virtual machine that hands freed memory back to its host it can be seconds (benchmark.md).
    /usr/bin/time -f "%e s wall, %U s user, %S s system, %M KB peak RSS" -o "$work/time.txt" \
      "$binary" run --verbose --force --config "$work/clever-export.toml" --output "$work/out" >"$work/run.txt" || true
    echo "  $pass run: $(cat "$work/time.txt")"
    sed -n '2p' "$work/run.txt"
    rates "$work"
  done

  # The import reference: the shell's bare .import of the same files into fresh tables (it
  # creates each from the file's header), in one transaction, in a new database.
  fresh=$work/bare-import.db
  rm -f "$fresh"
  import_script=$work/import.sql
  : >"$import_script"
  for f in "$district"/*.csv; do
    echo ".import --csv $f $(basename "$f" .csv)" >>"$import_script"
  done
  settle
  /usr/bin/time -f "%e %S" -o "$work/bare-time.txt" \
    sqlite3 "$fresh" "pragma journal_mode = off" "pragma synchronous = off" "begin" ".read $import_script" "commit" >/dev/null 2>&1
  read -r shell_import shell_import_system <"$work/bare-time.txt"
  rm -f "$fresh"
  # The write reference: the same statements, on a copy of the database the run left.
  ref=$work/reference.db
  cp "$work/staging.db" "$ref"
  # The very statement the writer ran (Exporter.swift), chosen before the clock starts: the
  # written columns in the view's own order where the plan needs no sort for it, else as the view
  # gives them where that is already the written order, else sorted by all of them.
  declare -A statement
  for f in schools students teachers sections enrollments staff; do
    cols=$(sqlite3 "$ref" "select group_concat('coalesce(cast(\"' || column_name || '\" as text), '''') as \"' || column_name || '\"', ', ') from (select column_name from export_columns where file = '$f' order by position)")
    sorted=$(sqlite3 "$ref" "select group_concat(position, ', ') from (select row_number() over (order by position) as position from export_columns where file = '$f')")
    own=$(sqlite3 "$ref" "select group_concat('\"' || column_name || '\"', ', ') from (select column_name from export_columns where file = '$f' order by position)")
    if ! sqlite3 "$ref" "explain query plan select $cols from clever_$f order by $own" | grep -q 'ORDER BY'; then
      statement[$f]="select $cols from clever_$f order by $own"
    elif cmp -s <(sqlite3 -csv "$ref" "select $cols from clever_$f") <(sqlite3 -csv "$ref" "select $cols from clever_$f order by $sorted"); then
      statement[$f]="select $cols from clever_$f"
    else
      statement[$f]="select $cols from clever_$f order by $sorted"
    fi
  done
  settle
  start=$(date +%s.%N)
  for f in schools students teachers sections enrollments staff; do
    sqlite3 -csv -header "$ref" "${statement[$f]}" >"$work/$f.shell.csv"
  done
  shell_write=$(awk "BEGIN { print $(date +%s.%N) - $start }")
  ours_import=$(grep -o 'import [0-9.]*' "$work/run.txt" | cut -d' ' -f2)
  ours_write=$(grep -o 'write [0-9.]*' "$work/run.txt" | cut -d' ' -f2)
  ours_total=$(cut -d' ' -f1 "$work/time.txt")
  printf '  import: clever-export %s s, sqlite3 bare .import %.1f s (%s s system), ratio %.2f\n' "$ours_import" "$shell_import" "$shell_import_system" "$(awk "BEGIN { print $ours_import / $shell_import }")"
  printf '  whole run (nightly): %s s, %.2f x the bare import\n' "$ours_total" "$(awk "BEGIN { print $ours_total / $shell_import }")"
  printf '  write:  clever-export %s s, sqlite3 .mode csv %.1f s, ratio %.2f\n' "$ours_write" "$shell_write" "$(awk "BEGIN { print $ours_write / $shell_write }")"
done
