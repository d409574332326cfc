#!/usr/bin/env bash
# kurs check against `taplo check --schema` on the same generated library, timed in turns.
#
# Both read every course file and check it against what a course file may hold: taplo with the
# JSON Schemas kurs generates (schema/course.schema.json for course.toml, module.schema.json for
# module files, one run each, as taplo takes one schema per run), kurs with its own checks. The
# two are run in turns, round by round, so that both meet the same load of a shared machine; the
# figure is the median of the per-round ratios with their min–max.
#
# Needs taplo (not part of `cargo test`; a long compile on two cores):
#   cargo install taplo-cli --locked --no-default-features --features lint,rustls-tls
#
# Usage: benches/compare-taplo.sh [ROUNDS] [SHAPE]   (defaults: 11 rounds, the large library)
set -euo pipefail

rounds=${1:-11}
shape=${2:-large}
root=$(cd "$(dirname "$0")/.." && pwd)
taplo=${TAPLO:-$(command -v taplo || echo "$HOME/.cargo/bin/taplo")}
if ! [ -x "$taplo" ]; then
    echo "taplo not found; install it with:" >&2
    echo "  cargo install taplo-cli --locked --no-default-features --features lint,rustls-tls" >&2
    exit 2
fi

cd "$root"
cargo build --release --quiet --bin kurs --example generate_library
kurs=$root/target/release/kurs
library=$root/target/tmp/compare-taplo/$shape
if ! [ -f "$library/.complete" ]; then
    rm -rf "$library"
    "$root/target/release/examples/generate_library" --seed 1 --shape "$shape" "$library" >/dev/null
    touch "$library/.complete"
fi
"$kurs" check "$library" >/dev/null   # the library checks clean

# Every path on one command line would be too long for the huge library: taplo takes globs.
course_schema="file://$root/schema/course.schema.json"
module_schema="file://$root/schema/module.schema.json"
run_taplo() {
    (cd "$library" &&
        "$taplo" check --schema "$course_schema" '*/course.toml' >/dev/null 2>&1 &&
        "$taplo" check --schema "$module_schema" '*/m*.toml' >/dev/null 2>&1)
}
run_kurs() { "$kurs" check "$library" >/dev/null; }
# Both must accept the library, or the comparison means nothing.
run_taplo || { echo "taplo reports problems in the library:"; (cd "$library" && "$taplo" check --schema "$module_schema" '*/m*.toml' | head -20); exit 1; }
seconds() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); echo "$end - $start" | bc -l; }

echo "library: $library ($(find "$library" -name '*.toml' | wc -l) files, $(du -sh "$library" | cut -f1))"
echo "taplo: $("$taplo" --version)"
ratios=(); kurs_times=(); taplo_times=()
for ((round = 0; round < rounds; round++)); do
    if ((round % 2 == 0)); then
        k=$(seconds run_kurs); t=$(seconds run_taplo)
    else
        t=$(seconds run_taplo); k=$(seconds run_kurs)
    fi
    kurs_times+=("$k"); taplo_times+=("$t")
    ratios+=("$(echo "$t / $k" | bc -l)")
    printf 'round %2d: kurs check %.3f s, taplo check --schema %.3f s, %.2f×\n' \
        "$round" "$k" "$t" "${ratios[-1]}"
done
spread() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%.3f (%.3f–%.3f)", m, v[1], v[NR]}'; }
echo
echo "kurs check:             $(spread "${kurs_times[@]}") s"
echo "taplo check --schema:   $(spread "${taplo_times[@]}") s"
echo "taplo ÷ kurs, paired:   $(spread "${ratios[@]}")×   (target ≥ 5×)"
