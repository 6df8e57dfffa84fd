"""`tacitus evaluate` and `tacitus explain`: measuring the coder and showing its reasoning."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tacitus.cli.app import ACTORS_OPTION, BACKOFF_OPTION, LEXICON_OPTION, MODEL_OPTION, engine_options, parse_day


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
    from tacitus.events.evaluate import read_gold, score
    from tacitus.pipeline import Engine

    if articles is not None:
        from tacitus.cli import evaluate_articles

        evaluate_articles.run(gold, articles, engine_options(model, actors, lexicon, backoff, verify),
                              predictions_path=predictions, strict=strict, errors=errors, as_json=as_json,
                              min_confidence=min_confidence)
        return
    try:
        documents = read_gold(gold)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="GOLD") from None
    engine = Engine(engine_options(model, actors, lexicon, backoff, verify))
    coded = ((r.article, r.events) for r in engine.code_articles(d.article for d in documents))
    scores = score(documents, coded)
    if as_json:
        typer.echo(json.dumps({**scores.as_dict(), "misses": scores.misses[:errors]}, indent=2))
        return
    console = Console()
    table = Table(title=f"tacitus evaluate {gold.name}: {scores.gold_events} gold events")
    for column in ("type", "gold", "predicted", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for event_type, row in scores.per_type.items():
        table.add_row(event_type, str(row["gold"]), str(row["predicted"]), f"{row['precision']:.2f}",
                      f"{row['recall']:.2f}", f"{row['f1']:.2f}")
    console.print(table)
    for miss in scores.misses[:errors]:
        console.print(f"[yellow]{miss['id']}[/yellow] {miss['sentence']}\n  gold {miss['gold']}\n  got  {miss['predicted']}"
                      f" via {miss['trigger']!r} {miss['rule']}", highlight=False)
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
    console = Console()
    for index, sent in enumerate(ctx.doc.sents):
        parse = Table(title=f"sentence {index}: dependency parse", show_lines=False)
        for column in ("#", "token", "lemma", "pos", "dep", "head", "entity", "actor"):
            parse.add_column(column)
        for token in sent:
            mention = ctx.token_mentions.get(token.i)
            parse.add_row(str(token.i), token.text, token.lemma_, token.pos_, token.dep_,
                          f"{token.head.i} {token.head.text}", token.ent_type_ or "",
                          (mention.code or mention.sector or "?") if mention else "")
        console.print(parse)
        mentions = [m for m in ctx.mentions if sent.start <= m.start < sent.end]
        console.print("[bold]actors[/bold]" if mentions else "[bold]actors[/bold]: none found")
        for mention in mentions:
            console.print(f"  {mention.text!r} -> {mention.code or '?'}"
                          f"{' (' + mention.name + ')' if mention.name else ''}: {mention.why}", highlight=False)
        decisions = engine.coder.decide(sent, ctx)
        console.print("[bold]triggers[/bold]" if decisions else "[bold]triggers[/bold]: no word of this sentence is in the lexicon")
        records = [event.to_dict() for decision in decisions for event in decision.events]
        verdicts = iter(engine.verifier.verdicts(records, sentence) if engine.verifier else ())
        records = iter(records)
        for decision in decisions:
            entry = f" [{decision.entry.cameo} via {decision.entry.origin}]" if decision.entry else ""
            console.print(f"  {decision.token.text!r} ({decision.pos} '{decision.lemma}'){entry}: {decision.outcome}",
                          highlight=False)
            for record in itertools.islice(records, len(decision.events)):
                probability, verdict = next(verdicts, (None, "not verified"))
                console.print(escape(f"    -> {record['event']} {record['cameo']} "
                              f"{(record['source'] or {}).get('code')} -> {(record['target'] or {}).get('code')} "
                              f"[{record['factuality']}] date={record['date']} place="
                              f"{(record['location'] or {}).get('name')} rule={record['evidence']['rule']}"
                              + (f" | verifier {probability:.2f}: {verdict}" if probability is not None else "")),
                              highlight=False)
