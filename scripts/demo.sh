#!/usr/bin/env bash
# `make demo`: the main job on a fresh SQLite demo database.
# Everything after the seed is ILLUSTRATIVE demo data (dates, notes), not the Secretariat's records.
set -euo pipefail
db="${1:-demo/aksansi-demo.sqlite3}"
rm -rf "$(dirname "$db")"
mkdir -p "$(dirname "$db")"
export AKSANSI_DB="$db" AKSANSI_USER="demo" AKSANSI_OUTPUT_DIR="$(dirname "$db")/out"
national="$(cd "$(dirname "$0")/.." && pwd)/../shared/data/wilayah_kabkota.csv"
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }
on() { AKSANSI_NOW="$1" "${@:2}"; }

export AKSANSI_NOW=2026-11-02T08:00:00+07:00  # the demo's "today" moves forward below
step aksansi init --seed
if [ -f "$national" ]; then
  step aksansi region import "$national"
else
  step aksansi region add 36.02 "Kabupaten Lebak" --province Banten
fi
export AKSANSI_NOW=2026-11-27T08:00:00+07:00
step aksansi board

echo; echo "--- Illustrative: a new region, Kabupaten Lebak, through its first stages"
on 2026-11-03 aksansi advance lebak request-audiensi --note "Surat permohonan audiensi dikirim"
on 2026-11-16 aksansi advance lebak hold-audiensi --note "Audiensi dengan Bappeda"
on 2026-11-18 aksansi advance lebak start-premonitoring
step aksansi advance lebak form-chapter --on 2026-11-25 --note "Rapat KSM memilih pengurus"
step aksansi events lebak
step aksansi history lebak

echo; echo "--- Illustrative: Temanggung starts its MoA draft; refusals are one clear sentence"
step aksansi advance temanggung draft-moa --on 2026-11-20
step aksansi advance 35.76 sign-mou || true
step aksansi advance 35.76 hold || true
step aksansi region show 35.76
step aksansi board
