"""Demo images drawn locally with Pillow: abstract banners and initials logos (nothing downloaded)."""

from __future__ import annotations

import io
import random
import unicodedata

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage

from .builder import Report

# Pairs (dark, light) close to the DSFR's blue France, red Marianne and illustrative colours.
PALETTE = [
    ((0, 0, 145), (106, 106, 244)),      # bleu France
    ((0, 99, 103), (121, 214, 196)),      # vert émeraude / menthe
    ((116, 46, 153), (210, 170, 235)),    # violet glycine
    ((117, 90, 0), (254, 204, 80)),       # jaune tournesol
    ((173, 66, 30), (255, 170, 130)),     # orange terre battue
    ((200, 0, 40), (255, 150, 150)),      # rouge Marianne
    ((0, 92, 153), (140, 200, 240)),      # bleu écume
]
BANNER_SIZE = (1200, 630)
LOGO_SIZE = 400
WHITE = (255, 255, 255)


# Tried in order; Pillow finds them in the system font folders. Pillow's own default font has no
# accented letters, so without any of these the text is drawn without accents.
FONTS = ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf"]


def _font(size: int) -> tuple[ImageFont.ImageFont, bool]:
    """A font of ``size`` pixels, and whether it can draw accented letters."""
    for name in FONTS:
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    try:  # Pillow ≥ 10.1: a scalable default font
        return ImageFont.load_default(size=size), False
    except TypeError:
        return ImageFont.load_default(), False


def _fit(text: str, has_accents: bool) -> str:
    if has_accents:
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _encode(picture: Image.Image, image_format: str) -> bytes:
    buffer = io.BytesIO()
    # JPEG for the gradients (small and fast to encode), PNG for the flat logos.
    options = {"quality": 88} if image_format == "JPEG" else {}
    picture.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def draw_banner(text: str, colour: int) -> bytes:
    """A 1200×630 banner (the Open Graph ratio): diagonal gradient, soft circles, a parcours line
    of five dots and ``text``. Seeded by ``text`` so a given banner always looks the same."""
    dark, light = PALETTE[colour % len(PALETTE)]
    width, height = BANNER_SIZE
    rng = random.Random(text)
    picture = Image.new("RGB", BANNER_SIZE, dark)
    draw = ImageDraw.Draw(picture)
    for x in range(0, width + height, 4):  # diagonal gradient, drawn as slanted stripes
        ratio = x / (width + height)
        shade = tuple(int(d + (li - d) * ratio) for d, li in zip(dark, light, strict=True))
        draw.line([(x, 0), (x - height, height)], fill=shade, width=5)
    overlay = Image.new("RGBA", BANNER_SIZE, (0, 0, 0, 0))
    shapes = ImageDraw.Draw(overlay)
    for _ in range(6):
        radius = rng.randint(60, 220)
        cx, cy = rng.randint(0, width), rng.randint(0, height)
        shapes.ellipse([cx - radius, cy - radius, cx + radius, cy + radius],
                       fill=(*WHITE, rng.randint(18, 45)))
    picture = Image.alpha_composite(picture.convert("RGBA"), overlay).convert("RGB")
    draw = ImageDraw.Draw(picture)
    y = height - 150
    draw.line([(120, y), (width - 120, y)], fill=WHITE, width=4)
    for step in range(5):
        x = 120 + step * (width - 240) // 4
        draw.ellipse([x - 22, y - 22, x + 22, y + 22], fill=dark, outline=WHITE, width=6)
    size = 72
    font, accents = _font(size)
    text = _fit(text, accents)
    while draw.textlength(text, font=font) > width - 200 and size > 28:
        size -= 4
        font, accents = _font(size)
    draw.text((100, 150), text, fill=WHITE, font=font)
    return _encode(picture, "JPEG")


def draw_logo(initials: str, colour: int) -> bytes:
    """A square logo: initials in white on a rounded tile of one of the palette's dark colours."""
    dark, light = PALETTE[colour % len(PALETTE)]
    picture = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), WHITE)
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle([16, 16, LOGO_SIZE - 16, LOGO_SIZE - 16], radius=72, fill=dark)
    draw.arc([70, 70, LOGO_SIZE - 70, LOGO_SIZE - 70], 200, 340, fill=light, width=14)
    font, accents = _font(150 if len(initials) <= 2 else 110)
    initials = _fit(initials, accents)
    left, top, right, bottom = draw.textbbox((0, 0), initials, font=font)
    draw.text(((LOGO_SIZE - (right - left)) / 2 - left, (LOGO_SIZE - (bottom - top)) / 2 - top),
              initials, fill=WHITE, font=font)
    return _encode(picture, "PNG")


def get_or_create_image(log: Report, title: str, *, description: str, text: str = "",
                        colour: int = 0, logo: bool = False) -> AbstractImage:
    """The Wagtail image titled ``title``; drawn and saved the first time it is asked for.

    ``description`` fills the image's description (its default alternative text in the admin);
    page templates still show these images as decorative.
    """
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        log.count("images", created=False)
        return existing
    data = draw_logo(text, colour) if logo else draw_banner(text or title, colour)
    picture = model(title=title)
    if any(f.name == "description" for f in model._meta.get_fields()):  # Wagtail ≥ 6.3
        picture.description = description
    name = f"demo-{'logo' if logo else 'banniere'}-{slugify(title)[:60]}.{'png' if logo else 'jpg'}"
    picture.file = ImageFile(io.BytesIO(data), name=name)
    picture.save()
    log.count("images", created=True)
    return picture
