"""Demo images drawn locally with Pillow (nothing is downloaded)."""

from __future__ import annotations

import io

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

# DSFR-like colours (blue France, red Marianne and illustrative families).
PALETTE = [
    ((0, 0, 145), (106, 106, 244)),
    ((225, 0, 15), (255, 140, 140)),
    ((0, 122, 90), (140, 220, 190)),
    ((199, 95, 0), (255, 200, 130)),
    ((109, 46, 145), (200, 160, 230)),
    ((0, 99, 203), (150, 200, 255)),
]


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


def _banner(text: str, index: int) -> bytes:
    dark, light = PALETTE[index % len(PALETTE)]
    width, height = 1200, 630
    image = Image.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    for step in range(0, height, 6):  # vertical gradient
        ratio = step / height
        colour = tuple(int(d + (li - d) * ratio) for d, li in zip(dark, light, strict=True))
        draw.rectangle([0, step, width, step + 6], fill=colour)
    for n in range(5):  # a few circles, like stages on a journey
        x = 180 + n * 210
        draw.ellipse([x - 60, 420 - 60, x + 60, 420 + 60], outline=(255, 255, 255), width=6)
    draw.line([120, 420, 1080, 420], fill=(255, 255, 255), width=4)
    draw.text((80, 120), text, fill=(255, 255, 255), font=_font(56))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _logo(initials: str, index: int) -> bytes:
    dark, _light = PALETTE[index % len(PALETTE)]
    image = Image.new("RGB", (400, 400), dark)
    draw = ImageDraw.Draw(image)
    draw.ellipse([40, 40, 360, 360], outline=(255, 255, 255), width=10)
    font = _font(120)
    box = draw.textbbox((0, 0), initials, font=font)
    draw.text(((400 - (box[2] - box[0])) / 2, (400 - (box[3] - box[1])) / 2 - box[1]), initials,
              fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def get_or_create_image(title: str, *, kind: str = "banner", index: int = 0, text: str = ""):
    """The Wagtail image titled ``title``, drawn the first time it is asked for."""
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = _logo(text, index) if kind == "logo" else _banner(text or title, index)
    filename = f"demo-{kind}-{abs(hash(title)) % 10**8}.png"
    image = model(title=title)
    if hasattr(image, "description"):
        image.description = title
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image
