"""The blocker taxonomy (domain.md §5): why a region stalls, and what to do about it.

Plain data. Each type has Indonesian and English labels, the lifecycle states where it
usually appears (ids from `states/lifecycle.py`; a test checks they exist) and a
playbook: ordered follow-up steps, each naming the letter kinds it uses. The wording
is ours, drawn from domain.md §3.6, §3.7 and §5; the legal references there are
marked as unverified, so the steps point to checks rather than citing articles.
"""

from __future__ import annotations

from typing import Final, TypedDict

from states import letters, lifecycle


class PlaybookStep(TypedDict):
    text_id: str
    text_en: str
    letters: list[str]  # letter kind ids (LETTER_KINDS); empty: no letter for this step


class BlockerType(TypedDict):
    id: str
    label_id: str
    label_en: str
    signal_en: str  # how a coordinator usually notices it
    stages: list[str]
    playbook: list[PlaybookStep]


# The letter kinds a playbook may name (`states/letters.py` owns them).
LETTER_KINDS: Final[tuple[str, ...]] = tuple(kind["id"] for kind in letters.LETTER_KINDS)

# The states before `closed` and outside hold/decline, for types that can strike anywhere.
_ACTIVE: Final[list[str]] = list(lifecycle.BEFORE_CLOSED)


def _step(text_id: str, text_en: str, *letters: str) -> PlaybookStep:
    return {"text_id": text_id, "text_en": text_en, "letters": list(letters)}


BLOCKER_TYPES: Final[list[BlockerType]] = [
    {
        "id": "draft_unanswered",
        "label_id": "Rancangan PKS belum ditanggapi",
        "label_en": "MoA draft unanswered",
        "signal_en": "the draft has waited past the response period with no reply logged",
        "stages": ["mou_drafting", "moa_submitted"],
        "playbook": [
            _step(
                "Hubungi PPKSD/PIC lewat telepon atau WhatsApp dan catat hasilnya.",
                "Call or message the liaison officer (PPKSD/PIC) and log the outcome.",
            ),
            _step(
                "Kirim surat permohonan tanggapan yang merujuk nomor dan tanggal surat "
                "pengajuan, sertakan usulan jadwal rapat pembahasan.",
                "Send a request for a response quoting the submission letter's number and "
                "date, proposing dates for a discussion meeting.",
                "response_request",
            ),
            _step(
                "Tembuskan ke Sekda selaku Ketua TKKSD dan Bappeda; pastikan rancangan "
                "sudah masuk alur kajian TKKSD.",
                "Copy the Sekda as chair of the TKKSD and Bappeda; check the draft has "
                "entered the TKKSD review.",
                "response_request",
            ),
            _step(
                "Mohon audiensi dengan Kepala Daerah atau Sekda.",
                "Ask for an audience with the regional head or the Sekda.",
                "audiensi_request",
            ),
            _step(
                "Upaya terakhir: permohonan informasi resmi tentang status rancangan "
                "(UU KIP; periksa ketentuannya dahulu).",
                "Last resort: a formal information request on the draft's status "
                "(public-information law; check the rule first).",
            ),
        ],
    },
    {
        "id": "official_rotated",
        "label_id": "Pejabat penanggung jawab dimutasi",
        "label_en": "Official in charge rotated",
        "signal_en": "a new person holds the position (SK mutasi, inauguration news)",
        "stages": ["audiensi_requested", "audiensi_held", "moa_submitted", "moa_negotiation"],
        "playbook": [
            _step(
                "Perbarui data pejabat: siapa yang pindah, siapa penggantinya, sejak kapan.",
                "Update the officials: who left, who replaced them, and since when.",
            ),
            _step(
                "Kirim surat perkenalan program kepada pejabat baru dengan salinan "
                "Kesepakatan Bersama, ringkasan status, rancangan PKS terakhir dan "
                "laporan pre-monitoring.",
                "Send the new official an introduction letter with the MoU copy, a status "
                "summary, the latest MoA draft and the pre-monitoring report.",
                "official_introduction",
            ),
            _step(
                "Mohon audiensi singkat dengan pejabat baru.",
                "Ask the new official for a short audience.",
                "audiensi_request",
            ),
            _step(
                "Minta penunjukan (kembali) PPKSD atau PIC dengan Surat Tugas.",
                "Ask for a liaison officer (PPKSD) or contact to be (re)appointed by letter "
                "of assignment.",
            ),
            _step(
                "Tegaskan kembali kesepakatan sebelumnya dalam Berita Acara.",
                "Reconfirm what was already agreed in signed minutes (Berita Acara).",
            ),
        ],
    },
    {
        "id": "funding_unanswered",
        "label_id": "Usulan dana pengelolaan bersama belum ditanggapi",
        "label_en": "Co-management funding proposal unanswered",
        "signal_en": "the funding proposal has had no answer past the response period",
        "stages": ["moa_negotiation"],
        "playbook": [
            _step(
                "Kirim surat tindak lanjut pendanaan: nilai dalam angka dan huruf, waktu "
                "penganggaran (perencanaan tahun N-1) dan pilihan saluran pendanaan.",
                "Send a funding follow-up: the amount in figures and words, the budget "
                "timing (planning in year N-1) and the possible funding channels.",
                "funding_followup",
            ),
            _step(
                "Minta rapat bersama Dinas dan Bappeda (dan BPKAD bila perlu).",
                "Ask for a meeting with the Dinas and Bappeda (and BPKAD where useful).",
                "response_request",
            ),
            _step(
                "Tawarkan uji coba yang lebih kecil, misalnya retrofit di satu MCK Plus.",
                "Offer a smaller pilot, for example retrofitting one MCK Plus.",
            ),
        ],
    },
    {
        "id": "no_budget",
        "label_id": "Tidak ada pos anggaran sanitasi",
        "label_en": "No sanitation budget line",
        "signal_en": "the Dinas says there is no budget line for it",
        "stages": ["moa_drafting", "moa_negotiation"],
        "playbook": [
            _step(
                "Petakan sumber dana: DAK Sanitasi, DPA OPD, Dana Desa/Kelurahan, CSR.",
                "Map the funding sources: DAK Sanitasi, the agency's DPA lines, village "
                "funds, CSR.",
            ),
            _step(
                "Bidik jendela perencanaan berikutnya: ajukan KAK ke Bappeda dan Dinas "
                "sebelum Musrenbang kabupaten/kota (triwulan I).",
                "Aim at the next planning window: send a terms of reference to Bappeda and "
                "the Dinas before the district Musrenbang (first quarter).",
                "cooperation_offer",
            ),
            _step(
                "Usulkan PKS tanpa biaya lebih dulu (berbagi data, pendampingan oleh "
                "AKSANSI Daerah); anggaran menyusul lewat adendum.",
                "Propose a no-cost MoA first (data sharing, mentoring by AKSANSI Daerah) "
                "and move the budget to a later addendum.",
                "funding_followup",
            ),
        ],
    },
    {
        "id": "grant_rules",
        "label_id": "Terkendala aturan hibah/bansos",
        "label_en": "Grant (hibah) rules stand in the way",
        "signal_en": "the Pemda cites the hibah/bansos rules (PP 2/2012, Permendagri 14/2016)",
        "stages": ["moa_negotiation"],
        "playbook": [
            _step(
                "Ubah kerangka dari hibah: kegiatan OPD sendiri, atau Swakelola Tipe III/IV "
                "(pastikan dengan BPKAD dan Bagian Hukum).",
                "Reframe away from a grant: the agency's own activity, or self-managed "
                "procurement type III/IV (confirm with BPKAD and the legal bureau).",
                "moa_submission",
            ),
            _step(
                "Jika tetap hibah: periksa kelayakan (badan hukum, registrasi, SK KSM) dan "
                "ajukan pada tahun N-1.",
                "If a grant is still wanted: check eligibility (legal entity, registration, "
                "KSM decree) and apply in year N-1.",
                "funding_followup",
            ),
            _step(
                "Minta pendapat tertulis Bagian Hukum atau BPKAD.",
                "Ask the legal bureau or BPKAD for a written opinion.",
                "response_request",
            ),
        ],
    },
    {
        "id": "own_planning",
        "label_id": "SKPD memiliki perencanaan sendiri",
        "label_en": "The agency has its own planning",
        "signal_en": "'it is not in our Renja/RKPD'",
        "stages": ["moa_drafting", "moa_negotiation"],
        "playbook": [
            _step(
                "Selaraskan usulan dengan program OPD yang ada; AKSANSI sebagai mitra "
                "pelaksana atau keberlanjutan.",
                "Fit the proposal into the agency's existing programme, with AKSANSI as "
                "implementation or sustainability partner.",
                "moa_submission",
            ),
            _step(
                "Masuk ke siklus perencanaan berikutnya (Renja/RKPD, Musrenbang).",
                "Enter the next planning cycle (Renja/RKPD, Musrenbang).",
                "cooperation_offer",
            ),
            _step(
                "Tunjukkan bahwa sarana yang dituju ada dalam target sanitasi SSK/RPJMD.",
                "Show that the facilities are in the SSK/RPJMD sanitation targets.",
            ),
        ],
    },
    {
        "id": "other_institution",
        "label_id": "Sanitasi sudah ditangani LKM/BKM atau lembaga lain",
        "label_en": "Village bodies (LKM/BKM) already run sanitation",
        "signal_en": "pre-monitoring finds facilities run by LKM/BKM/KPP/BUMDes",
        "stages": ["audiensi_held", "premonitoring", "mou_drafting"],
        "playbook": [
            _step(
                "Petakan siapa mengelola sarana mana (data pre-monitoring).",
                "Map who runs which facility (pre-monitoring data).",
                "premonitoring_notice",
            ),
            _step(
                "Usulkan pembagian peran: AKSANSI Daerah sebagai mitra jejaring dan "
                "penguatan kapasitas, bukan pengganti.",
                "Propose a division of roles: AKSANSI Daerah as network and capacity "
                "partner of the existing bodies, not their replacement.",
            ),
            _step(
                "Undang lembaga tersebut ke forum AKSANSI Daerah.",
                "Invite those bodies to the AKSANSI Daerah forum.",
            ),
        ],
    },
    {
        "id": "audiensi_unanswered",
        "label_id": "Permohonan audiensi belum dijawab",
        "label_en": "Audience request unanswered",
        "signal_en": "no reply to the audience request past the response period",
        "stages": ["audiensi_requested"],
        "playbook": [
            _step(
                "Kirim ulang permohonan audiensi ke Bappeda atau Pokja Sanitasi.",
                "Resend the audience request to Bappeda or the sanitation working group.",
                "audiensi_request",
            ),
            _step(
                "Minta bantuan kontak jejaring daerah atau Dinas teknis sebagai tuan rumah.",
                "Ask a regional network contact or the technical Dinas to host it.",
            ),
        ],
    },
    {
        "id": "ksm_data_incomplete",
        "label_id": "Data KSM belum lengkap",
        "label_en": "KSM data incomplete",
        "signal_en": "required KSM fields missing or unreliable",
        "stages": ["premonitoring"],
        "playbook": [
            _step(
                "Jadwalkan kunjungan lapangan dan beri tahu Dinas.",
                "Plan a field visit and notify the Dinas.",
                "premonitoring_notice",
            ),
            _step(
                "Minta daftar lokasi program (SANIMAS/DAK) kepada Dinas.",
                "Ask the Dinas for its programme location lists (SANIMAS/DAK).",
            ),
        ],
    },
    {
        "id": "legal_review",
        "label_id": "Tertahan di kajian Bagian Hukum/TKKSD",
        "label_en": "Stuck in legal/TKKSD review",
        "signal_en": "the draft is 'sedang dikaji' past the response period",
        "stages": ["mou_drafting", "moa_submitted"],
        "playbook": [
            _step(
                "Tawarkan rapat penyusunan bersama dengan Bagian Hukum.",
                "Offer a joint drafting meeting with the legal bureau.",
                "response_request",
            ),
            _step(
                "Sediakan contoh klausul yang sudah dipakai daerah lain.",
                "Supply model clauses already used by other regions.",
            ),
        ],
    },
    {
        "id": "dprd_approval",
        "label_id": "Menunggu persetujuan DPRD",
        "label_en": "Waiting for DPRD approval",
        "signal_en": "the cooperation needs the regional parliament's approval",
        "stages": ["moa_negotiation"],
        "playbook": [
            _step(
                "Pantau agenda DPRD.",
                "Follow the DPRD's agenda.",
            ),
            _step(
                "Bantu Dinas dengan bahan paparan untuk DPRD.",
                "Support the Dinas with material for the DPRD.",
            ),
        ],
    },
    {
        "id": "no_signatory",
        "label_id": "Belum ada pejabat berwenang menandatangani",
        "label_en": "No authorised signatory",
        "signal_en": "signing slips: an acting head (Pj./Plt.) or no letter of authority",
        "stages": ["mou_drafting", "moa_negotiation"],
        "playbook": [
            _step(
                "Tanyakan apakah Kepala Daerah akan memberi kuasa (surat kuasa) kepada Kepala OPD.",
                "Ask whether the regional head will delegate signing to the agency head "
                "(letter of authority).",
                "response_request",
            ),
        ],
    },
    {
        "id": "mou_expiring",
        "label_id": "Kesepakatan Bersama habis/hampir habis masa berlakunya",
        "label_en": "MoU expired or about to expire",
        "signal_en": "the MoU's end date is near and no MoA exists",
        "stages": ["mou_signed", "moa_drafting", "moa_submitted", "moa_negotiation"],
        "playbook": [
            _step(
                "Usulkan adendum atau perpanjangan Kesepakatan Bersama.",
                "Propose an addendum or extension of the MoU.",
                "response_request",
            ),
            _step(
                "Bila sudah habis, tawarkan Kesepakatan Bersama baru.",
                "If it has expired, offer a new MoU.",
                "cooperation_offer",
            ),
        ],
    },
    {
        "id": "other",
        "label_id": "Lainnya",
        "label_en": "Other",
        "signal_en": "anything else; say what in the note",
        "stages": _ACTIVE,
        "playbook": [
            _step(
                "Catat masalahnya dengan jelas dan siapa yang dapat menyelesaikannya.",
                "Write down the problem and who can solve it.",
            ),
            _step(
                "Minta tanggapan tertulis dari pejabat terkait.",
                "Ask the official concerned for a written answer.",
                "response_request",
            ),
        ],
    },
]

BLOCKER_TYPE_IDS: Final[list[str]] = [t["id"] for t in BLOCKER_TYPES]

# The seven obstacles of the seed, in its order.
SEED_OBSTACLES: Final[list[str]] = BLOCKER_TYPE_IDS[:7]


def blocker_type(type_id: str) -> BlockerType:
    return next(t for t in BLOCKER_TYPES if t["id"] == type_id)


class Resolution(TypedDict):
    events: list[str]  # lifecycle events (states/lifecycle.py) that end the cause
    letters_sent: list[str]  # letter kinds whose recorded sending ends it


# Blockers the engine opens by itself close themselves when their cause ends: the open
# blocker is resolved, audited ("resolved by receive_response on …"), in the same
# transaction as the event or the `letter sent` that ended it.
RESOLVED_BY: Final[dict[str, Resolution]] = {
    "draft_unanswered": {"events": ["receive_response", "revise_moa"], "letters_sent": []},
    "official_rotated": {"events": [], "letters_sent": ["official_introduction"]},
}


def types_resolved_by_event(trigger: str) -> list[str]:
    return [type_id for type_id, rule in RESOLVED_BY.items() if trigger in rule["events"]]


def types_resolved_by_letter(kind: str) -> list[str]:
    return [type_id for type_id, rule in RESOLVED_BY.items() if kind in rule["letters_sent"]]


# Types a region may have open more than once at a time; any other is refused while open.
REPEATABLE_TYPES: Final[tuple[str, ...]] = ("other",)
