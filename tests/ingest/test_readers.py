import datetime as dt
import io
import json

import pytest

from tacitus.ingest import ReadOptions, read_inputs
from tacitus.ingest.readers import read_stdin
from tacitus.records import Article, Skip

STORY = (
    "Iran rejected a US proposal for talks on Monday, the foreign ministry said. "
    "The spokesman told reporters that the government would not negotiate under pressure "
    "and that the offer had been passed on by a third country."
)


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def skips(items):
    return [i for i in items if isinstance(i, Skip)]


def test_text_file_gets_a_stable_content_id_and_a_title(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Iran rejects talks\n\n" + STORY, encoding="utf-8")
    first = list(read_inputs([path]))
    second = list(read_inputs([path]))
    assert len(first) == 1 and isinstance(first[0], Article)
    assert first[0].doc_id == second[0].doc_id and len(first[0].doc_id) == 16
    assert first[0].title == "Iran rejects talks"
    assert first[0].text.endswith("third country.")


def test_directory_is_read_recursively_and_unknown_files_are_named(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(STORY.replace("Iran", "Syria"), encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    items = list(read_inputs([tmp_path]))
    assert len(articles(items)) == 2
    assert [(s.origin, s.reason) for s in skips(items)] == [(str(tmp_path / "image.png"), "unsupported file type '.png'")]


def test_published_option_fills_undated_articles_and_records_its_source(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    [article] = read_inputs([path], ReadOptions(published=dt.date(2017, 11, 4)))
    assert article.published == dt.date(2017, 11, 4) and article.published_source == "cli"


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x00\x01\x02binary\x00junk" * 10, "binary"),
        ("Caf\u00e9 talks ".encode("latin-1") * 20, "not valid UTF-8"),
    ],
)
def test_bad_text_files_are_skipped_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [item] = read_inputs([path])
    assert isinstance(item, Skip) and reason in item.reason


def test_non_english_text_is_skipped(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(
        "Le gouvernement iranien a rejeté lundi une proposition américaine de négociations, "
        "a indiqué le ministère des affaires étrangères. Le porte-parole a déclaré aux journalistes "
        "que le pays ne négocierait pas sous la pression et que l'offre avait été transmise par un pays tiers.",
        encoding="utf-8",
    )
    [item] = read_inputs([path])
    assert isinstance(item, Skip) and "English" in item.reason


def test_missing_path_is_a_skip_not_a_crash(tmp_path):
    [item] = read_inputs([tmp_path / "nope.txt"])
    assert isinstance(item, Skip) and "no such file" in item.reason


def test_jsonl_rows_keep_extra_columns_and_skip_broken_lines(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "T", "text": STORY, "published": "2017-11-04", "outlet": "Wire",
                    "url": "https://example.org/a1", "section": "world"}),
        "{not json",
        json.dumps({"id": "a2", "title": "No text"}),
        json.dumps({"id": "a3", "text": STORY, "published": "sometime soonish maybe"}),
        json.dumps(["a", "list"]),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_inputs([path]))
    assert len(items) == 5  # the blank line is not an article
    good = articles(items)[0]
    assert (good.doc_id, good.outlet, good.published, good.metadata) == ("a1", "Wire", dt.date(2017, 11, 4), {"section": "world"})
    reasons = [s.reason for s in skips(items)]
    assert any("malformed JSON" in r for r in reasons)
    assert any("missing text" in r for r in reasons)
    assert any("unreadable date" in r for r in reasons)
    assert any("expected an object" in r for r in reasons)
    assert all(s.origin.startswith(str(path) + ":") for s in skips(items))


def test_jsonl_field_names_are_configurable(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"uid": "x", "body": STORY, "day": "2013-09-24"}) + "\n", encoding="utf-8")
    [article] = read_inputs([path], ReadOptions(id_field="uid", text_field="body", published_field="day"))
    assert article.doc_id == "x" and article.published == dt.date(2013, 9, 24)


def test_csv_with_alternative_column_names_and_a_malformed_row(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        'date,text,source\n2019-03-01,"' + STORY + '",Guardian\n2019-03-02,"' + STORY + '",Guardian,extra\n',
        encoding="utf-8",
    )
    items = list(read_inputs([path]))
    [article] = articles(items)
    assert article.published == dt.date(2019, 3, 1) and article.outlet == "Guardian"
    [skip] = skips(items)
    assert "malformed CSV row" in skip.reason and skip.origin.endswith(":3")


def test_html_main_text_title_and_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Talks rejected</title><meta name='date' content='2017-11-04'></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Talks rejected</h1><p>" + STORY + "</p><p>" + STORY +
        "</p></article><footer>All rights reserved</footer></body></html>",
        encoding="utf-8",
    )
    [article] = read_inputs([path])
    assert isinstance(article, Article)
    assert "Iran rejected a US proposal" in article.text and "Home | World" not in article.text
    assert article.title == "Talks rejected"
    assert article.published == dt.date(2017, 11, 4) and article.published_source == "html-meta"


def test_html_without_text_is_skipped(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>menu</nav></body></html>", encoding="utf-8")
    [item] = read_inputs([path])
    assert isinstance(item, Skip)


def test_rss_feed_entries_become_articles(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(
        f"""<?xml version="1.0"?><rss version="2.0"><channel><title>World Wire</title>
        <item><title>One</title><link>https://example.org/1</link><guid>g1</guid>
        <pubDate>Sat, 04 Nov 2017 10:00:00 GMT</pubDate><description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>
        <item><title>Two</title><link>https://example.org/2</link><description></description></item>
        </channel></rss>""",
        encoding="utf-8",
    )
    items = list(read_inputs([path]))
    [article] = articles(items)
    assert (article.doc_id, article.outlet, article.published, article.url) == (
        "g1", "World Wire", dt.date(2017, 11, 4), "https://example.org/1")
    assert "<p>" not in article.text
    assert len(skips(items)) == 1


def test_broken_feed_is_skipped(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text("<rss><channel><item>", encoding="utf-8")
    entry, rest = read_inputs([path])
    assert isinstance(entry, Skip) and entry.reason == "missing text"
    assert rest.origin.endswith("broken.xml#2") and "feed broken after entry 1" in rest.reason


def test_warc_html_responses(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n, body in enumerate([f"<html><body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>", "{}"]):
            content_type = "text/html; charset=utf-8" if n == 0 else "application/json"
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://example.org/{n}", "response",
                                               payload=io.BytesIO(body.encode()), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2017-11-04T08:00:00Z"})
            writer.write_record(record)
    [article] = read_inputs([path])
    assert isinstance(article, Article)
    assert article.url == "https://example.org/0"
    assert article.published == dt.date(2017, 11, 4) and article.published_source == "warc-header"


def test_stdin_plain_text_and_jsonl():
    [article] = read_stdin(io.BytesIO(STORY.encode()), ReadOptions())
    assert isinstance(article, Article) and article.origin == "<stdin>"
    items = list(read_stdin(io.BytesIO((json.dumps({"id": "s", "text": STORY}) + "\n{bad\n").encode()), ReadOptions()))
    assert [type(i) for i in items] == [Article, Skip]


def test_huge_text_is_skipped_not_loaded_into_the_pipeline(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": STORY * 20000}) + "\n", encoding="utf-8")
    [item] = read_inputs([path], ReadOptions(max_chars=100_000))
    assert isinstance(item, Skip) and "too large" in item.reason
