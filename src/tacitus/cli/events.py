"""`tacitus evaluate` and `tacitus explain`: measuring the coder and showing its reasoning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from tacitus.cli.app import (
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
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold JSONL (sentence or article records)."),
    model: str = MODEL_OPTION,
    actors: list[Path] = ACTORS_OPTION,
    lexicon: list[Path] = LEXICON_OPTION,
    backoff: bool = BACKOFF_OPTION,
    errors: int = typer.Option(0, "--errors", help="Also list this many misses, with the rule that fired."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    wide: bool = WIDE_OPTION,
) -> None:
    """Score the coder on gold events: per-type P/R/F1, type accuracy, triple P/R/F1."""
    from tacitus.events.evaluate import read_gold, score
    from tacitus.pipeline import Engine

    try:
        documents = read_gold(gold)
    except ValueError as err:
        raise typer.BadParameter(clean(err, one_line=True), param_hint="GOLD") from None
    engine = Engine(engine_options(model, actors, lexicon, backoff))
    coded = ((r.article, r.events) for r in engine.code_articles(d.article for d in documents))
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
) -> None:
    """Show the parse, the actors and how they resolved, and why each trigger did or did not
    become an event."""
    from tacitus.pipeline import Engine
    from tacitus.records import Article

    engine = Engine(engine_options(model, actors, lexicon))
    article = Article(doc_id="explain", text=sentence, published=parse_day(published, "--published"))
    ctx = engine.context(article, engine.nlp(sentence))
    out = console()
    for index, sent in enumerate(ctx.doc.sents):
        rows = []
        for token in sent:
            mention = ctx.token_mentions.get(token.i)
            rows.append((str(token.i), token.text, token.lemma_, token.pos_, token.dep_, f"{token.head.i} {token.head.text}",
                         token.ent_type_ or "", (mention.code or mention.sector or "?") if mention else ""))
        print_table(f"sentence {index}: dependency parse", ("#", "token", "lemma", "pos", "dep", "head", "entity", "actor"),
                    rows, out=out, wide=True)
        mentions = [m for m in ctx.mentions if sent.start <= m.start < sent.end]
        out.print("[bold]actors[/bold]" if mentions else "[bold]actors[/bold]: none found")
        for mention in mentions:
            out.print(f"  {safe(repr(mention.text))} -> {safe(mention.code or '?')}"
                      f"{' (' + safe(mention.name) + ')' if mention.name else ''}: {safe(mention.why)}")
        decisions = engine.coder.decide(sent, ctx)
        out.print("[bold]triggers[/bold]" if decisions else "[bold]triggers[/bold]: no word of this sentence is in the lexicon")
        for decision in decisions:
            entry = f" [{decision.entry.cameo} via {decision.entry.origin}]" if decision.entry else ""
            out.print(f"  {safe(repr(decision.token.text))} ({safe(decision.pos)} '{safe(decision.lemma)}'){safe(entry)}: "
                      f"{safe(decision.outcome)}")
            for event in decision.events:
                record = event.to_dict()
                out.print(safe(f"    -> {record['event']} {record['cameo']} "
                               f"{(record['source'] or {}).get('code')} -> {(record['target'] or {}).get('code')} "
                               f"[{record['factuality']}] date={record['date']} place="
                               f"{(record['location'] or {}).get('name')} rule={record['evidence']['rule']}"))
