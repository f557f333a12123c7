#!/usr/bin/env bash
# `make demo`: the main job on a fresh SQLite demo database.
# The seed is the Secretariat's real portfolio. Everything after it — dates, people, notes,
# KSM data, the Secretariat's address and signatory — is ILLUSTRATIVE demo data.
set -euo pipefail
db="${1:-demo/aksansi-demo.sqlite3}"
here="$(cd "$(dirname "$0")" && pwd)"
# Only what this script made before: the database (with its WAL files) and the letters folder.
rm -rf "$db" "$db-wal" "$db-shm" "$(dirname "$db")/out"
mkdir -p "$(dirname "$db")"
export AKSANSI_DB="$db" AKSANSI_USER="demo" AKSANSI_OUTPUT_DIR="$(dirname "$db")/out"
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }
day() { export AKSANSI_NOW="$1T07:00:00+07:00"; printf '\n\033[1m=== %s (AKSANSI_NOW)\033[0m\n' "$1"; }

day 2026-11-02
step aksansi init --seed
echo "--- Every morning, one list: each of the eight regions has its next action, due now"
step aksansi today
step aksansi region import   # the built-in national list, with seat towns
echo "--- Illustrative Secretariat profile (set once, shared by all coordinators)"
aksansi config set org.address "Jl. Contoh No. 1 (ilustrasi)"
aksansi config set org.city Yogyakarta
aksansi config set signatory.name "Nama Penandatangan (ilustrasi)"
aksansi config set signatory.position "Koordinator Sekretariat AKSANSI"
step aksansi config list

echo; echo "--- Illustrative: a new region, Kabupaten Lebak, through its first stages"
step aksansi letter render lebak audiensi_request --format docx
step aksansi advance lebak request-audiensi --note "Surat permohonan audiensi dikirim"
day 2026-11-16
step aksansi advance lebak hold-audiensi --note "Audiensi dengan Bappeda"
step aksansi advance lebak start-premonitoring
step aksansi advance lebak form-chapter --note "Rapat KSM memilih pengurus AKSANSI Daerah"

echo; echo "--- Illustrative: Temanggung's draft PKS goes out"
step aksansi official set temanggung --position "Kepala Dinas PUPR" --name "Pejabat Contoh (ilustrasi)" --since 2026-01-05
step aksansi mou record temanggung --number-pemda "000/ILUSTRASI/2025" --number-aksansi "000/AKSANSI/KB/ILUSTRASI/2025" --signed-on 2025-03-10
step aksansi advance temanggung draft-moa
step aksansi moa draft temanggung --subject "Pengelolaan sarana sanitasi berbasis masyarakat" --budget 150000000 --format docx
step aksansi letter render temanggung moa_submission --format docx
step aksansi advance temanggung submit-moa

echo; echo "--- Illustrative: obstacles are logged with their playbooks"
step aksansi blocker add "kulon progo" no_budget --note "Tidak ada pos anggaran sanitasi tahun ini"
step aksansi official set surakarta --position "Kepala Dinas PUPR" --name "Pejabat Lama (ilustrasi)" --since 2025-03-01
step aksansi official set surakarta --position "Kepala Dinas PUPR" --name "Pejabat Baru (ilustrasi)" --since 2026-11-16
step aksansi official set 35.76 --position "Kepala Dinas PUPR" --name "Pejabat Contoh Dua (ilustrasi)" --since 2026-02-02
step aksansi blocker add 35.76 funding_unanswered --note "Usulan dana pengelolaan bersama belum dijawab"
step aksansi advance 35.76 sign-moa || true

echo; echo "--- Illustrative: pre-monitoring data for Kota Pekalongan"
step aksansi ksm import "$here/demo_ksm_ilustrasi.csv"
step aksansi ksm report "kota pekalongan" --format docx

step aksansi board

echo; echo "--- The scheduled job: one sweep a day (cron or 'aksansi jobs run'); working days only"
day 2026-11-23
step aksansi jobs sweep
day 2026-11-30
step aksansi jobs sweep
step aksansi jobs sweep
echo "--- The follow-ups the sweep prepared stay on the list until they are recorded sent"
step aksansi today
step aksansi board --stalled --days 10
day 2026-12-01
step aksansi advance temanggung receive-response --note "Dinas mengundang rapat pembahasan"
step aksansi today --days 10
step aksansi remind explain temanggung
step aksansi letter list
step aksansi letter show 004/SEK-AKSANSI/XI/2026
step aksansi blocker stats
step aksansi board
step aksansi history temanggung
echo; echo "Files written under $AKSANSI_OUTPUT_DIR:"; find "$AKSANSI_OUTPUT_DIR" -type f | sort
