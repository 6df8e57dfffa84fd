"""Feeds and WARC archives cut short: what was read is kept, what was lost is named."""

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tacitus.ingest import read_inputs
from tacitus.records import Article, Skip

PAGE = ("<html><body><article><p>{n}: Iran rejected a US proposal for talks on Monday, the foreign ministry "
        "said. The spokesman told reporters that the government would not negotiate under pressure and that "
        "the offer had been passed on by a third country.</p></article></body></html>")


def warc_bytes(pages: int, gzip: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for n in range(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{n}", "response",
                                                      payload=io.BytesIO(PAGE.format(n=n).encode()),
                                                      http_headers=headers))
    return buffer.getvalue()


@pytest.mark.parametrize("gzip, cut", [(False, 100), (False, 700), (True, 100), (True, 200)])
def test_a_warc_cut_short_names_what_it_lost(tmp_path, gzip, cut):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc_bytes(3, gzip)[:-cut])
    items = list(read_inputs([path]))
    assert sum(isinstance(i, Article) for i in items) >= 1
    lost = [i for i in items if isinstance(i, Skip)]
    assert lost and all("cut short" in s.reason or "damaged" in s.reason for s in lost)
    assert items[-1] is lost[-1]  # the loss is reported where it happened: at the end


def test_a_whole_warc_has_no_skips(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes(3, True))
    assert [type(i) for i in read_inputs([path])] == [Article] * 3


def test_a_feed_broken_after_its_entries_says_so(tmp_path):
    path = tmp_path / "feed.rss"
    entry = ("<item><title>Talks {n}</title><description>Iran rejected a US proposal for talks on Monday, the "
             "foreign ministry said, and the spokesman told reporters the offer came through a third country."
             "</description></item>")
    path.write_text("<rss><channel><title>Wire</title>" + entry.format(n=1) + entry.format(n=2) + "<item><title>cut",
                    encoding="utf-8")
    items = list(read_inputs([path]))
    assert [type(i) for i in items][:2] == [Article, Article]
    assert any(isinstance(i, Skip) and "feed broken after entry" in i.reason for i in items)
