"""`tacitus evaluate` and `tacitus explain`: measuring the coder and showing its reasoning."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Optional

import typer

from tacitus.cli.common import (
    ACTORS_OPTION,
    BACKOFF_OPTION,
    LEXICON_OPTION,
    MODEL_OPTION,
    WIDE_OPTION,
    engine_options,
    parse_day,
)
from tacitus.cli.display import clean, console, print_table, safe


def register(app: typer.Typer) -> None:
    app.command()(evaluate)
    app.command()(explain)


def evaluate(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="Gold JSONL: sentence or article records, or event mentions with --articles."),
    model: str = MODEL_OPTION,
    actors: list[Path] = ACTORS_OPTION,
    lexicon: list[Path] = LEXICON_OPTION,
    backoff: bool = BACKOFF_OPTION,
    errors: int = typer.Option(0, "--errors", help="Also list this many misses, with the rule that fired."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    wide: bool = WIDE_OPTION,
    articles: Optional[Path] = typer.Option(None, "--articles", exists=True, dir_okay=False,
                                            help="Article gold: GOLD holds event mentions of these articles; every "
                                                 "predicted event is scored (ANNOTATION_GUIDE form)."),
    strict: bool = typer.Option(False, "--strict", help="With --articles: BORDERLINE gold is neutral."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", exists=True, dir_okay=False,
                                               help="With --articles: score these records (tacitus code JSONL) "
                                                    "instead of coding the articles."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0,
                                         help="With --articles: score only records at least this confident."),
    verify: bool = typer.Option(True, "--verify/--no-verify", help="Filter and score records with the learned "
                                                                   "verifier (--no-verify: the rules alone)."),
) -> None:
    """Score the coder on gold events: per-type P/R/F1, type accuracy, triple P/R/F1; with
    --articles, mention-level P/R/F1 (all and strict), per-type and per-article tables, accuracy
    of factuality, date and place on matches, and a reliability table of the confidence."""
    from tacitus.api import Coder
    from tacitus.events.evaluate import read_gold, score

    if articles is not None:
        from tacitus.cli import evaluate_articles

        evaluate_articles.run(gold, articles, engine_options(model, actors, lexicon, backoff, verify),
                              predictions_path=predictions, strict=strict, errors=errors, as_json=as_json,
                              min_confidence=min_confidence)
        return
    try:
        documents = read_gold(gold)
    except ValueError as err:
        raise typer.BadParameter(clean(err, one_line=True), param_hint="GOLD") from None
    coder = Coder(engine_options(model, actors, lexicon, backoff, verify))
    coded = ((r.article, r.events) for r in coder.results(d.article for d in documents))
    scores = score(documents, coded)
    if as_json:
        typer.echo(json.dumps({**scores.as_dict(), "misses": scores.misses[:errors]}, indent=2))
        return
    rows = [(event_type, str(row["gold"]), str(row["predicted"]), f"{row['precision']:.2f}", f"{row['recall']:.2f}",
             f"{row['f1']:.2f}") for event_type, row in scores.per_type.items()]
    print_table(f"tacitus evaluate {gold.name}: {scores.gold_events} gold events",
                ("type", "gold", "predicted", "precision", "recall", "F1"), rows, wide=wide)
    out = console()
    for miss in scores.misses[:errors]:
        out.print(f"[yellow]{safe(miss['id'])}[/yellow] {safe(miss['sentence'])}\n  gold {safe(miss['gold'])}\n"
                  f"  got  {safe(miss['predicted'])} via {safe(repr(miss['trigger']))} {safe(miss['rule'])}")
    typer.echo(f"type accuracy: {scores.type_accuracy:.3f}")
    typer.echo(f"triple precision: {scores.triple_precision:.3f}  recall: {scores.triple_recall:.3f}  "
               f"F1: {scores.triple_f1:.3f}")


def explain(
    sentence: str = typer.Argument(..., help="The sentence (or short text) to explain."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD."),
    model: str = MODEL_OPTION,
    actors: list[Path] = ACTORS_OPTION,
    lexicon: list[Path] = LEXICON_OPTION,
    backoff: bool = BACKOFF_OPTION,
) -> None:
    """Show the parse, the actors and how they resolved, and why each trigger did or did not
    become an event: the decisions of the very run that gives `tacitus code` its events."""
    from tacitus.api import Coder

    coder = Coder(engine_options(model, actors, lexicon, backoff))
    explanation = coder.explain(sentence, parse_day(published, "--published"), doc_id="explain")
    ctx = explanation.context
    out = console()
    for traced in explanation.sentences:
        sent = traced.sentence
        rows = []
        for token in sent:
            mention = ctx.token_mentions.get(token.i)
            rows.append((str(token.i), token.text, token.lemma_, token.pos_, token.dep_, f"{token.head.i} {token.head.text}",
                         token.ent_type_ or "", (mention.code or mention.sector or "?") if mention else ""))
        print_table(f"sentence {traced.index}: dependency parse",
                    ("#", "token", "lemma", "pos", "dep", "head", "entity", "actor"), rows, out=out, wide=True)
        mentions = [m for m in ctx.mentions if sent.start <= m.start < sent.end]
        out.print("[bold]actors[/bold]" if mentions else "[bold]actors[/bold]: none found")
        for mention in mentions:
            out.print(f"  {safe(repr(mention.text))} -> {safe(mention.code or '?')}"
                      f"{' (' + safe(mention.name) + ')' if mention.name else ''}: {safe(mention.why)}")
        decisions = traced.decisions
        out.print("[bold]triggers[/bold]" if decisions else "[bold]triggers[/bold]: no word of this sentence is in the lexicon")
        records = [event.to_dict() for decision in decisions for event in decision.events]
        verifier = coder.engine.verifier
        verdicts = iter(verifier.verdicts(records, sentence, ctx.doc) if verifier else ())
        records = iter(records)
        for decision in decisions:
            entry = f" [{decision.entry.cameo} via {decision.entry.origin}]" if decision.entry else ""
            out.print(f"  {safe(repr(decision.token.text))} ({safe(decision.pos)} '{safe(decision.lemma)}'){safe(entry)}: "
                      f"{safe(decision.outcome)}")
            for record in itertools.islice(records, len(decision.events)):
                probability, verdict = next(verdicts, (None, "not verified"))
                _print_record(out, record, "    -> ",
                              f" | verifier {probability:.2f}: {verdict}" if probability is not None else "")
        for event in traced.backed_off:
            _print_record(out, event.to_dict(), "  back-off -> ")
        final = explanation.events_of(traced.index)
        out.print(f"[bold]events[/bold] (as `tacitus code` gives them, after the article-level passes and the "
                  f"verifier): {len(final)}")
        for event in final:
            _print_record(out, event.to_dict(), "  ")


def _print_record(out, record: dict, prefix: str, suffix: str = "") -> None:
    out.print(safe(f"{prefix}{record['event']} {record['cameo']} "
                   f"{(record['source'] or {}).get('code')} -> {(record['target'] or {}).get('code')} "
                   f"[{record['factuality']}] date={record['date']} place="
                   f"{(record['location'] or {}).get('name')} rule={record['evidence']['rule']}" + suffix))
