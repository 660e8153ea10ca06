"""Markdown guides with YAML front matter: import into GuidePage, export back (round trip).

Import: the front matter (``---`` … ``---``, YAML safe loader) gives the page fields, the body is
parsed by markdown-it-py (CommonMark + tables + strikethrough, raw HTML disabled: it stays
visible as text) and its token stream becomes StreamField blocks of
:class:`numerique_ouvert.core.blocks.ContentStreamBlock`. The rich text is produced by our own
renderer rules, in Wagtail's database format (``<b>``, ``<i>``, ``<a href>``, lists): nothing
else can get in.

Export: :func:`page_to_markdown` writes the front matter and turns each block back into
Markdown, so that importing the export gives the same page (tested).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import Any

import yaml
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt
from markdown_it.token import Token

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$\r?\n?",
                          re.DOTALL | re.MULTILINE)
# GitHub's alerts ("> [!NOTE]"), with an optional title after the marker (Obsidian's form).
ALERT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(.*)$", re.IGNORECASE)
# The Eleventy shortcode of code.gouv.fr for an image next to the page.
IMAGE_SHORTCODE = re.compile(
    r"""^\{%-?\s*image(?:Content)?\s+(["'])(?P<src>[^"']+)\1\s*(?:,\s*(["'])(?P<alt>.*?)\3)?"""
    r"""[^%]*-?%\}$""")

TAGLINE_KEYS = ("tagline", "description", "chapeau", "excerpt", "summary")
DATE_KEYS = ("date",)
REVIEWED_KEYS = ("last_reviewed", "lastmod", "last_modified_at", "updated")
# Front matter keys that are read (and so never reported as unknown).
KNOWN_KEYS = {"title", "tags", "categories", "image", "noindex", "publish", "published", "draft",
              "slug", "author", "owner", "related_guides", *TAGLINE_KEYS, *DATE_KEYS,
              *REVIEWED_KEYS}
# Keys of the known formats that have no place on a guide page: ignored without a warning.
IGNORED_KEYS = {"layout", "permalink", "api", "related_ressources", "eleventyNavigation",
                "video", "slides", "lang", "translationKey", "toc", "weight", "aliases"}


@dataclass
class MarkdownProblem:
    path: str
    message: str


@dataclass
class ImageRef:
    """An image the body or the front matter points to, resolved to a Wagtail image on import."""

    src: str
    alt: str = ""


@dataclass
class Guide:
    """What a Markdown file says, before it becomes a page."""

    key: str
    fields: dict[str, Any]
    tags: list[str]
    publish: bool | None = None
    related: list[str] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)  # in order: page image first if any
    warnings: list[MarkdownProblem] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Markdown -> rich text (Wagtail database format)

def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    rules = md.renderer.rules
    rules["strong_open"] = lambda *args: "<b>"
    rules["strong_close"] = lambda *args: "</b>"
    rules["em_open"] = lambda *args: "<i>"
    rules["em_close"] = lambda *args: "</i>"
    rules["s_open"] = lambda *args: "<s>"
    rules["s_close"] = lambda *args: "</s>"
    rules["softbreak"] = lambda *args: " "
    rules["hardbreak"] = lambda *args: "<br/>"
    rules["hr"] = lambda *args: ""
    # Runs of spaces mean nothing in HTML: one space, so that an export reads back the same.
    rules["text"] = lambda tokens, idx, options, env: escape(
        re.sub(r"[ \t]+", " ", tokens[idx].content))

    def link_open(tokens, idx, options, env):
        return f'<a href="{escape(tokens[idx].attrGet("href") or "")}">'

    def image(tokens, idx, options, env):
        # Images inside lists or quotes cannot be a block: their alternative text stays.
        return escape(tokens[idx].content)

    def code_as_text(tokens, idx, options, env):
        return f"<p><code>{escape(tokens[idx].content.strip())}</code></p>"

    def heading_as_bold(tokens, idx, options, env):
        return "<p><b>" if tokens[idx].nesting == 1 else "</b></p>"

    def paragraph_open(tokens, idx, options, env):
        return "" if tokens[idx].hidden else "<p>"

    def paragraph_close(tokens, idx, options, env):
        return "" if tokens[idx].hidden else "</p>"

    def ordered_list_open(tokens, idx, options, env):
        return "<ol>"

    rules["link_open"] = link_open
    rules["image"] = image
    rules["fence"] = rules["code_block"] = code_as_text
    rules["heading_open"] = rules["heading_close"] = heading_as_bold
    rules["paragraph_open"] = paragraph_open
    rules["paragraph_close"] = paragraph_close
    rules["ordered_list_open"] = ordered_list_open
    return md


_MD = _parser()


def _tighten(tokens: list[Token]) -> list[Token]:
    """Paragraphs inside list items become bare text, as Wagtail's rich text lists want."""
    depth = 0
    for token in tokens:
        if token.type == "list_item_open":
            depth += 1
        elif token.type == "list_item_close":
            depth -= 1
        elif depth and token.type in ("paragraph_open", "paragraph_close"):
            token.hidden = True
    return tokens


def _render(tokens: list[Token]) -> str:
    html = _MD.renderer.render(_tighten(tokens), _MD.options, {})
    return html.replace("\n", "")


def markdown_to_richtext(text: str) -> str:
    """Markdown (a catalogue's usage notes, for instance) as Wagtail rich text HTML."""
    return _render(_MD.parse(text or ""))


def _plain(inline: Token) -> str:
    """The text of an inline token, without markup (table cells, headings, quotes)."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline", "image"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" " if child.type == "softbreak" else "\n")
    return "".join(parts).strip()


# ---------------------------------------------------------------------------------------------
# Markdown body -> StreamField blocks

def _block_id(key: str, index: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"markdown:{key}:{index}"))


def _split_top_level(tokens: list[Token]) -> list[list[Token]]:
    """The top-level blocks of a token stream, each with its nested tokens."""
    groups, current, depth = [], [], 0
    for token in tokens:
        current.append(token)
        depth += token.nesting
        if depth == 0:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _table(group: list[Token]) -> dict:
    rows, row, header = [], None, False
    for token in group:
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            rows.append(row)
        elif token.type == "th_open":
            header = True
        elif token.type == "inline" and row is not None:
            row.append(_plain(token))
    return {"data": rows, "first_row_is_table_header": header, "first_col_is_header": False,
            "table_caption": "", "cell": [], "mergedCells": [],
            "table_header_choice": "row" if header else ""}


def _image_only(inline: Token) -> list[ImageRef] | None:
    """The images of a paragraph made only of images (and spaces), else ``None``."""
    images = []
    for child in inline.children or []:
        if child.type == "image":
            images.append(ImageRef(child.attrGet("src") or "", child.content))
        elif child.type in ("softbreak", "hardbreak") or (
                child.type == "text" and not child.content.strip()):
            continue
        else:
            return None
    return images or None


def _shortcode_image(inline: Token) -> ImageRef | None:
    match = IMAGE_SHORTCODE.match(inline.content.strip())
    if not match:
        return None
    return ImageRef(match.group("src"), match.group("alt") or "")


def body_to_blocks(text: str) -> tuple[list[tuple[str, Any]], str]:
    """Markdown body -> ``([(block type, value or ImageRef)], title of a leading h1 or "")``.

    Consecutive paragraphs and lists are gathered into one rich text block; headings, images,
    code, tables, quotes and callouts are blocks of their own.
    """
    blocks: list[tuple[str, Any]] = []
    pending: list[Token] = []
    leading_title = ""

    def flush():
        if pending:
            html = _render(pending)
            if html:
                blocks.append(("paragraph", html))
            pending.clear()

    groups = _split_top_level(_MD.parse(text))
    for position, group in enumerate(groups):
        first = group[0]
        if first.type == "heading_open":
            text_value = _plain(group[1])
            if first.tag == "h1" and position == 0 and not leading_title:
                leading_title = text_value
                continue
            flush()
            level = {"h1": "h2", "h2": "h2", "h3": "h3"}.get(first.tag, "h4")
            if text_value:
                blocks.append(("heading", {"text": text_value[:200], "level": level,
                                           "anchor": ""}))
        elif first.type == "paragraph_open":
            images = _image_only(group[1])
            shortcode = None if images else _shortcode_image(group[1])
            if images or shortcode:
                flush()
                for image in images or [shortcode]:
                    blocks.append(("image", image))
            else:
                pending.extend(group)
        elif first.type in ("fence", "code_block"):
            flush()
            language = (first.info or "").strip().split(" ")[0][:40]
            blocks.append(("code", {"language": language, "code": first.content.rstrip("\n")}))
        elif first.type == "table_open":
            flush()
            blocks.append(("table", _table(group)))
        elif first.type == "blockquote_open":
            flush()
            blocks.append(_quote(group))
        elif first.type == "hr":
            flush()
        else:
            pending.extend(group)
    flush()
    return blocks, leading_title


def _quote(group: list[Token]) -> tuple[str, dict]:
    inner = group[1:-1]
    first_inline = next((token for token in inner if token.type == "inline"), None)
    first_line = (first_inline.content.split("\n", 1)[0] if first_inline else "")
    alert = ALERT.match(first_line.strip())
    if alert and first_inline is not None:
        # Drop the marker line from the first paragraph, render the rest as rich text.
        rest = first_inline.content.split("\n", 1)[1] if "\n" in first_inline.content else ""
        index = inner.index(first_inline)
        if rest.strip():
            first_inline.children = _MD.parseInline(rest)[0].children
            kept = inner
        else:
            kept = inner[:index - 1] + inner[index + 2:]
        html = _render(kept)
        title = alert.group(2).strip()
        return "callout", {"title": title[:200], "text": html or f"<p>{escape(title)}</p>",
                           "link": "", "link_label": ""}
    paragraphs = [_plain(token) for token in inner if token.type == "inline"]
    author = ""
    if paragraphs and re.match(r"^(—|--)\s*\S", paragraphs[-1]) and len(paragraphs) > 1:
        author = re.sub(r"^(—|--)\s*", "", paragraphs.pop())
    return "quote", {"text": "\n\n".join(paragraphs), "author": author[:200], "source": ""}


# ---------------------------------------------------------------------------------------------
# Front matter

def split_front_matter(text: str) -> tuple[str | None, str]:
    """``(front matter YAML or None, body)``."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


def slug_key(text: str) -> str:
    """A file name as a page slug: accents transliterated (« Activité » -> activite), as the
    page's own slug; scripts without a Latin transliteration keep their letters."""
    return slugify(text) or slugify(text, allow_unicode=True)


def _key_from_name(name: str) -> str:
    path = PurePosixPath(name.replace("\\", "/").rsplit("?", 1)[0])
    stem = path.parent.name if path.stem == "index" and path.parent.name else path.stem
    return slug_key(stem)


def _as_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=UTC)
    return None


def _date_value(value: Any) -> date | datetime | None:
    if isinstance(value, (date, datetime)):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                return None
    return None


def _tag_list(value: Any, path: str, problems: list[MarkdownProblem]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(item, (str, int, float)) and
                                       not isinstance(item, bool) for item in value):
        return [str(item).strip() for item in value if str(item).strip()]
    problems.append(MarkdownProblem(path, _(
        "une liste de mots-clés ou une chaîne « a, b, c » est attendue")))
    return []


def _boolean(meta: dict, key: str, problems: list[MarkdownProblem]) -> bool | None:
    value = meta.get(key)
    if value is None or isinstance(value, bool):
        return value
    problems.append(MarkdownProblem(f"front matter: {key}", _(
        "true ou false est attendu, pas « %(value)s »") % {"value": value}))
    return None


def read_markdown(name: str, content: bytes) -> tuple[Guide | None, list[MarkdownProblem]]:
    """Read one Markdown file: ``(guide, problems)``; any problem means the file is rejected."""
    problems: list[MarkdownProblem] = []
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [MarkdownProblem("", _("le fichier n'est pas encodé en UTF-8"))]
    text = text.replace("\r\n", "\n")
    raw_meta, body = split_front_matter(text)
    meta: dict = {}
    if raw_meta is not None:
        try:
            # Safe loader: no tags executed. (PyYAML reads YAML 1.1: ``yes`` is a boolean there.)
            loaded = yaml.safe_load(raw_meta)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"front matter: ligne {mark.line + 2}" if mark else "front matter"
            return None, [MarkdownProblem(where, _("YAML invalide : %(error)s") % {
                "error": getattr(error, "problem", None) or str(error)})]
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            return None, [MarkdownProblem("front matter", _(
                "un dictionnaire clé: valeur est attendu"))]
        meta = {str(key): value for key, value in loaded.items()}
    guide_warnings: list[MarkdownProblem] = []
    blocks, leading_title = body_to_blocks(body)

    title = meta.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        title = leading_title
        if not title:
            problems.append(MarkdownProblem("front matter: title", _(
                "titre obligatoire (clé title du front matter, ou un titre « # » en tête)")))
    elif not isinstance(title, str):
        problems.append(MarkdownProblem("front matter: title", _(
            "une chaîne de caractères est attendue")))
        title = ""
    elif leading_title:
        # The body repeats the title as its first heading: keep it as a section heading.
        blocks.insert(0, ("heading", {"text": leading_title[:200], "level": "h2", "anchor": ""}))
    title = (title or "").strip()
    if len(title) > 255:
        problems.append(MarkdownProblem("front matter: title", _(
            "255 caractères au plus (%(count)s)") % {"count": len(title)}))

    tagline = ""
    for key in TAGLINE_KEYS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            problems.append(MarkdownProblem(f"front matter: {key}", _(
                "une chaîne de caractères est attendue")))
            break
        tagline = " ".join(value.split())
        if len(tagline) > 255:
            guide_warnings.append(MarkdownProblem(f"front matter: {key}", _(
                "plus de 255 caractères : accroche tronquée")))
            tagline = tagline[:254].rsplit(" ", 1)[0] + "…"
        break

    tags = _tag_list(meta.get("tags"), "front matter: tags", problems)
    tags += _tag_list(meta.get("categories"), "front matter: categories", problems)
    tags = list(dict.fromkeys(tag[:100] for tag in tags))

    fields: dict[str, Any] = {"title": title, "tagline": tagline}
    noindex = _boolean(meta, "noindex", problems)
    fields["noindex"] = bool(noindex)
    publish = _boolean(meta, "publish", problems)
    published = _boolean(meta, "published", problems)
    draft = _boolean(meta, "draft", problems)
    if publish is None:
        publish = published
    if publish is None and draft is not None:
        publish = not draft

    for key in DATE_KEYS:
        if meta.get(key) is not None:
            value = _date_value(meta[key])
            if value is None:
                problems.append(MarkdownProblem(f"front matter: {key}", _(
                    "une date AAAA-MM-JJ est attendue, pas « %(value)s »") % {"value": meta[key]}))
            else:
                fields["first_published_at"] = _as_datetime(value)
    for key in REVIEWED_KEYS:
        if meta.get(key) is not None:
            value = _date_value(meta[key])
            if value is None:
                problems.append(MarkdownProblem(f"front matter: {key}", _(
                    "une date AAAA-MM-JJ est attendue, pas « %(value)s »") % {"value": meta[key]}))
            else:
                fields["last_reviewed"] = value.date() if isinstance(value, datetime) else value
            break

    owner = meta.get("owner", meta.get("author"))
    if owner is not None:
        if isinstance(owner, str):
            fields["owner_name"] = owner.strip()[:200]
        elif isinstance(owner, dict) and isinstance(owner.get("name"), str):
            fields["owner_name"] = owner["name"].strip()[:200]
        else:
            problems.append(MarkdownProblem("front matter: author", _(
                "un nom (chaîne de caractères) est attendu")))

    key = _key_from_name(name)
    slug = meta.get("slug")
    if slug is not None:
        if not isinstance(slug, str) or not slug_key(slug):
            problems.append(MarkdownProblem("front matter: slug", _(
                "un identifiant d'adresse (lettres, chiffres, tirets) est attendu")))
        else:
            key = slug_key(slug)
    if not key:
        problems.append(MarkdownProblem("", _("impossible de déduire un identifiant du nom de "
                                               "fichier « %(name)s »") % {"name": name}))
    fields["slug"] = key[:255]

    images: list[ImageRef] = []
    image = meta.get("image")
    if image is not None and image != "":
        if isinstance(image, str):
            images.append(ImageRef(image.strip()))
        elif isinstance(image, dict) and isinstance(
                image.get("path", image.get("src", image.get("url"))), str):
            alt = image.get("alt")
            images.append(ImageRef(image.get("path", image.get("src", image.get("url"))).strip(),
                                   alt.strip() if isinstance(alt, str) else ""))
        else:
            problems.append(MarkdownProblem("front matter: image", _(
                "un nom de fichier ou {path, alt} est attendu")))
    # The foreign key's column (a Wagtail image id once ``prepare`` has found the file).
    fields["image_id"] = images[0] if images else None

    related = meta.get("related_guides")
    related_keys = []
    if related is not None:
        if isinstance(related, list) and all(isinstance(item, str) for item in related):
            related_keys = [slug_key(item) for item in related]
        else:
            problems.append(MarkdownProblem("front matter: related_guides", _(
                "une liste de noms de fichiers de guides est attendue")))

    for unknown in sorted(set(meta) - KNOWN_KEYS - IGNORED_KEYS):
        guide_warnings.append(MarkdownProblem(f"front matter: {unknown}", _(
            "clé inconnue, ignorée")))

    body_blocks = []
    for index, (block_type, value) in enumerate(blocks):
        if block_type == "image":
            images.append(value)
        body_blocks.append({"type": block_type, "value": value, "id": _block_id(key, index)})
    if not body_blocks:
        problems.append(MarkdownProblem("", _("le corps du guide est vide")))
    fields["body"] = body_blocks
    if "<" in body and re.search(r"^\s*<[A-Za-z][^>]*>", body, re.MULTILINE):
        guide_warnings.append(MarkdownProblem("", _(
            "HTML ou composant dans le Markdown : laissé visible comme texte, à reprendre")))
    if problems:
        return None, problems
    return Guide(key=key, fields=fields, tags=tags, publish=publish, related=related_keys,
                 images=images, warnings=guide_warnings), []


def file_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


# ---------------------------------------------------------------------------------------------
# Export: page -> Markdown

_ESCAPED = re.compile(r"([\\`*_\[\]<>!|~#&])")


def _escape_md(text: str) -> str:
    text = _ESCAPED.sub(r"\\\1", text)
    # Line starts that Markdown would read as a list, a heading or a quote.
    return re.sub(r"(?m)^(\s*)([-+=>]|\d+[.)])(?=\s|$)",
                  lambda m: m.group(1) + (m.group(2)[:-1] + "\\" + m.group(2)[-1]
                                          if m.group(2)[0].isdigit() else "\\" + m.group(2)),
                  text)


def _destination(url: str) -> str:
    """A link or image address as Markdown: between <> when it holds spaces or brackets."""
    url = url.replace("<", "%3C").replace(">", "%3E")
    return f"<{url}>" if re.search(r"[\s()]", url) else url


class _RichTextToMarkdown(HTMLParser):
    """Wagtail rich text (expanded HTML) -> Markdown, for the tags Wagtail's editor produces."""

    INLINE = {"b": "**", "strong": "**", "i": "*", "em": "*", "s": "~~", "del": "~~"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.lists: list[list] = []  # stack of [kind, counter]
        self.links: list[str] = []
        self.in_code = False
        self.prefix = ""
        self.italics: list[str] = []

    def _flush(self):
        text = "".join(self.line).strip()
        if text:
            self.blocks.append(self.prefix + text)
        self.line = []
        self.prefix = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"):
            self._flush()
            if tag in ("h3", "h4"):
                self.prefix = "#" * int(tag[1]) + " "
            elif tag in ("h1", "h2", "h5", "h6"):
                self.prefix = "#### "
            elif tag == "blockquote":
                self.prefix = "> "
        elif tag in ("ul", "ol"):
            if self.lists:
                self._list_line_end()
            else:
                self._flush()
            self.lists.append([tag, 0])
        elif tag == "li":
            kind = self.lists[-1] if self.lists else ["ul", 0]
            kind[1] += 1
            indent = "   " * (len(self.lists) - 1) if self.lists else ""
            marker = f"{kind[1]}." if kind[0] == "ol" else "-"
            self._list_line_end()
            self.line.append(f"{indent}{marker} ")
        elif tag in ("i", "em"):
            # "**" then "*" would read back as <i><b>: "_" after another marker keeps the order.
            marker = "_" if "".join(self.line).endswith(("*", "~")) else "*"
            self.italics.append(marker)
            self.line.append(marker)
        elif tag in self.INLINE:
            self.line.append(self.INLINE[tag])
        elif tag == "code":
            self.in_code = True
            self.line.append("`")
        elif tag == "a":
            self.links.append(attrs.get("href") or "")
            self.line.append("[")
        elif tag == "br":
            self.line.append("\\\n")

    def _list_line_end(self):
        text = "".join(self.line).rstrip()
        if text.strip():
            self.list_lines.append(text)
        self.line = []

    @property
    def list_lines(self):
        if not hasattr(self, "_list_lines"):
            self._list_lines = []
        return self._list_lines

    def handle_endtag(self, tag):
        if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"):
            if not self.lists:
                self._flush()
        elif tag in ("ul", "ol"):
            self._list_line_end()
            self.lists.pop()
            if not self.lists:
                self.blocks.append("\n".join(self.list_lines))
                self._list_lines = []
        elif tag in ("i", "em"):
            self.line.append(self.italics.pop() if self.italics else "*")
        elif tag in self.INLINE:
            self.line.append(self.INLINE[tag])
        elif tag == "code":
            self.in_code = False
            self.line.append("`")
        elif tag == "a":
            href = self.links.pop() if self.links else ""
            self.line.append(f"]({_destination(href)})")

    def handle_data(self, data):
        if self.in_code:
            self.line.append(data.replace("`", "'"))
        else:
            # ASCII whitespace only: a non-breaking space is content (« guillemets »).
            self.line.append(_escape_md(re.sub(r"[ \t\r\n]+", " ", data)))

    def markdown(self) -> str:
        self._flush()
        return "\n\n".join(self.blocks)


def richtext_to_markdown(html: str) -> str:
    from wagtail.rich_text import expand_db_html

    parser = _RichTextToMarkdown()
    parser.feed(expand_db_html(html or ""))
    parser.close()
    return parser.markdown()


def _table_to_markdown(value: dict) -> str:
    rows = [[" ".join(str(cell or "").split()).replace("|", "\\|") for cell in row]
            for row in (value.get("data") or []) if row is not None]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    header, body = (rows[0], rows[1:]) if value.get("first_row_is_table_header") else (
        [""] * width, rows)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


def _fence(code: str, language: str) -> str:
    ticks = "```"
    while ticks in code:
        ticks += "`"
    return f"{ticks}{language}\n{code}\n{ticks}"


def blocks_to_markdown(stream, image_src=None) -> str:
    """A ContentStreamBlock value as Markdown. ``image_src(image)`` gives an image's address."""
    parts = []
    for child in stream or []:
        value = child.value
        kind = child.block_type
        if kind == "heading":
            hashes = {"h2": "##", "h3": "###", "h4": "####"}.get(value.get("level"), "##")
            parts.append(f"{hashes} {_escape_md(value['text'])}")
        elif kind == "paragraph":
            text = richtext_to_markdown(value.source if hasattr(value, "source") else str(value))
            if text:
                parts.append(text)
        elif kind == "image":
            image = value.get("image")
            src = image_src(image) if (image is not None and image_src) else (
                image.title if image is not None else "")
            alt = value.get("alt") or ""
            parts.append(f"![{_escape_md(alt)}]({_destination(src)})")
            if value.get("caption"):
                parts.append(f"*{_escape_md(value['caption'])}*")
        elif kind == "code":
            parts.append(_fence(value.get("code") or "", value.get("language") or ""))
        elif kind == "table":
            table = _table_to_markdown(value if isinstance(value, dict) else dict(value))
            if table:
                parts.append(table)
        elif kind == "quote":
            lines = [_escape_md(paragraph) for paragraph in (value.get("text") or "").split(
                "\n\n")]
            if value.get("author"):
                lines.append("— " + _escape_md(value["author"]))
            parts.append("\n>\n".join("> " + line for line in lines))
        elif kind == "callout":
            marker = "> [!NOTE]" + (f" {value['title']}" if value.get("title") else "")
            text = richtext_to_markdown(value["text"].source)
            if value.get("link"):
                text += f"\n\n[{_escape_md(value.get('link_label') or value['link'])}]" \
                        f"({value['link']})"
            parts.append(marker + "\n" + "\n".join(
                ("> " + line) if line else ">" for line in text.split("\n")))
        elif kind == "embed":
            url = getattr(value, "url", "") or ""
            if url:
                parts.append(f"[{_escape_md(url)}]({url})")
        elif kind == "accordion":
            for item in value.get("items") or []:
                parts.append(f"#### {_escape_md(item['title'])}")
                parts.append(richtext_to_markdown(item["body"].source))
    return "\n\n".join(part for part in parts if part) + "\n"


def _yaml_dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False,
                          width=1000)


def page_to_markdown(page, image_src=None) -> str:
    """A guide page as Markdown with front matter; importing it gives the same page back."""
    meta: dict[str, Any] = {"title": page.title, "slug": page.slug}
    if page.tagline:
        meta["tagline"] = page.tagline
    tags = [tag.name for tag in page.tags.all()] if hasattr(page, "tags") else []
    if tags:
        meta["tags"] = sorted(tags, key=str.lower)
    if page.first_published_at:
        published = page.first_published_at.astimezone(UTC)
        # A date when the import gave one (midnight), else the exact moment: reads back equal.
        meta["date"] = published.date() if published.time() == time(0) else published
    if getattr(page, "last_reviewed", None):
        meta["last_reviewed"] = page.last_reviewed
    if getattr(page, "owner_name", ""):
        meta["author"] = page.owner_name
    if page.image_id and image_src:
        meta["image"] = {"path": image_src(page.image), "alt": page.image.title}
    meta["noindex"] = bool(page.noindex)
    meta["publish"] = bool(page.live)
    return "---\n" + _yaml_dump(meta) + "---\n\n" + blocks_to_markdown(page.body, image_src)


# ---------------------------------------------------------------------------------------------
# Importer (the framework's contract: numerique_ouvert.interop.base)

from pathlib import Path  # noqa: E402
from urllib.parse import unquote  # noqa: E402

from .base import Importer, ImportFileError, Item, Problem, register_importer  # noqa: E402


@register_importer
class MarkdownImporter(Importer):
    """Markdown files with YAML front matter (Ressourcerie guides, Jekyll/Eleventy posts)."""

    format = "markdown"
    label = _("Guides Markdown (front matter YAML)")
    patterns = ("*.md", "*.markdown")

    def __init__(self, image_root: str | Path | None = None):
        from numerique_ouvert.guides.models import GuidePage

        self.page_model = GuidePage
        # Images are read from disk only under this folder (the command's file or folder);
        # an upload in the admin has none: its images are reported, their alt text kept.
        self.image_root = Path(image_root).resolve() if image_root else None

    def parse(self, source) -> list[Item]:
        guide, problems = read_markdown(source.name, source.content)
        if problems:
            raise ImportFileError(source.name, [Problem(source.name, p.path, p.message)
                                                for p in problems])
        item = Item(key=guide.key, page_model=self.page_model, fields=guide.fields,
                    tags=guide.tags, source_url=source.name, relations=("tags",),
                    warnings=[Problem(source.name, w.path, w.message) for w in guide.warnings])
        item.publish = guide.publish
        item.related_keys = guide.related
        return [item]

    # Called by run_import inside the file's transaction: images are created (or found again
    # by their content hash) there, so a dry run or a rejected file leaves none behind.
    def prepare(self, items: list[Item], source) -> None:
        from .models import ImportRecord

        for item in items:
            related = getattr(item, "related_keys", [])
            if related:
                # Guides imported before (another file of the folder, or an earlier import).
                records = dict(ImportRecord.objects.filter(format=self.format, key__in=related)
                               .values_list("key", "page_id"))
                item.fields["related_pages"] = [
                    {"type": "page", "value": records[key], "id": str(uuid.uuid5(
                        uuid.NAMESPACE_URL, f"markdown:{item.key}:related:{key}"))}
                    for key in related if key in records]
                for key in related:
                    if key not in records:
                        item.warnings.append(Problem(source.name, "front matter: related_guides",
                                                     _("guide « %(key)s » pas encore importé : "
                                                       "lien non créé") % {"key": key}))
            image = item.fields.get("image_id")
            if isinstance(image, ImageRef):
                found = self._image(image, source, item, "front matter: image")
                item.fields["image_id"] = found.pk if found else None
            body = []
            for block in item.fields.get("body", []):
                value = block["value"]
                if block["type"] == "image" and isinstance(value, ImageRef):
                    found = self._image(value, source, item, value.src)
                    if found is None and not value.alt:
                        continue
                    block = ({"type": "paragraph", "id": block["id"],
                              "value": f"<p>{escape(value.alt)}</p>"} if found is None else
                             {"type": "image", "id": block["id"],
                              "value": {"image": found.pk, "alt": value.alt[:250],
                                        "caption": ""}})
                if (block["type"] == "paragraph" and body and body[-1]["type"] == "paragraph"):
                    # Text next to text is one rich text block, as the Markdown reads back.
                    body[-1] = {**body[-1], "value": body[-1]["value"] + block["value"]}
                    continue
                body.append(block)
            item.fields["body"] = body

    def _candidates(self, source_name: str, src: str) -> list[Path]:
        if self.image_root is None or re.match(r"^[a-z][a-z0-9+.-]*:", src, re.IGNORECASE):
            return []
        relative = unquote(src.split("?", 1)[0].split("#", 1)[0])
        here = Path(source_name).resolve().parent
        candidates = []
        if relative.startswith("/"):
            folder = here
            while True:
                candidates.append(folder / relative.lstrip("/"))
                if folder == self.image_root or folder.parent == folder:
                    break
                folder = folder.parent
        else:
            candidates.append(here / relative)
        return [path.resolve() for path in candidates
                if path.resolve().is_relative_to(self.image_root)]

    def _image(self, ref: ImageRef, source, item: Item, path: str):
        from django.core.files.images import ImageFile
        from wagtail.images import get_image_model

        from numerique_ouvert.conf import get_setting

        for candidate in self._candidates(source.name, ref.src):
            if not candidate.is_file():
                continue
            content = candidate.read_bytes()
            if len(content) > get_setting("INTEROP_MAX_FILE_BYTES"):
                break
            Image = get_image_model()
            sha1 = hashlib.sha1(content).hexdigest()  # noqa: S324 - Wagtail's own file_hash
            existing = Image.objects.filter(file_hash=sha1).first()
            if existing:
                return existing
            try:
                from PIL import Image as PILImage

                with PILImage.open(candidate) as opened:
                    opened.verify()
            except Exception:  # noqa: BLE001 - any decoding error: not an image
                item.warnings.append(Problem(source.name, path, _(
                    "« %(src)s » n'est pas une image lisible : ignorée") % {"src": ref.src}))
                return None
            import io

            image = Image(title=(ref.alt or candidate.stem)[:255],
                          file=ImageFile(io.BytesIO(content), name=candidate.name),
                          file_hash=sha1, file_size=len(content))
            image.save()
            return image
        item.warnings.append(Problem(source.name, path, _(
            "image « %(src)s » introuvable à côté du fichier : non importée, son texte "
            "alternatif est gardé") % {"src": ref.src}))
        return None
