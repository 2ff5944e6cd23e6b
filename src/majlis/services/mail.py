"""E-mail: a reader hears when their comment is published or answered (if they asked), moderators
get a digest when a queue grows. Sent over SMTP from the task queue, in the reader's language."""

from __future__ import annotations

import hashlib
import hmac
import smtplib
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from majlis.domain import Comment, State
from majlis.services.mail_text import MAIL, mail_strings
from majlis.services.privacy import vault
from majlis.settings import Settings
from majlis.storage import Store

PUBLISHED, REPLY, DIGEST = "published", "reply", "digest"
KINDS = (PUBLISHED, REPLY, DIGEST)
EXCERPT_CHARS = 600


def unsubscribe_token(secret: bytes, site_id: int, author_key: str) -> str:
    """The proof in an unsubscribe link (keyed: nobody can stop another reader's e-mails)."""
    message = f"unsubscribe\x00{site_id}\x00{author_key}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]


def unsubscribe_url(settings: Settings, secret: bytes, comment: Comment, language: str) -> str:
    """The one-click link that ends every e-mail to this author about this site."""
    token = unsubscribe_token(secret, comment.site_id, comment.author_key)
    return f"{settings.public_url.rstrip('/')}/unsubscribe/{comment.site_id}/{comment.author_key}/{token}?lang={language}"


def _language(*candidates: str) -> str:
    """The first candidate the e-mails are written in, else English."""
    return next((c for c in candidates if c in MAIL), "en")


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS].rstrip() + "…"


def _message(settings: Settings, to: str, subject: str, body: str, language: str,
             unsubscribe: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="majlis")
    message["Auto-Submitted"] = "auto-generated"
    if unsubscribe:
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    message.set_content(body)
    message["Content-Language"] = language  # after set_content, which drops Content-* headers
    return message


def _to_author(store: Store, settings: Settings, secret: bytes, comment: Comment, about: Comment,
               kind: str) -> EmailMessage | None:
    """The e-mail to `comment`'s author about `about` (itself, or a reply to it)."""
    site = store.site_by_id(comment.site_id)
    article = store.article_by_id(about.article_id)
    address = vault(settings, secret).decrypt(comment.author_email)
    if site is None or article is None or not address:
        return None
    language = _language(comment.language, site.language)
    words = mail_strings(language)
    link = article.url or settings.public_url
    unsubscribe = unsubscribe_url(settings, secret, comment, language)
    fields = {"name": comment.author_name, "title": article.title or article.key, "excerpt": _excerpt(about.text),
              "url": link, "replier": about.author_name, "unsubscribe": unsubscribe}
    body = words[f"{kind}_body"].format(**fields) + "\n\n-- \n" + words["footer"].format(**fields)
    return _message(settings, formataddr((comment.author_name, address)), words[f"{kind}_subject"].format(**fields),
                    body, language, unsubscribe)


def compose(store: Store, settings: Settings, secret: bytes, kind: str, ref: int) -> list[EmailMessage]:
    """The messages of one notification: `ref` is the comment (published, reply) or the site (digest).
    Checked again at sending time: an opt-out or a reversal since the event sends nothing."""
    if kind == DIGEST:
        return _digest(store, settings, ref)
    comment = store.comment(ref)
    if comment is None or comment.state is not State.APPROVED or comment.erased_at is not None:
        return []
    if kind == PUBLISHED:
        message = _to_author(store, settings, secret, comment, comment, PUBLISHED) if comment.notify else None
        return [message] if message else []
    parent = store.comment(comment.parent_id) if comment.parent_id else None
    if parent is None or not parent.notify or parent.author_key == comment.author_key or parent.erased_at:
        return []
    message = _to_author(store, settings, secret, parent, comment, REPLY)
    return [message] if message else []


def _digest(store: Store, settings: Settings, site_id: int) -> list[EmailMessage]:
    site = store.site_by_id(site_id)
    if site is None:
        return []
    language = _language(site.language)
    words = mail_strings(language)
    fields = {"count": store.count_pending(site_id), "site": site.name or site.slug,
              "desk": f"{settings.public_url.rstrip('/')}/moderate?site={site.slug}",
              "minutes": settings.digest_interval_minutes, "threshold": settings.digest_threshold}
    body = words["digest_body"].format(**fields) + "\n\n-- \n" + words["digest_footer"]
    return [_message(settings, address, words["digest_subject"].format(**fields), body, language)
            for address in store.digest_recipients(site_id)]


def send(settings: Settings, messages: list[EmailMessage]) -> None:
    """Hand messages to the configured SMTP server (raises on failure, so the task is retried)."""
    if not messages:
        return
    security = settings.smtp_security
    connect = smtplib.SMTP_SSL if security == "tls" else smtplib.SMTP
    with connect(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds) as smtp:
        if security == "starttls":
            smtp.starttls()
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password)
        for message in messages:
            smtp.send_message(message)


def deliver(store: Store, settings: Settings, secret: bytes, kind: str, ref: int) -> int:
    """Compose and send one notification (the task body); how many messages went out."""
    if not settings.smtp_host or kind not in KINDS:
        return 0
    messages = compose(store, settings, secret, kind, ref)
    send(settings, messages)
    return len(messages)
