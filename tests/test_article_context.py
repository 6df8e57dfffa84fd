"""The per-article context: each token's actor mention, looked up once for every stage."""

from tacitus.actors import Mention
from tacitus.context import ArticleContext
from tacitus.records import ActorRef, Article


def test_every_token_of_a_mention_finds_it_and_the_first_of_overlapping_mentions_wins(nlp):
    text = "Danish troops left Mali."
    doc = nlp(text)
    troops = Mention(0, 2, "Danish troops", (0, 13), "DNKMIL", "DNK", "MIL", None, None, "agent", "test")
    danish = Mention(0, 1, "Danish", (0, 6), "DNK", "DNK", None, None, None, "country", "test")
    mali = Mention(3, 4, "Mali", (19, 23), "MLI", "MLI", None, "Mali", "MLI", "country", "test")
    ctx = ArticleContext(Article(doc_id="c", text=text), doc, [troops, danish, mali])
    assert ctx.token_mentions[0] is troops and ctx.token_mentions[1] is troops
    assert 2 not in ctx.token_mentions and ctx.token_mentions[3] is mali
    ref = ctx.token_mentions[0].to_actor_ref()
    assert isinstance(ref, ActorRef) and (ref.code, ref.span) == ("DNKMIL", (0, 13))
