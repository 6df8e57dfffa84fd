"""A seeded generator of hostile and broken inputs: one file (or link, or directory) per input.

Every kind the hostile-input issue lists is covered: Rich markup and terminal escape sequences in
text, titles, fields and file names; deep JSON; broken JSONL, CSV, HTML, feeds and WARC archives;
binary, empty, wrongly encoded and UTF-16/32 files; link loops, dangling links, unsupported types;
and random byte mutations of valid inputs. The sentences are written for this generator.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
from collections.abc import Callable
from pathlib import Path

# Strings that must never act on a terminal: markup Rich would interpret, escape sequences
# (clear screen, OSC 52 clipboard, OSC 8 hyperlink, 8-bit CSI), bidi overrides, emoji codes.
HOSTILE = (
    "[/]", "[/x]", "[red]x", "[link=http://evil.invalid]click[/link]", "[bold", "\x1b]52;c;cm0gLXJmIH4=\x07",
    "\x1b[2J", "\x1b]8;;http://evil.invalid\x1b\\here\x1b]8;;\x1b\\", "\u202egnp.exe", "\x9b31m", ":smile:",
    "\\", "%s%n", "{0}", "\x7f", "\x1bP1;2|x\x1b\\", "\x1b", "\x1b[?1049h",
)
# For file names: no NUL, ":" or "#" (readers use them in origins); "[/]" becomes a directory
# "[" holding a file whose name starts with "]", so that the path reads ".../[/]...".
HOSTILE_NAMES = ("[red]", "[/]", "\x1b[2J", "\u202e", "[link=x]", "\x1b]52;c;aGk=\x07", " ", "'", "\t")

COUNTRIES = ("Iran", "Egypt", "Turkey", "Norway", "Brazil", "Kenya", "Japan", "Chile", "Ghana", "Peru")
VERBS = ("rejected", "accepted", "welcomed", "condemned", "criticized", "praised")
OBJECTS = ("a proposal for talks", "an offer of aid", "the ceasefire plan", "a request for a meeting")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
FILLER = ("The spokesman told reporters that the government would consider the matter further and that "
          "officials from both sides were expected to meet again before the end of the month.")


def sentence(rng: random.Random) -> str:
    first, second = rng.sample(COUNTRIES, 2)
    return (f"{first} {rng.choice(VERBS)} {rng.choice(OBJECTS)} from {second} on {rng.choice(DAYS)}, "
            f"the foreign ministry said.")


def article(rng: random.Random, hostile: bool = False) -> str:
    text = sentence(rng) + " " + FILLER
    if hostile:
        at = rng.randrange(len(text))
        text = text[:at] + rng.choice(HOSTILE) + text[at:]
    return text


def day(rng: random.Random) -> str:
    return f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def row(rng: random.Random, hostile: bool = False) -> dict:
    record = {"id": f"r{rng.getrandbits(40):x}", "text": article(rng, hostile), "published": day(rng),
              "title": sentence(rng)}
    if hostile:
        field = rng.choice(("title", "lang", "published", "id", "outlet", "url"))
        record[field] = rng.choice(HOSTILE) + (record.get(field) or "")
    return record


# -- kinds of input: each returns the bytes of one file (its suffix comes with the kind) --------

def text_valid(rng):
    return ".txt", (sentence(rng) + "\n\n" + article(rng)).encode()


def text_hostile(rng):
    return rng.choice((".txt", ".md")), (rng.choice(HOSTILE) + sentence(rng) + "\n\n" + article(rng, True)).encode()


def jsonl_valid(rng):
    return ".jsonl", "".join(json.dumps(row(rng)) + "\n" for _ in range(rng.randint(1, 3))).encode()


def jsonl_hostile(rng):
    return ".jsonl", "".join(json.dumps(row(rng, True)) + "\n" for _ in range(rng.randint(1, 3))).encode()


def jsonl_deep(rng):
    depth = rng.choice((100, 1000, 100_000))
    opener = rng.choice(("[", '{"a":'))
    return ".jsonl", (opener * depth + "\n" + json.dumps(row(rng)) + "\n").encode()


def jsonl_broken(rng):
    lines = [b'{"id": "x", "text": ', b"[1, 2, 3]", b'"just a string"', b'{"id": "n", "text": null}',
             b'{"id": "k", "text": 42}', b'{"id": "u", "text": "caf\xe9 talks were held on Monday"}',
             b'{"id": "e", "text": ""}', b"\xef\xbb\xbf" + json.dumps(row(rng)).encode(), b"null", b"{}"]
    return ".jsonl", b"\n".join(rng.sample(lines, rng.randint(1, 4))) + b"\n"


def jsonl_repeated_ids(rng):
    rows = [row(rng) for _ in range(3)]
    for item in rows:
        item["id"] = "same-id"
    return ".jsonl", "".join(json.dumps(r) + "\n" for r in rows).encode()


def csv_valid(rng):
    lines = ["id,text,published"] + [f'c{i},"{article(rng)}",{day(rng)}' for i in range(rng.randint(1, 3))]
    return ".csv", ("\n".join(lines) + "\n").encode()


def csv_broken(rng):
    return ".csv", rng.choice((b"id,text,published\n", b"id,text\n1,\"unclosed quote\n2,x,y,z\n",
                               b"", b"\x00\x00id,text\n", "id,text\n1,[/] x\n".encode("utf-16")))


def html_valid(rng):
    return ".html", (f"<html><head><title>{sentence(rng)}</title></head><body><article><p>{article(rng)}</p>"
                     "</article></body></html>").encode()


def html_hostile(rng):
    page = rng.choice((
        f'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><html><body><p>&b;{article(rng)}</p>',
        f"<html><title>{rng.choice(HOSTILE)}</title><body><p>{article(rng, True)}</p></body></html>",
        "<html><body><script>alert(1)</script></body></html>", "<html><body><div>" * 3000, "",
    ))
    return ".html", page.encode()


def feed(rng, broken: bool = False):
    entries = "".join(f"<item><title>{sentence(rng)}</title><description>{article(rng)}</description>"
                      f"<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item>" for _ in range(rng.randint(1, 3)))
    body = f"<rss version='2.0'><channel><title>Wire {rng.choice(HOSTILE)}</title>{entries}</channel></rss>"
    return ".rss", (body[: rng.randrange(len(body) // 2, len(body))] if broken else body).encode()


def feed_broken(rng):
    return feed(rng, broken=True)


def warc(rng, cut: bool = False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    compressed = rng.random() < 0.5
    writer = WARCWriter(buffer, gzip=compressed)
    for n in range(rng.randint(1, 3)):
        page = f"<html><body><article><p>{article(rng)}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{n}", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))
    data = buffer.getvalue()
    if cut:
        data = data[: rng.randrange(len(data) // 3, len(data) - 1)]
    return (".warc.gz" if compressed else ".warc"), data


def warc_cut(rng):
    return warc(rng, cut=True)


def endless_gzip(rng):
    # A small gzip member that inflates to many megabytes of one byte: a decompression bomb.
    return ".warc.gz", gzip.compress(b"\x00" * rng.choice((1 << 20, 8 << 20)))


def encoded(rng):
    text = article(rng)
    return ".txt", rng.choice((text.encode("utf-16"), text.encode("utf-32"), text.encode("utf-16-be"),
                               text.encode("latin-1") + "é".encode("latin-1"), "\ufeff".encode() + text.encode()))


def junk(rng):
    return rng.choice((".txt", ".jsonl", ".html")), rng.choice((
        b"", b"   \n ", bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 4000))), b"\x00" * 100,
        (article(rng) + "\x1b[2J" * 50).encode()))


def oversized(rng):
    return ".txt", (article(rng) + " ") * 40_000  # ~9 MB: over the text budget of the default --max-chars


VALID: tuple[Callable, ...] = (text_valid, jsonl_valid, csv_valid, html_valid, feed, warc)
BROKEN: tuple[Callable, ...] = (text_hostile, jsonl_hostile, jsonl_deep, jsonl_broken, jsonl_repeated_ids,
                                csv_broken, html_hostile, feed_broken, warc_cut, endless_gzip, encoded, junk)


def mutate(rng: random.Random, data: bytes) -> bytes:
    """Random byte edits of a valid input: flips, hostile insertions, deletions, truncation."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not data:
            break
        at = rng.randrange(len(data))
        operation = rng.randrange(5)
        if operation == 0:
            data[at] ^= 1 << rng.randrange(8)
        elif operation == 1:
            data[at:at] = rng.choice(HOSTILE).encode("utf-8", "surrogatepass")
        elif operation == 2:
            del data[at: at + rng.randint(1, 64)]
        elif operation == 3:
            data[at:at] = bytes(rng.choice((b"\x00", b"\xff", b"{", b"[", b'"', b"\n", b"\r", b",", b"<")))
        else:
            del data[at:]
    return bytes(data)


def _name(rng: random.Random, index: int, kind: str) -> str:
    hostile = rng.choice(HOSTILE_NAMES) if rng.random() < 0.15 else ""
    return f"{index:04d}-{kind}{hostile}".replace("[/]", f"[/]{index:04d}-")


def _special(rng: random.Random, root: Path, index: int) -> Path:
    """A path that is not a plain readable file: link loop, dangling link, unsupported type, empty dir."""
    choice = rng.randrange(4)
    path = root / _name(rng, index, ("loop", "dangling", "pdf", "emptydir")[choice])
    path.parent.mkdir(exist_ok=True)
    if choice == 0:
        path = path.with_name(path.name + ".txt")
        path.symlink_to(path)
    elif choice == 1:
        path = path.with_name(path.name + ".txt")
        path.symlink_to(root / f"missing-{index}.txt")
    elif choice == 2:
        path = path.with_name(path.name + ".pdf")
        path.write_bytes(b"%PDF-1.4\n" + bytes(rng.getrandbits(8) for _ in range(200)))
    else:
        path.mkdir()
    return path


def generate(root: Path, count: int, seed: int = 17) -> list[Path]:
    """Write `count` inputs under `root` (created); returns their paths, one per input."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        roll = rng.random()
        if roll < 0.04:
            paths.append(_special(rng, root, index))
            continue
        if roll < 0.40:
            make = rng.choice(VALID)
            kind = make.__name__ + "-mutated"
            suffix, data = make(rng)
            data = mutate(rng, data)
        elif roll < 0.70:
            make = rng.choice(BROKEN)
            kind = make.__name__
            suffix, data = make(rng)
        else:
            make = rng.choice(VALID)
            kind = make.__name__
            suffix, data = make(rng)
        path = root / (_name(rng, index, kind) + suffix)
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
        paths.append(path)
    if count >= 500:  # one oversized file, so the byte budget is exercised at full size only
        suffix, data = oversized(rng)
        paths.append(root / f"{count:04d}-oversized{suffix}")
        paths[-1].write_bytes(data.encode())
    return paths


def gold_file(root: Path, seed: int = 17) -> Path:
    """Gold records for `tacitus evaluate`, with hostile strings in sentences and ids."""
    rng = random.Random(seed)
    lines = []
    for n in range(8):
        text = article(rng, hostile=n % 2 == 1)
        lines.append(json.dumps({"id": f"g{n}{rng.choice(HOSTILE)}", "text": text, "event": "REJECT",
                                 "source": [{"code": "IRN"}], "target": [{"code": "USA"}]}))
    path = root / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def account(paths: list[Path], origins: list[str]) -> list[Path]:
    """The generated paths no reader item names (every input must appear in the summary)."""
    named = set()
    for origin in origins:
        named.add(origin)
        for separator in (":", "#"):
            named.add(origin.rsplit(separator, 1)[0])
    return [path for path in paths if str(path) not in named and os.fspath(path) not in named]
