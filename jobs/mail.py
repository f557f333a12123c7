"""Mail the sweep's digest to the coordinator (optional: only when AKSANSI_SMTP_URL is set).

AKSANSI_SMTP_URL  smtp://HOST[:PORT] (default port 25) or smtps://HOST[:PORT] (465);
                  `user:password@` in the URL logs in; `?starttls=1` upgrades plain SMTP.
AKSANSI_MAIL_TO   the recipients, comma-separated (required when the URL is set).
AKSANSI_MAIL_FROM the sender (default aksansi@localhost).
"""

from __future__ import annotations

import os
import smtplib
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from workflow.errors import DomainError
from workflow.i18n import _

SMTP_URL = "AKSANSI_SMTP_URL"
MAIL_TO = "AKSANSI_MAIL_TO"
MAIL_FROM = "AKSANSI_MAIL_FROM"


class MailFailed(DomainError):
    code = "mail"


def configured() -> bool:
    return bool(os.environ.get(SMTP_URL, "").strip())


def send_digest(subject: str, body: str) -> list[str]:
    """Send one plain-text mail; return the recipients, or raise MailFailed saying why."""
    url = urlsplit(os.environ[SMTP_URL].strip())
    recipients = [a.strip() for a in os.environ.get(MAIL_TO, "").split(",") if a.strip()]
    if not recipients:
        raise MailFailed(
            _(
                "{smtp_url} is set but {mail_to} is not; set it to the coordinator's "
                "address to receive the digest."
            ).format(smtp_url=SMTP_URL, mail_to=MAIL_TO)
        )
    if url.scheme not in ("smtp", "smtps") or not url.hostname:
        raise MailFailed(
            _("{smtp_url} must look like smtp://host:port or smtps://host:port.").format(
                smtp_url=SMTP_URL
            )
        )
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = os.environ.get(MAIL_FROM, "").strip() or "aksansi@localhost"
    message["To"] = ", ".join(recipients)
    message.set_content(body)
    where = f"{url.hostname}:{url.port or (465 if url.scheme == 'smtps' else 25)}"
    try:
        _deliver(url, message)
    except (smtplib.SMTPException, OSError) as exc:
        raise MailFailed(
            _(
                "the digest could not be mailed through {where} ({exc}); the reminders "
                "stay issued and will not be issued again — read the digest above."
            ).format(where=where, exc=exc)
        ) from None
    return recipients


def _deliver(url, message: EmailMessage) -> None:  # type: ignore[no-untyped-def]
    secure = url.scheme == "smtps"
    port = url.port or (465 if secure else 25)
    factory = smtplib.SMTP_SSL if secure else smtplib.SMTP
    with factory(url.hostname, port, timeout=30) as client:
        if not secure and parse_qs(url.query).get("starttls", ["0"])[0] in ("1", "true"):
            client.starttls()
        if url.username:
            client.login(unquote(url.username), unquote(url.password or ""))
        client.send_message(message)
