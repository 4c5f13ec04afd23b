"""What a single line of a scraped article looks like: rules that say a line is
boilerplate or a metadata header, each with a reason a person can check.

The rules use evidence that holds across sites rather than one site's strings:
the shape of a line (length, sentence punctuation, title case, separators), the
vocabulary of prompts and policies (subscribe, share, cookies, comments), who the
line speaks to (a reader-facing "you" or "please"), and credits. The corpus-wide
evidence, lines repeated across articles, lives in :mod:`.boilerplate`.

Every rule is a pure function of the line. Rules were written against the
project's annotated dumps (``bench/gold/boilerplate``) and the scraper output seen
in public multi-document news data; ``bench/boilerplate.py`` measures them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import MONTH_NUMBERS

WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\d,.:]*", re.UNICODE)
SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*\s*$|[.!?]["'”’]\s*\(\w[^)]*\)\s*$|:\s*$""")
QUOTE_CHARS = "\"“”«»„"

#: Month names and abbreviations as a pattern (longest first: "january" before "jan").
MONTHS = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
DATE_TEXT = re.compile(
    rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|"
    rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}\b",
    re.IGNORECASE,
)

# A metadata header: a label, then a date (and perhaps a time). Read, then removed.
DATE_HEADER = re.compile(
    r"^\W*(?:published|updated|posted|last\s+updated|first\s+published|modified|date|"
    r"dated|created|released|publication\s+date)\b\s*(?:on|at)?\s*[:\-–—|]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
ID_HEADER = re.compile(
    r"^\W*(?:news|story|article|post|content|item|doc(?:ument)?)\s*(?:id|no\.?|number|code)\s*[:#.\-]?\s*[\w-]*\d",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^\W*(?i:by|written\s+by|words\s+by|story\s+by|reported\s+by|posted\s+by)\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|da|van|von|al|el|bin|and|&|,))*"
    r"(?:\s*[|,/–—-]\s*.{0,60})?)$"
)
TIME_AGO = re.compile(
    r"^\W*(?:updated\s+)?(?:\d+|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\W*$",
    re.IGNORECASE,
)
ONLY_DATE = re.compile(
    rf"^\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
    rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+(?:{MONTHS})\.?,?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{1,2}}:\d{{2}}(?::\d{{2}})?\S*)?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    rf"(?:\s*(?:at|,|\||-|–)?\s*\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{{0,4}})?\W*$",
    re.IGNORECASE,
)

AD_MARKER = re.compile(
    r"^\W*(?:advertisement|advertising|sponsored(?:\s+content)?|promoted(?:\s+content)?|"
    r"article\s+ad\s+box|ad|ads|story\s+continues(?:\s+below)?(?:\s+advertisement)?|"
    r"continue\s+reading(?:\s+(?:below|the main story|the story))?|"
    r"advertisement\W+(?:continue|story)\s+\w+(?:\s+\w+){0,3}|skip\s+advertisement|"
    r"content\s+continues\s+below)\W*$",
    re.IGNORECASE,
)
TEASER = re.compile(
    r"^\W*(?:related(?:\s+(?:stories|articles|coverage|content|news|reading|links?))?|read\s+more|"
    r"read\s+also|also\s+read|read\s+next|more\s+on\s+this(?:\s+story)?|see\s+also|more\s+from\s+[\w ]{1,30}|"
    r"recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now|\s+news)?|"
    r"top\s+stories|latest(?:\s+news)?|watch|video|listen|podcast|gallery|photos|in\s+pictures|"
    r"editor'?s\s+picks?|you\s+may\s+also\s+like|don'?t\s+miss|more\s+stories|further\s+reading|"
    r"click\s+here|more|next|previous|up\s+next|tags?|topics?|categories|filed\s+under|keywords)"
    r"\s*(?:[:|>»\-–—]|\.{3}|…)",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"\((?:[^()]*\b(?:photo|photograph|picture|image|credit|file|illustration|video|graphic)s?\b[^()]*)\)\s*$|"
    r"\b(?:photo|photograph|picture|image|credit|illustration)s?\s*(?:credit|courtesy)?\s*(?::|by)\s*\S.{0,80}$|"
    r"\b(?:AP|AFP|Reuters|EPA|Getty|Anadolu|Xinhua)\s*(?:Photo|Images?)?\s*/\s*[A-Z]|"
    r"\bimage\s+(?:copyright|caption)\b|\bpicture\s*:\s*contributed\b|\bcredit\s*(?:\.{3}|…)\s*[A-Z]|^\W*file\s+photo\s*:|"
    r"\b[A-Z]{3,}\s*/\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}(?:\s*/\s*File\s+Photo)?\s*$|"
    r"(?:\.{3}|…)\s*\((?:AP|Associated Press|Reuters|AFP)\)\s*$|"
    r"\b(?:Getty\s+Images|Shutterstock|iStock(?:photo)?|Alamy)\s*\)?\s*$",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\))?\s*\d{4}|\ball\s+rights\s+reserved\b|"
    r"\bmay\s+not\s+be\s+(?:published|reproduced|broadcast|copied|redistributed)\b|"
    r"\bwithout\s+(?:the\s+)?(?:prior\s+)?written\s+permission\b",
    re.IGNORECASE,
)
NAV_SEPARATORS = re.compile(r"\s(?:>|»|›|/|\||•|·)\s")
URL_ONLY = re.compile(r"^\W*(?:https?://|www\.)\S+\W*$|^\S+@\S+\.\w+$", re.IGNORECASE)
TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")

# Reader-facing furniture: buttons, widgets, prompts and policies. Each entry is a
# stem matched at a word start; a line is scored by how many different ones it has.
UI_WORDS = frozenset(
    """share shares shared tweet email e-mail print facebook twitter whatsapp linkedin reddit
    pinterest telegram instagram youtube tiktok copy link comment comments save saved listen
    close menu search subscribe login log in sign register follow us home news more next
    previous back top print this page article story view all show hide loading play video
    watch audio download app newsletter reply like likes flipboard messenger sms x pin
    pinit google+ +1 mail gmail bluesky threads mastodon copied url""".split()
)
PROMPT_TERMS = (
    "subscrib", "sign up", "signup", "sign in", "log in", "login", "newsletter", "inbox",
    "click", "tap here", "download our app", "follow us", "like us", "share this", "share on",
    "share your", "comment", "moderat", "reserve the right", "community guidelines",
    "terms of use", "terms of service", "terms and conditions", "privacy policy", "privacy notice",
    "cookie", "consent", "javascript", "browser", "captcha", "robot", "page generated",
    "account", "password", "unsubscribe", "notifications", "alerts", "premium", "paywall",
    "free trial", "offer", "support our journalism", "support independent", "donate",
    "ad blocker", "adblock", "originally published", "originally appeared", "playback",
    "your device", "tip off", "send us", "contact us", "get in touch", "editorial standards",
    "correction", "report an error", "recommended", "sponsored", "affiliate", "commission",
)
READER_ADDRESS = re.compile(
    r"\b(?:you|your|you're|yours|please|we'd|we'll|our\s+(?:newsletter|site|website|app|readers|journalism|terms|policy|policies|community|team))\b",
    re.IGNORECASE,
)
AUTHOR_BIO = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s+(?:"
    r"(?:is|was|has\s+been)\s+(?:a|an|the|our)\s+(?:[\w,'’-]+\s+){0,6}(?:reporter|correspondent|writer|"
    r"editor|journalist|columnist|contributor|producer|photographer|intern|fellow|anchor)\b"
    r"|(?:covers|writes\s+about|reports\s+on)\b)",
)
#: Phrases that only page furniture uses, whatever the line's shape.
FURNITURE_PHRASES = re.compile(
    r"\b(?:originally\s+(?:published|appeared)|comment(?:s|ing)?\s+polic(?:y|ies)|our\s+standards|"
    r"trust\s+principles|the\s+views\s+expressed\s+(?:here|in\s+this)|editorial\s+guidelines|"
    r"reader-supported|support\s+(?:our|independent)\s+journalism|sign\s+up\s+for\s+(?:our|the|free)|"
    r"(?:follow|like)\s+us\s+on|click\s+here|tap\s+here|send\s+to\s+(?:a\s+)?friend|"
    r"comments\s+(?:are|have\s+been)\s+(?:closed|disabled|turned\s+off)|be\s+the\s+first\s+to\s+comment|"
    r"^\W*\d+\s+comments?\W*$|view\s+comments|show\s+comments|join\s+the\s+(?:conversation|discussion))\b",
    re.IGNORECASE,
)
#: A reporter's contact line: an address or handle with a prompt to use it.
CONTACT = re.compile(
    r"^\W*(?:contact|reach|email|e-mail|follow|write\s+to|tweet)\b.*(?:\S+@\S+\.\w+|@\w{2,}|\d{3}[-.]\d{4})"
    r"|(?:reach|contact)\s+(?:him|her|them)\s+at\b",
    re.IGNORECASE,
)
IMPERATIVE = re.compile(
    r"^\W*(?:subscribe|sign|follow|like|join|click|tap|get|download|read|share|watch|listen|register|log|"
    r"create|enter|type|support|donate|contact|email|send|see|view|visit|find|don'?t\s+miss|never\s+miss|"
    r"stay|keep|receive|try|start|unlock|become|turn\s+on|allow|accept|manage|update|install)\b",
    re.IGNORECASE,
)
BRACKETED = re.compile(r"^\s*\[[^\[\]]{10,200}\]\s*$")
DATE_NOISE = re.compile(
    rf"\b(?:{MONTHS})\.?\b|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?\b|"
    r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,4}(?:st|nd|rd|th)?\b|"
    r"\b(?:gmt|utc|bst|cet|est|edt|et|pt|pst|pdt|ast|updated|published|posted|last|modified|on|at|"
    r"reading|read|time|min|mins|minutes?)\b",
    re.IGNORECASE,
)
TECH_LINE = re.compile(
    r"page\s+generated\s+in|generated\s+in\s+[\d.]+\s*(?:sec|ms)|captcha|are\s+you\s+a\s+robot|"
    r"enable\s+javascript|javascript\s+is\s+(?:disabled|required)|media\s+playback\s+is\s+unsupported|"
    r"your\s+browser\s+(?:does|is)|please\s+wait|refresh\s+the\s+page|enter\s+the\s+(?:code|characters)|"
    r"type\s+the\s+(?:code|characters|text)|shown\s+in\s+the\s+image|report\s+this\s+ad|media\s+caption|"
    r"^\W*(?:loading|close|menu|search|skip\s+to\s+(?:main\s+)?content)\W*$",
    re.IGNORECASE,
)
SIGNOFF = re.compile(
    r"^\W*(?:\(?(?:reporting|writing|editing|additional\s+reporting|compiled|produced|translated)\s+by\b.*"
    r"|\(?\s*(?:ends?|end\s+of\s+story|###|-30-)\s*\)?\W*$)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LineShape:
    """Measurements of one line, computed once and shared by the rules."""

    text: str
    words: int
    sentence_like: bool  # ends like a sentence (or a quotation, or a lead-in colon)
    title_case: float  # share of words that start with a capital
    has_quote: bool
    prompt_terms: int  # distinct prompt/policy terms in the line
    ui_only: bool  # every word is a UI word (Share, Tweet, Email, ...)
    reader_address: bool


def measure(line: str) -> LineShape:
    text = line.strip()
    words = WORD.findall(text)
    lower = text.lower()
    capitals = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return LineShape(
        text=text,
        words=len(words),
        sentence_like=bool(SENTENCE_END.search(text)),
        title_case=capitals / len(words) if words else 0.0,
        has_quote=any(c in text for c in QUOTE_CHARS),
        prompt_terms=sum(1 for term in PROMPT_TERMS if term in lower),
        ui_only=bool(words) and len(words) <= 6 and all(w.lower().strip(".") in UI_WORDS for w in words),
        reader_address=bool(READER_ADDRESS.search(text)),
    )


def header_kind(shape: LineShape) -> str | None:
    """A metadata header line ('published', 'byline', 'site id'), or None."""
    text = shape.text
    if shape.words > 16:
        return None
    match = DATE_HEADER.match(text)
    if match and (DATE_TEXT.search(match.group("rest")) or ONLY_DATE.match(match.group("rest"))):
        return "published"
    if (ONLY_DATE.match(text) or _mostly_date(text)) and not text.endswith(":"):
        return "date"
    if ID_HEADER.match(text):
        return "site id"
    if BYLINE.match(text) and shape.words <= 12 and not text.rstrip().endswith((".", "!", "?")):
        return "byline"
    return None


def boilerplate_reason(shape: LineShape) -> str | None:
    """Why this line is boilerplate judged on its own, or None if it may be article text.

    Long sentences are protected: only unmistakable furniture (credits,
    copyright, prompts that address the reader) removes a line of article length.
    """
    text = shape.text
    if not text:
        return None
    long_sentence = shape.words >= 25 and shape.sentence_like
    if COPYRIGHT.search(text) and (shape.words <= 40 or shape.prompt_terms >= 1) and not _mostly_quoted(text):
        return "copyright notice"
    if CREDIT.search(text) and not (shape.has_quote and shape.words > 40):
        return "photo caption or credit"
    if TECH_LINE.search(text):
        return "page furniture (scripts, captcha, player)"
    if not _mostly_quoted(text):
        if (shape.prompt_terms >= 2 and shape.reader_address) or shape.prompt_terms >= 3:
            return "prompt or policy addressed to the reader"
        if FURNITURE_PHRASES.search(text) and shape.words <= 80:
            return "site notice or prompt"
        if CONTACT.search(text) and shape.words <= 40:
            return "contact line"
        if AUTHOR_BIO.match(text) and shape.words <= 80:
            return "author biography"
    if long_sentence:
        return None
    if AD_MARKER.match(text):
        return "advertisement marker"
    if TIME_AGO.match(text):
        return "relative timestamp"
    if URL_ONLY.match(text):
        return "bare link"
    if TEASER.match(text):
        return "related-link teaser"
    if SIGNOFF.match(text) and shape.words <= 25:
        return "wire sign-off"
    if shape.ui_only:
        return "share or navigation buttons"
    if text.isupper() and shape.words <= 5 and not shape.sentence_like:
        return "section or site label"
    if len(NAV_SEPARATORS.findall(text)) >= 2 and shape.words <= 20 and not shape.sentence_like:
        return "navigation trail"
    if shape.prompt_terms >= 1 and (shape.reader_address or IMPERATIVE.match(text)) and shape.words <= 30:
        return "prompt addressed to the reader"
    if BRACKETED.match(text):
        return "bracketed link teaser"
    if TRUNCATED.search(text) and not shape.has_quote and shape.words <= 30:
        return "truncated teaser"
    return None


def looks_like_heading(shape: LineShape) -> bool:
    """A short line with no sentence punctuation: a title, subheading or teaser."""
    if shape.sentence_like or shape.has_quote or shape.words == 0:
        return False
    if re.search(r"\w:\s+\S*\d", shape.text):  # "Average cost: $31,213": a data line
        return False
    return shape.words <= 20 and (shape.title_case >= 0.6 or shape.words <= 6)


def _mostly_date(text: str) -> bool:
    """A line of dates, times and labels only ("17:42, Fri, Dec 10, 2021 | UPDATED: 18:05")."""
    if not DATE_TEXT.search(text):
        return False
    rest = DATE_NOISE.sub(" ", DATE_TEXT.sub(" ", text))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) == 0


def _mostly_quoted(text: str) -> bool:
    """True when the line is a quotation (someone else's words, not the site's)."""
    stripped = text.strip()
    return stripped[:1] in QUOTE_CHARS or sum(text.count(c) for c in QUOTE_CHARS) >= 2
