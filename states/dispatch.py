"""How a letter left the Secretariat (`letter sent --via`), as data.

`VIA_WORDS` are the interface's words (English source; the code that shows one
translates it); `REGISTER_WORDS` are the register's own, since the agenda surat keluar
(`letter list --format csv|xlsx`) is written in Indonesian.
"""

from __future__ import annotations

from typing import Final

DEFAULT_VIA: Final = "post"
VIA: Final = ("post", "email", "courier", "hand", "other")
VIA_WORDS: Final[dict[str, str]] = {
    "post": "by post",
    "email": "by e-mail",
    "courier": "by courier",
    "hand": "by hand",
    "other": "another way",
}
REGISTER_WORDS: Final[dict[str, str]] = {
    "post": "pos",
    "email": "email",
    "courier": "kurir",
    "hand": "diantar langsung",
    "other": "lainnya",
}
